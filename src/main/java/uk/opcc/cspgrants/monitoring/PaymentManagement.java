package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.grants.Payment;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;

/**
 * Payments of grants. Paid quarterly in arrears, each quarter's payment falls due when
 * that quarter's return is accepted; paid annually in advance, the one payment is due at
 * once. Finance records a due payment as paid, with its date and reference.
 */
@Service
@Transactional
public class PaymentManagement {

	private final GrantManagement grants;

	private final ReturnManagement returns;

	private final PaymentHolds holds;

	private final ReturnNotices notices;

	private final DataVersions versions;

	PaymentManagement(GrantManagement grants, ReturnManagement returns, PaymentHolds holds, ReturnNotices notices,
			DataVersions versions) {
		this.grants = grants;
		this.versions = versions;
		this.returns = returns;
		this.holds = holds;
		this.notices = notices;
	}

	/**
	 * Every grant's payments for a year, by partnership name. A CSP manager's home page
	 * shows their line of the latest year's: read at most once a second, and again at
	 * once after a change here (see DataVersions); always afresh inside a change.
	 */
	@Transactional(readOnly = true)
	public List<PaymentSchedule> schedules(FinancialYear year) {
		return this.versions.kept("payment schedules " + year, () -> schedulesAsSaved(year));
	}

	/**
	 * Every grant's payments for a year as saved now, never kept: for what is kept by a
	 * version read before it, which must show at least that version.
	 */
	@Transactional(readOnly = true)
	public List<PaymentSchedule> schedulesAsSaved(FinancialYear year) {
		return List.copyOf(schedules(year, this.returns.returnsOf(year)));
	}

	/**
	 * The same, from the year's returns already read; the payments of every grant come in
	 * one query.
	 */
	@Transactional(readOnly = true)
	public List<PaymentSchedule> schedules(FinancialYear year, Map<Long, Map<Quarter, ReturnView>> returns) {
		// as saved now, never a kept copy: pages keep what this gives by a version read
		// before it, which includes the settings' version
		YearSettings settings = this.grants.settingsAsSaved(year);
		Map<Long, List<Payment>> payments = new HashMap<>();
		for (Payment payment : this.grants.payments(year)) {
			payments.computeIfAbsent(payment.grantId(), (id) -> new ArrayList<>()).add(payment);
		}
		List<PaymentSchedule> schedules = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			schedules.add(schedule(grant, settings, returns.getOrDefault(grant.partnershipId(), Map.of()),
					payments.getOrDefault(grant.id(), List.of())));
		}
		return schedules;
	}

	/**
	 * A version of a year's payments and payment settings, for pages that keep what they
	 * show. Read at most once a second (see {@code DataVersions}), without a transaction
	 * of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.grants.paymentsVersion(year);
	}

	/**
	 * Records a due payment as paid, once: the grant refuses a second record of the same
	 * payment, even at the same moment. Only finance may.
	 */
	public PaymentSchedule recordPaid(FinancialYear year, String code, Quarter quarter, LocalDate paidOn,
			String reference, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance records payments");
		}
		PaymentSchedule schedule = schedules(year).stream()
			.filter(candidate -> candidate.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new ConflictException(null, code + " has no grant for " + year));
		PaymentSchedule.Instalment instalment = schedule.instalments()
			.stream()
			.filter(candidate -> candidate.quarter() == quarter)
			.findFirst()
			.orElseThrow(() -> new ConflictException(null, "There is no such payment for " + schedule.name()));
		if (instalment.status() != PaymentSchedule.Status.DUE) {
			throw new ConflictException(null,
					((quarter != null) ? "The " + quarter + " payment" : "The annual payment") + " of "
							+ schedule.name() + " is " + instalment.status().label().toLowerCase()
							+ (instalment.status() == PaymentSchedule.Status.NOT_YET_DUE
									? ": it falls due when the " + quarter + " return is accepted" : ""));
		}
		this.holds.activeFor(schedule.partnershipId()).ifPresent(hold -> {
			throw onHold(hold);
		});
		// a hold placed at this very moment is refused by the database
		// (grant_payment_not_on_hold)
		this.grants.recordPayment(year, schedule.partnershipId(), quarter, instalment.amount(), paidOn, reference,
				user);
		this.notices.paid(year, quarter, schedule.code(), schedule.name(), instalment.amount(), paidOn);
		return schedules(year).stream()
			.filter(candidate -> candidate.code().equals(schedule.code()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * When a return is accepted and its quarter's payment falls due, the partnership's
	 * CSP managers are told it is released for payment (unless their payments are on
	 * hold).
	 */
	@EventListener
	void paymentReleased(ReturnAccepted accepted) {
		if (this.holds.activeFor(accepted.partnershipId()).isPresent()) {
			return;
		}
		schedules(accepted.year()).stream()
			.filter(schedule -> schedule.partnershipId() == accepted.partnershipId())
			.flatMap(schedule -> schedule.instalments().stream())
			.filter(instalment -> instalment.quarter() == accepted.quarter()
					&& instalment.status() == PaymentSchedule.Status.DUE)
			.findFirst()
			.ifPresent(instalment -> this.notices.paymentReleased(accepted.year(), accepted.quarter(), accepted.code(),
					accepted.name(), instalment.amount()));
	}

	/** The refusal of a payment while the partnership's payments are on hold. */
	static ConflictException onHold(PaymentHold hold) {
		return new ConflictException(null,
				"Payments to " + hold.name() + " are on hold since " + Dates.day(hold.placedOn()) + ": " + hold.reason()
						+ ". An OPCC officer must release the hold before a payment is recorded.");
	}

	private static PaymentSchedule schedule(GrantView grant, YearSettings settings, Map<Quarter, ReturnView> returns,
			List<Payment> payments) {
		Map<Quarter, Payment> paid = new HashMap<>();
		Payment annualPaid = null;
		for (Payment payment : payments) {
			if (payment.quarter() == null) {
				annualPaid = payment;
			}
			else {
				paid.put(payment.quarter(), payment);
			}
		}
		List<PaymentSchedule.Instalment> instalments = new ArrayList<>();
		Money paidQuarterly = paid.values().stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
		if (settings.paymentProfile() == YearSettings.PaymentProfile.ANNUALLY_IN_ADVANCE) {
			for (Quarter quarter : Quarter.values()) {
				Payment payment = paid.get(quarter);
				if (payment != null) {
					instalments.add(new PaymentSchedule.Instalment(quarter, payment.amount(),
							PaymentSchedule.Status.PAID, payment.paidOn(), payment.reference()));
				}
			}
			Money rest = grant.totalAvailable().minus(paidQuarterly);
			instalments.add((annualPaid != null)
					? new PaymentSchedule.Instalment(null, annualPaid.amount(), PaymentSchedule.Status.PAID,
							annualPaid.paidOn(), annualPaid.reference())
					: new PaymentSchedule.Instalment(null, rest, rest.isGreaterThan(Money.ZERO)
							? PaymentSchedule.Status.DUE : PaymentSchedule.Status.NOT_YET_DUE, null, null));
		}
		else {
			Money paidSoFar = paidQuarterly.plus((annualPaid != null) ? annualPaid.amount() : Money.ZERO);
			if (annualPaid != null) {
				instalments.add(new PaymentSchedule.Instalment(null, annualPaid.amount(), PaymentSchedule.Status.PAID,
						annualPaid.paidOn(), annualPaid.reference()));
			}
			List<Quarter> unpaid = new ArrayList<>();
			for (Quarter quarter : Quarter.values()) {
				if (!paid.containsKey(quarter)) {
					unpaid.add(quarter);
				}
			}
			List<Money> shares = split(grant.totalAvailable().minus(paidSoFar), unpaid.size());
			for (Quarter quarter : Quarter.values()) {
				Payment payment = paid.get(quarter);
				if (payment != null) {
					instalments.add(new PaymentSchedule.Instalment(quarter, payment.amount(),
							PaymentSchedule.Status.PAID, payment.paidOn(), payment.reference()));
				}
				else {
					ReturnView ofQuarter = returns.get(quarter);
					boolean accepted = ofQuarter != null && ofQuarter.status() == ReturnStatus.ACCEPTED;
					Money share = shares.get(unpaid.indexOf(quarter));
					instalments.add(
							new PaymentSchedule.Instalment(
									quarter, share, (accepted && share.isGreaterThan(Money.ZERO))
											? PaymentSchedule.Status.DUE : PaymentSchedule.Status.NOT_YET_DUE,
									null, null));
				}
			}
		}
		return new PaymentSchedule(grant.partnershipId(), grant.code(), grant.name(), grant.totalAvailable(),
				List.copyOf(instalments));
	}

	/**
	 * Splits an amount into equal parts to the penny; the first parts take any pennies
	 * left over.
	 */
	static List<Money> split(Money amount, int parts) {
		List<Money> shares = new ArrayList<>();
		if (parts == 0) {
			return shares;
		}
		long pence = amount.pence();
		long each = Math.floorDiv(pence, parts);
		long left = pence - each * parts;
		for (int i = 0; i < parts; i++) {
			shares.add(Money.ofPence(each + ((i < left) ? 1 : 0)));
		}
		return shares;
	}

}
