package uk.opcc.cspgrants.grants;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A grant to an organisation, made once from a committed award line of a schedule decided
 * Supported, with a payment per period of the line (none when it is given in kind).
 * Finance records each payment paid once, never taking what is paid beyond the grant (the
 * database refuses it too, V41).
 */
@Entity
@Table(name = "organisation_grant")
class OrganisationGrant {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "organisation_id", nullable = false, updatable = false)
	private long organisationId;

	@Column(name = "partnership_id", updatable = false)
	private Long partnershipId;

	@Column(name = "financial_year", nullable = false, updatable = false)
	private int financialYear;

	@Column(name = "award_line_id", nullable = false, updatable = false)
	private long awardLineId;

	@Column(nullable = false, updatable = false)
	private String initiative;

	@Column(nullable = false, updatable = false)
	private BigDecimal amount;

	@Column(name = "stream_id", nullable = false, updatable = false)
	private long streamId;

	@Column(name = "theme_id", nullable = false, updatable = false)
	private long themeId;

	@Column(nullable = false, updatable = false)
	private String route;

	@Column(name = "in_kind", nullable = false, updatable = false)
	private boolean inKind;

	@Column(name = "decision_reference", nullable = false, updatable = false)
	private String decisionReference;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "grant", cascade = CascadeType.ALL)
	@OrderBy("startsOn")
	private List<OrganisationGrantPayment> payments = new ArrayList<>();

	protected OrganisationGrant() {
	}

	/** A new grant from a decided line; refused when its payments do not make it up. */
	static OrganisationGrant of(NewOrganisationGrant command, Instant at) {
		refuse(problems(command));
		OrganisationGrant grant = new OrganisationGrant();
		grant.organisationId = command.organisationId();
		grant.partnershipId = command.partnershipId();
		grant.financialYear = command.year().startYear();
		grant.awardLineId = command.awardLineId();
		grant.initiative = command.initiative().strip();
		grant.amount = command.amount().amount();
		grant.streamId = command.streamId();
		grant.themeId = command.themeId();
		grant.route = command.route();
		grant.inKind = command.inKind();
		grant.decisionReference = command.decisionReference();
		grant.createdAt = at;
		for (NewOrganisationGrant.PlannedPayment payment : command.payments()) {
			grant.payments
				.add(new OrganisationGrantPayment(grant, payment.startsOn(), payment.endsOn(), payment.amount()));
		}
		return grant;
	}

	/** What is wrong with a grant to be made, by field. */
	static Map<String, String> problems(NewOrganisationGrant command) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (command.initiative() == null || command.initiative().isBlank()) {
			errors.put("initiative", "Say what the grant is for");
		}
		if (command.amount() == null || command.amount().isNegative()) {
			errors.put("amount", "A grant's amount cannot be less than £0.00");
			return errors;
		}
		if (command.decisionReference() == null || command.decisionReference().isBlank()) {
			errors.put("decisionReference", "A grant is made by a decision record");
		}
		if (command.inKind()) {
			if (!command.payments().isEmpty()) {
				errors.put("payments", "A grant given in kind is not paid: it has no payments");
			}
			return errors;
		}
		Money planned = Money.ZERO;
		Set<LocalDate> starts = new HashSet<>();
		for (NewOrganisationGrant.PlannedPayment payment : command.payments()) {
			if (payment.startsOn() == null || payment.endsOn() == null || payment.endsOn().isBefore(payment.startsOn())
					|| !starts.add(payment.startsOn())) {
				errors.put("payments", "Each payment is for its own period, from its first day to its last");
				return errors;
			}
			if (payment.amount() == null || !payment.amount().isGreaterThan(Money.ZERO)) {
				errors.put("payments", "Each payment is of more than £0.00");
				return errors;
			}
			planned = planned.plus(payment.amount());
		}
		if (!planned.equals(command.amount())) {
			errors.put("payments",
					"The payments add up to " + planned.format() + ", not the grant's " + command.amount().format());
		}
		return errors;
	}

	/**
	 * Finance records a payment paid, once: refused (409) when it is already recorded or
	 * was changed since {@code version} was read, or when it would take what is paid
	 * beyond the grant; 400 for a date or reference that will not do.
	 */
	OrganisationGrantPayment recordPaid(long paymentId, Long version, LocalDate paidOn, String reference, String by,
			Instant at, LocalDate today) {
		OrganisationGrantPayment payment = this.payments.stream()
			.filter(candidate -> candidate.id() != null && candidate.id() == paymentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no payment " + paymentId));
		if (payment.isPaid()) {
			throw alreadyPaid(payment);
		}
		if (version == null || version != payment.version()) {
			throw ConflictException.changedBySomeoneElse();
		}
		String ref = PaymentRecorded.check(year(), paidOn, reference, today);
		Money after = paid().plus(payment.amount());
		if (after.isGreaterThan(amount())) {
			throw new ConflictException(null, "Paying " + payment.amount().format() + " would take the payments to "
					+ after.format() + ", more than the grant of " + amount().format());
		}
		payment.paid(paidOn, ref, by, at);
		return payment;
	}

	/** The refusal of a payment already recorded paid, naming who recorded it. */
	static ConflictException alreadyPaid(OrganisationGrantPayment payment) {
		return new ConflictException(null, "This payment was already recorded paid on " + Dates.day(payment.paidOn())
				+ " by " + payment.recordedBy() + ", reference " + payment.reference());
	}

	Money paid() {
		return this.payments.stream()
			.filter(OrganisationGrantPayment::isPaid)
			.map(OrganisationGrantPayment::amount)
			.reduce(Money.ZERO, Money::plus);
	}

	Long id() {
		return this.id;
	}

	Money amount() {
		return Money.of(this.amount);
	}

	FinancialYear year() {
		return new FinancialYear(this.financialYear);
	}

	List<OrganisationGrantPayment> payments() {
		return List.copyOf(this.payments);
	}

	/** What the audit trail records of the grant. */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("organisation", this.organisationId);
		snapshot.put("year", year().toString());
		snapshot.put("awardLine", this.awardLineId);
		snapshot.put("initiative", this.initiative);
		snapshot.put("amount", this.amount);
		snapshot.put("route", this.route);
		snapshot.put("inKind", this.inKind);
		snapshot.put("decision", this.decisionReference);
		snapshot.put("payments", this.payments.size());
		return snapshot;
	}

	private static void refuse(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

}
