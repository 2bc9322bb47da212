package uk.opcc.cspgrants.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A partnership's quarterly monitoring return, with its activity lines. Its figures
 * change only while it is a draft or returned for correction; its status moves only as
 * {@link ReturnStatus#canBecome} allows, each move through a method here. Every change
 * moves its version on, so two people changing one return at once meet at the version.
 */
@Entity
@Table(name = "quarterly_return")
class QuarterlyReturn {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "partnership_id", nullable = false, updatable = false)
	private long partnershipId;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Quarter quarter;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReturnStatus status;

	@Column(name = "planned_allocation", nullable = false)
	private Money plannedAllocation;

	@Column(name = "cumulative_spend", nullable = false)
	private Money cumulativeSpend;

	private String comments;

	@Column(name = "spend_fall_reason")
	private String spendFallReason;

	@Column(name = "status_reason")
	private String statusReason;

	@ElementCollection
	@CollectionTable(name = "return_activity", joinColumns = @JoinColumn(name = "return_id"))
	@OrderColumn(name = "line")
	@ListIndexBase(1)
	private List<ActivityLine> activities = new ArrayList<>();

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	@Column(name = "accepted_by")
	private String acceptedBy;

	protected QuarterlyReturn() {
	}

	/** A new draft return with its first figures. */
	QuarterlyReturn(long partnershipId, FinancialYear year, Quarter quarter, String by, Instant at) {
		this.partnershipId = partnershipId;
		this.financialYear = year.startYear();
		this.quarter = quarter;
		this.status = ReturnStatus.DRAFT;
		this.createdAt = at;
		this.updatedAt = at;
		this.updatedBy = by;
	}

	/**
	 * Saves the figures, activities and comments of a draft or returned return.
	 * @param earlier the latest earlier return of the year, if any: spend below its spend
	 * needs a reason
	 */
	void saveFigures(ReturnDetails details, QuarterlyReturn earlier, String by, Instant at) {
		if (!this.status.editable()) {
			throw new ConflictException(null,
					"This return is " + this.status.label().toLowerCase()
							+ ((this.status == ReturnStatus.ACCEPTED) ? ": re-open it, with a reason, to change it"
									: ": accept it or return it for correction first"));
		}
		Map<String, String> errors = details.problems();
		if (errors.isEmpty() && earlier != null && details.cumulativeSpend().compareTo(earlier.cumulativeSpend) < 0
				&& details.spendFallReason() == null) {
			errors.put("spendFallReason", "Cumulative spend is lower than at " + earlier.quarter + " ("
					+ earlier.cumulativeSpend.format() + "): say why");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		this.plannedAllocation = details.plannedAllocation();
		this.cumulativeSpend = details.cumulativeSpend();
		this.comments = details.comments();
		this.spendFallReason = details.spendFallReason();
		this.activities.clear();
		details.activities().forEach(activity -> this.activities.add(new ActivityLine(activity)));
		changed(by, at);
	}

	void submit(String by, Instant at) {
		move(ReturnStatus.SUBMITTED, null, by, at);
		this.submittedAt = at;
	}

	void accept(String by, Instant at) {
		move(ReturnStatus.ACCEPTED, null, by, at);
		this.acceptedAt = at;
		this.acceptedBy = by;
	}

	void returnForCorrection(String reason, String by, Instant at) {
		move(ReturnStatus.RETURNED, reason(reason, "Say what needs correcting"), by, at);
	}

	void reopen(String reason, String by, Instant at) {
		move(ReturnStatus.DRAFT, reason(reason, "Say why the accepted return is re-opened"), by, at);
	}

	private void move(ReturnStatus next, String reason, String by, Instant at) {
		this.status = this.status.next(next);
		this.statusReason = reason;
		changed(by, at);
	}

	private void changed(String by, Instant at) {
		this.updatedBy = by;
		this.updatedAt = at.isAfter(this.updatedAt) ? at : this.updatedAt.plusNanos(1_000);
	}

	private static String reason(String reason, String message) {
		return ReturnStatus.reason(reason, message);
	}

	Long id() {
		return this.id;
	}

	Quarter quarter() {
		return this.quarter;
	}

	long version() {
		return this.version;
	}

	ReturnStatus status() {
		return this.status;
	}

	ReturnView toView(String code, String name, Money totalAvailable, java.time.LocalDate dueDate) {
		return new ReturnView((this.id != null) ? this.id : 0, this.partnershipId, code, name,
				new FinancialYear(this.financialYear), this.quarter, this.status,
				new ReturnDetails(this.plannedAllocation, this.cumulativeSpend,
						this.activities.stream().map(ActivityLine::toView).toList(), this.comments,
						this.spendFallReason, this.version),
				this.statusReason, totalAvailable, dueDate, this.updatedAt, this.updatedBy, this.acceptedBy);
	}

	/** What the audit trail records of the return, before and after a change. */
	Map<String, Object> snapshot(String code) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("partnership", code);
		snapshot.put("year", new FinancialYear(this.financialYear).toString());
		snapshot.put("quarter", this.quarter.name());
		snapshot.put("status", this.status.name());
		snapshot.put("plannedAllocation", (this.plannedAllocation != null) ? this.plannedAllocation.amount() : null);
		snapshot.put("cumulativeSpend", (this.cumulativeSpend != null) ? this.cumulativeSpend.amount() : null);
		snapshot.put("activities", this.activities.size());
		snapshot.put("reason", this.statusReason);
		return snapshot;
	}

}
