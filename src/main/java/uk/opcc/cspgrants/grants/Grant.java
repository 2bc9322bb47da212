package uk.opcc.cspgrants.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A partnership's grant for a financial year: its lines (where the money comes from), the
 * carry forward from last year, and the payments recorded against it. Every change goes
 * through a method here, which checks the grant's rules and moves its version on, so two
 * people changing one grant at once meet at the version: one wins, the other is told.
 * <p>
 * The rules: lines are never negative; a formula run gives a grant one line at most;
 * there is one hand-entered (historic) line at most; a carry forward is negative only
 * when it carries an overspend; each payment (a quarter's, or the annual one) is recorded
 * once; and nothing is paid, or the grant reduced, beyond its total available.
 */
@Entity
@Table(name = "grant_award")
class Grant {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "partnership_id", nullable = false, updatable = false)
	private long partnershipId;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Column(name = "carry_forward", nullable = false)
	private Money carryForward;

	@Enumerated(EnumType.STRING)
	@Column(name = "carry_forward_kind", nullable = false)
	private CarryForward carryForwardKind;

	@Column(name = "carry_forward_note")
	private String carryForwardNote;

	@Version
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@OneToMany(mappedBy = "grant", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<GrantLine> lines = new ArrayList<>();

	@OneToMany(mappedBy = "grant", cascade = CascadeType.ALL)
	@OrderBy("id")
	private List<GrantPayment> payments = new ArrayList<>();

	protected Grant() {
	}

	/**
	 * A new grant with no money yet (tests; the service creates grants in the database).
	 */
	Grant(long partnershipId, FinancialYear year, Instant now) {
		this.partnershipId = partnershipId;
		this.financialYear = year.startYear();
		this.carryForward = Money.ZERO;
		this.carryForwardKind = CarryForward.NONE;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Long id() {
		return this.id;
	}

	long partnershipId() {
		return this.partnershipId;
	}

	FinancialYear year() {
		return new FinancialYear(this.financialYear);
	}

	long version() {
		return this.version;
	}

	/** Every line added up. */
	Money allocation() {
		return this.lines.stream().map(GrantLine::amount).reduce(Money.ZERO, Money::plus);
	}

	Money totalAvailable() {
		return allocation().plus(this.carryForward);
	}

	Money paid() {
		return this.payments.stream().map(GrantPayment::amount).reduce(Money.ZERO, Money::plus);
	}

	/** Whether anything has been given to this grant yet. */
	boolean isEmpty() {
		return this.lines.isEmpty() && this.carryForward.isZero() && this.payments.isEmpty();
	}

	boolean hasLineFrom(long runId) {
		return this.lines.stream().anyMatch(line -> Objects.equals(line.runId(), runId));
	}

	/**
	 * Adds the line a formula run gives this grant; a run gives each grant one line only.
	 */
	void addFromRun(GrantView.Source source, Money amount, long runId, String note, String by, Instant at) {
		if (hasLineFrom(runId)) {
			throw new ConflictException(null, "Grants have already been created from run " + runId);
		}
		if (amount.isNegative()) {
			throw new ValidationException("amount", "A grant line cannot be negative");
		}
		this.lines.add(new GrantLine(this, source, amount, runId, note, by, at));
		changed(at);
	}

	/**
	 * Sets the allocation entered by hand for a year before this service: it replaces any
	 * earlier hand-entered line; lines from runs stay.
	 */
	void enterHistoricAllocation(Money allocation, String note, String by, Instant at) {
		if (allocation.isNegative()) {
			throw new ValidationException("allocation", "The allocation cannot be negative");
		}
		GrantLine historic = this.lines.stream()
			.filter(line -> line.source() == GrantView.Source.HISTORIC)
			.findFirst()
			.orElse(null);
		if (historic != null) {
			historic.replace(allocation, note, by, at);
		}
		else {
			this.lines.add(new GrantLine(this, GrantView.Source.HISTORIC, allocation, null, note, by, at));
		}
		refuseLessThanPaid("allocation");
		changed(at);
	}

	/**
	 * Sets the carry forward from last year. Only a carried overspend may be negative.
	 */
	void carryForward(Money amount, CarryForward kind, String note, Instant at) {
		if (amount.isNegative() && kind != CarryForward.OVERSPEND) {
			throw new ValidationException("carryForward", "The carry forward cannot be negative");
		}
		if (!amount.isNegative() && kind == CarryForward.OVERSPEND && !amount.isZero()) {
			throw new ValidationException("carryForward", "An overspend is carried forward as negative money");
		}
		this.carryForward = amount;
		this.carryForwardKind = amount.isZero() ? CarryForward.NONE : kind;
		this.carryForwardNote = note;
		refuseLessThanPaid("carryForward");
		changed(at);
	}

	/**
	 * Records a payment as paid: a quarter's, or with {@code quarter} null the annual
	 * payment in advance. Each is recorded once, on a date that has come and is not
	 * before the year before the grant's, and never beyond the total available.
	 */
	GrantPayment pay(Quarter quarter, Money amount, LocalDate paidOn, String reference, String by, Instant at) {
		String ref = PaymentRecorded.check(year(), paidOn, reference, LocalDate.ofInstant(at, LONDON));
		for (GrantPayment payment : this.payments) {
			if (payment.quarter() == quarter) {
				throw new ConflictException(null,
						((quarter != null) ? "The " + quarter + " payment" : "The annual payment")
								+ " has already been recorded as paid");
			}
		}
		if (!amount.isGreaterThan(Money.ZERO)) {
			throw new ConflictException(null, "There is nothing to pay: the amount is " + amount.format());
		}
		if (paid().plus(amount).isGreaterThan(totalAvailable())) {
			throw new ConflictException(null, "Paying " + amount.format() + " would take the payments to "
					+ paid().plus(amount).format() + ", more than the total available of " + totalAvailable().format());
		}
		GrantPayment payment = new GrantPayment(this, quarter, amount, paidOn, ref, by, at);
		this.payments.add(payment);
		changed(at);
		return payment;
	}

	private void refuseLessThanPaid(String field) {
		if (paid().isGreaterThan(totalAvailable())) {
			throw new ValidationException(field, "The total available would be " + totalAvailable().format()
					+ ", less than the " + paid().format() + " already paid");
		}
	}

	/**
	 * Marks the grant changed, so that saving it moves its version on (and a writer who
	 * read it before is told), even when only a line or a payment changed.
	 */
	private void changed(Instant at) {
		this.updatedAt = at.isAfter(this.updatedAt) ? at : this.updatedAt.plusNanos(1_000);
	}

	List<Payment> paymentViews() {
		return this.payments.stream().map(payment -> payment.toView(this.id)).toList();
	}

	GrantView toView(String code, String name) {
		return new GrantView((this.id != null) ? this.id : 0, this.partnershipId, code, name, year(),
				this.lines.stream().map(GrantLine::toView).toList(), this.carryForward, this.carryForwardNote,
				this.version);
	}

	/** What the audit trail records of the grant, before and after a change. */
	Map<String, Object> snapshot(String code) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("partnership", code);
		snapshot.put("year", year().toString());
		snapshot.put("allocation", allocation().amount());
		snapshot.put("carryForward", this.carryForward.amount());
		snapshot.put("lines", this.lines.stream().map(line -> line.source() + " " + line.amount()).toList());
		snapshot.put("paid", paid().amount());
		return snapshot;
	}

}
