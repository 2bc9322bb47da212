package uk.opcc.cspgrants.commissioning;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Money from one source for one financial year. Its amount changes only by a top-up or a
 * reduction with a reason ({@link #change}); a reduction never takes it below what is
 * already allocated from it.
 */
@Entity
@Table(name = "funding_stream")
class FundingStream {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String funder;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private StreamKind kind;

	@Column(nullable = false)
	private Money amount;

	private String conditions;

	@Column(name = "ring_fenced", nullable = false)
	private boolean ringFenced;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	protected FundingStream() {
	}

	FundingStream(int financialYear, StreamDetails details, Instant now, String createdBy) {
		this.financialYear = financialYear;
		this.name = details.name();
		this.funder = details.funder();
		this.kind = details.kind();
		this.amount = details.amount();
		this.conditions = details.conditions();
		this.ringFenced = details.ringFenced();
		this.createdAt = now;
		this.createdBy = createdBy;
	}

	/**
	 * Tops the stream up or reduces it by {@code by} and returns the amount before. A
	 * reduction is refused, on the field {@code amount}, when it would take the stream
	 * below zero or below {@code allocated}: its counted award lines and the formula pots
	 * drawn on it.
	 */
	Money change(StreamChange.Direction direction, Money by, StreamAllocation allocated) {
		if (by == null || !by.isGreaterThan(Money.ZERO)) {
			throw new ValidationException("amount", "Enter an amount more than £0.00");
		}
		Money before = this.amount;
		Money after = (direction == StreamChange.Direction.TOP_UP) ? before.plus(by) : before.minus(by);
		if (after.isNegative()) {
			throw new ValidationException("amount", "The stream has " + before.format() + ": it cannot be reduced by "
					+ by.format() + ". Enter " + before.format() + " or less");
		}
		if (direction == StreamChange.Direction.REDUCE && allocated.total().isGreaterThan(after)) {
			Money room = before.minus(allocated.total());
			throw new ValidationException("amount",
					"Reducing " + this.name + " by " + by.format() + " would leave " + after.format()
							+ ", less than the " + allocated.total().format() + " already allocated from it ("
							+ allocated.words() + "). Reduce it by " + (room.isNegative() ? Money.ZERO : room).format()
							+ " or less");
		}
		this.amount = after;
		return before;
	}

	Long getId() {
		return this.id;
	}

	int getFinancialYear() {
		return this.financialYear;
	}

	String getName() {
		return this.name;
	}

	Money getAmount() {
		return this.amount;
	}

	long getVersion() {
		return this.version;
	}

}
