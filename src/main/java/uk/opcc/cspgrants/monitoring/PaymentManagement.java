package uk.opcc.cspgrants.monitoring;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Payments of grants. Paid quarterly in arrears, each quarter's payment falls due when
 * that quarter's return is accepted; paid annually in advance, the one payment is due at
 * once. Finance records a due payment as paid, with its date and reference.
 */
@Service
@Transactional
public class PaymentManagement {

	private final JdbcClient jdbc;

	private final DataVersions versions;

	private final GrantManagement grants;

	private final ReturnManagement returns;

	private final AuditTrail auditTrail;

	private final Clock clock;

	PaymentManagement(JdbcClient jdbc, GrantManagement grants, ReturnManagement returns, AuditTrail auditTrail,
			Clock clock, DataVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.grants = grants;
		this.returns = returns;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** Every grant's payments for a year, by partnership name. */
	@Transactional(readOnly = true)
	public List<PaymentSchedule> schedules(FinancialYear year) {
		return schedules(year, this.returns.returnsOf(year));
	}

	/**
	 * The same, from the year's returns already read; the payments of every grant come in
	 * one query.
	 */
	@Transactional(readOnly = true)
	public List<PaymentSchedule> schedules(FinancialYear year, Map<Long, Map<Quarter, ReturnView>> returns) {
		YearSettings settings = this.grants.settings(year);
		Map<Long, List<Paid>> payments = new HashMap<>();
		this.jdbc
			.sql("select p.grant_id, p.quarter, p.amount, p.paid_on, p.reference from grant_payment p "
					+ "join grant_award g on g.id = p.grant_id where g.financial_year = ? order by p.id")
			.param(year.startYear())
			.query((rs) -> {
				payments.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Paid((rs.getString(2) != null) ? Quarter.valueOf(rs.getString(2)) : null,
							Money.of(rs.getBigDecimal(3)), rs.getDate(4).toLocalDate(), rs.getString(5)));
			});
		List<PaymentSchedule> schedules = new ArrayList<>();
		for (GrantView grant : this.grants.grants(year)) {
			schedules.add(schedule(grant, settings, returns.getOrDefault(grant.partnershipId(), Map.of()),
					payments.getOrDefault(grant.id(), List.of())));
		}
		return schedules;
	}

	/**
	 * A version of a year's payments and payment settings, for pages that keep what they
	 * show. Read at most once a second (see {@link DataVersions}), without a transaction
	 * of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public String version(FinancialYear year) {
		return this.versions
			.of("payments " + year,
					() -> this.jdbc.sql("select concat_ws(',', count(*), max(p.id), sum(p.version), sum(p.amount), "
							+ "(select max(version) from year_settings where financial_year = ?)) from grant_payment p "
							+ "join grant_award g on g.id = p.grant_id where g.financial_year = ?")
						.params(year.startYear(), year.startYear())
						.query(String.class)
						.single());
	}

	/** Records a due payment as paid. Only finance may. */
	public PaymentSchedule recordPaid(FinancialYear year, String code, Quarter quarter, LocalDate paidOn,
			String reference, CurrentUser user) {
		if (!user.has(Role.FINANCE)) {
			throw new AccessDeniedException("Only finance records payments");
		}
		if (paidOn == null) {
			throw new ValidationException("paidOn", "Enter the date it was paid");
		}
		if (reference == null || reference.isBlank() || reference.length() > 100) {
			throw new ValidationException("reference", "Enter the payment reference, up to 100 characters");
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
					"This payment is " + instalment.status().label().toLowerCase()
							+ (instalment.status() == PaymentSchedule.Status.NOT_YET_DUE
									? ": it falls due when the " + quarter + " return is accepted" : ""));
		}
		long grantId = this.grants.grant(year, schedule.partnershipId()).orElseThrow().id();
		this.jdbc
			.sql("insert into grant_payment (grant_id, quarter, amount, paid_on, reference, recorded_by, recorded_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(grantId, (quarter != null) ? quarter.name() : null, instalment.amount().amount(),
					Date.valueOf(paidOn), reference.strip(), user.getUsername(), Timestamp.from(this.clock.instant()))
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("partnership", schedule.code());
		after.put("quarter", (quarter != null) ? quarter.name() : "ANNUAL");
		after.put("amount", instalment.amount().amount());
		after.put("paidOn", paidOn.toString());
		after.put("reference", reference.strip());
		this.auditTrail.record("PAY", "Payment", grantId + " " + after.get("quarter"), null, after);
		return schedules(year).stream()
			.filter(candidate -> candidate.code().equals(schedule.code()))
			.findFirst()
			.orElseThrow();
	}

	private static PaymentSchedule schedule(GrantView grant, YearSettings settings, Map<Quarter, ReturnView> returns,
			List<Paid> payments) {
		Map<Quarter, Paid> paid = new HashMap<>();
		Paid annualPaid = null;
		for (Paid payment : payments) {
			if (payment.quarter() == null) {
				annualPaid = payment;
			}
			else {
				paid.put(payment.quarter(), payment);
			}
		}
		List<PaymentSchedule.Instalment> instalments = new ArrayList<>();
		if (settings.paymentProfile() == YearSettings.PaymentProfile.ANNUALLY_IN_ADVANCE) {
			instalments.add((annualPaid != null)
					? new PaymentSchedule.Instalment(null, annualPaid.amount(), PaymentSchedule.Status.PAID,
							annualPaid.paidOn(), annualPaid.reference())
					: new PaymentSchedule.Instalment(null, grant.totalAvailable(), PaymentSchedule.Status.DUE, null,
							null));
		}
		else {
			Money paidSoFar = paid.values().stream().map(Paid::amount).reduce(Money.ZERO, Money::plus);
			List<Quarter> unpaid = new ArrayList<>();
			for (Quarter quarter : Quarter.values()) {
				if (!paid.containsKey(quarter)) {
					unpaid.add(quarter);
				}
			}
			List<Money> shares = split(grant.totalAvailable().minus(paidSoFar), unpaid.size());
			for (Quarter quarter : Quarter.values()) {
				Paid payment = paid.get(quarter);
				if (payment != null) {
					instalments.add(new PaymentSchedule.Instalment(quarter, payment.amount(),
							PaymentSchedule.Status.PAID, payment.paidOn(), payment.reference()));
				}
				else {
					ReturnView ofQuarter = returns.get(quarter);
					boolean accepted = ofQuarter != null && ofQuarter.status() == ReturnStatus.ACCEPTED;
					instalments.add(new PaymentSchedule.Instalment(quarter, shares.get(unpaid.indexOf(quarter)),
							accepted ? PaymentSchedule.Status.DUE : PaymentSchedule.Status.NOT_YET_DUE, null, null));
				}
			}
		}
		return new PaymentSchedule(grant.partnershipId(), grant.code(), grant.name(), grant.totalAvailable(),
				instalments);
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

	private record Paid(Quarter quarter, Money amount, LocalDate paidOn, String reference) {
	}

}
