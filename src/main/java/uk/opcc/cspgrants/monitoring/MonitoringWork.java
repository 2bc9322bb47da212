package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.WorkItem;
import uk.opcc.cspgrants.shared.web.WorkSource;

/**
 * Returns and payments on the home page of OPCC staff: officers see the returns submitted
 * and waiting to be accepted, and the returns overdue, year by year; finance the payments
 * due (a return accepted, the payment not yet recorded), year by year. A query for each,
 * the same for every officer: read at most once a second, and again at once after a
 * change here (see DataVersions), however many people open their home page.
 */
@Component
@Transactional(readOnly = true)
class MonitoringWork implements WorkSource {

	/**
	 * Each grant's four quarters with its return, if any. The day each is due counts
	 * working days, so it is worked out in Java ({@link ReturnDueDates}), a year at a
	 * time.
	 */
	static final String QUARTERS_OF_GRANTS = "from grant_award g "
			+ "cross join (values ('Q1'), ('Q2'), ('Q3'), ('Q4')) as q(quarter) "
			+ "left join quarterly_return r on r.partnership_id = g.partnership_id "
			+ "and r.financial_year = g.financial_year and r.quarter = q.quarter ";

	private final JdbcClient jdbc;

	private final ReturnDueDates dueDates;

	private final PaymentHolds holds;

	private final DataVersions versions;

	MonitoringWork(JdbcClient jdbc, ReturnDueDates dueDates, PaymentHolds holds, DataVersions versions) {
		this.jdbc = jdbc;
		this.dueDates = dueDates;
		this.holds = holds;
		this.versions = versions;
	}

	@Override
	public List<WorkItem> workFor(CurrentUser user, LocalDate today) {
		List<WorkItem> items = new ArrayList<>();
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			this.versions.<Optional<WorkItem>>kept("home: returns submitted", this::submitted).ifPresent(items::add);
			overdue(items, today);
			this.versions.<Optional<WorkItem>>kept("home: payments on hold", this::holds).ifPresent(items::add);
		}
		if (user.has(Role.FINANCE)) {
			this.versions.<Optional<WorkItem>>kept("home: payments due", this::paymentsDue).ifPresent(items::add);
		}
		return items;
	}

	private Optional<WorkItem> submitted() {
		List<WorkItem.Link> submitted = this.jdbc
			.sql("select r.financial_year, r.quarter, p.code, p.name from quarterly_return r "
					+ "join partnership p on p.id = r.partnership_id where r.status = 'SUBMITTED' "
					+ "order by r.financial_year, r.quarter, p.name")
			.query((rs, row) -> {
				FinancialYear year = new FinancialYear(rs.getInt(1));
				Quarter quarter = Quarter.valueOf(rs.getString(2));
				return new WorkItem.Link(rs.getString(4) + ": " + quarter + " " + year,
						"/monitoring/returns/" + year + "/" + quarter + "/" + rs.getString(3));
			})
			.list();
		if (submitted.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(WorkItem.waiting(150,
				WorkItem.count(submitted.size(), "return", "returns") + " submitted and waiting for you to accept "
						+ ((submitted.size() == 1) ? "it" : "them") + " or return "
						+ ((submitted.size() == 1) ? "it" : "them") + " for correction",
				(submitted.size() == 1) ? submitted.get(0).href() : "/monitoring", submitted));
	}

	/**
	 * The returns overdue, year by year: the quarters not received are read for everyone
	 * alike, and which of them are overdue is worked out for today.
	 */
	private void overdue(List<WorkItem> items, LocalDate today) {
		Map<FinancialYear, Long> overdue = new LinkedHashMap<>();
		Map<FinancialYear, Map<Quarter, LocalDate>> dueDates = new LinkedHashMap<>();
		for (NotReceived quarter : this.versions.kept("home: returns not received", this::notReceived)) {
			LocalDate due = dueDates.computeIfAbsent(quarter.year(), this.dueDates::of).get(quarter.quarter());
			if (today.isAfter(due)) {
				overdue.merge(quarter.year(), quarter.count(), Long::sum);
			}
		}
		List<WorkItem.Link> years = overdue.entrySet()
			.stream()
			.map(year -> new WorkItem.Link(
					WorkItem.count(year.getValue(), "return", "returns") + " overdue for " + year.getKey(),
					"/monitoring?year=" + year.getKey()))
			.toList();
		if (!years.isEmpty()) {
			items.add(WorkItem.waiting(160, "Returns overdue: due and not received", years.get(0).href(), years));
		}
	}

	/** How many returns of each year and quarter with a grant are not received. */
	private List<NotReceived> notReceived() {
		return this.jdbc
			.sql("select g.financial_year, q.quarter, count(*) " + QUARTERS_OF_GRANTS
					+ "where (r.status is null or r.status = 'DRAFT') "
					+ "group by g.financial_year, q.quarter order by g.financial_year desc, q.quarter")
			.query((rs, row) -> new NotReceived(new FinancialYear(rs.getInt(1)), Quarter.valueOf(rs.getString(2)),
					rs.getLong(3)))
			.list();
	}

	/** Partnerships whose payments are on hold, each a link to release the hold. */
	private Optional<WorkItem> holds() {
		List<WorkItem.Link> held = this.holds.active()
			.stream()
			.map(hold -> new WorkItem.Link(hold.name() + ": payments on hold since " + Dates.day(hold.placedOn())
					+ ", the " + hold.quarter() + " " + hold.year() + " return overdue",
					"/monitoring/holds/" + hold.id() + "/release"))
			.toList();
		if (held.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(WorkItem.waiting(165,
				"Payments on hold for " + WorkItem.count(held.size(), "partnership", "partnerships")
						+ ": release a hold, with a reason, once its return arrives or you agree why it is late",
				held.get(0).href(), held));
	}

	/**
	 * The payments due, counted year by year in one query by the rules of
	 * {@link PaymentManagement}: paid quarterly in arrears, a quarter's payment is due
	 * once its return is accepted, while it is unpaid and its share of what is left to
	 * pay (split to the penny over the unpaid quarters, the first ones taking the odd
	 * pence) is more than nothing; paid annually in advance, the one payment is due until
	 * it is recorded, while anything is left to pay.
	 */
	private Optional<WorkItem> paymentsDue() {
		List<YearCount> years = this.jdbc
			.sql("""
					with grants as (
					    select g.id, g.partnership_id, g.financial_year,
					        coalesce(s.payment_profile, 'QUARTERLY_IN_ARREARS') as profile,
					        100 * (g.carry_forward + coalesce((select sum(l.amount) from grant_line l where l.grant_id = g.id), 0)
					            - coalesce((select sum(p.amount) from grant_payment p where p.grant_id = g.id), 0)) as left_pence,
					        exists (select 1 from grant_payment p where p.grant_id = g.id and p.quarter is null) as annual_paid
					    from grant_award g left join year_settings s on s.financial_year = g.financial_year)
					select financial_year, count(*) from (
					    select g.financial_year from grants g
					    join quarterly_return r on r.partnership_id = g.partnership_id
					        and r.financial_year = g.financial_year and r.status = 'ACCEPTED'
					    where g.profile = 'QUARTERLY_IN_ARREARS'
					        and not exists (select 1 from grant_payment p where p.grant_id = g.id and p.quarter = r.quarter)
					        and (cast(substr(r.quarter, 2) as integer) - 1) - (select count(*) from grant_payment p
					            where p.grant_id = g.id and p.quarter < r.quarter) < g.left_pence
					    union all
					    select g.financial_year from grants g
					    where g.profile = 'ANNUALLY_IN_ADVANCE' and not g.annual_paid and g.left_pence > 0) due
					group by financial_year order by financial_year desc""")
			.query((rs, row) -> new YearCount(new FinancialYear(rs.getInt(1)), rs.getLong(2)))
			.list();
		List<WorkItem.Link> due = years.stream()
			.map(year -> new WorkItem.Link(
					WorkItem.count(year.count(), "payment", "payments") + " due for " + year.year(),
					"/monitoring/payments?year=" + year.year()))
			.toList();
		if (due.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(
				WorkItem.waiting(170,
						WorkItem.count(years.stream().mapToLong(YearCount::count).sum(), "payment", "payments")
								+ " due to be paid: returns accepted, payment not yet recorded",
						due.get(0).href(), due));
	}

	private record YearCount(FinancialYear year, long count) {
	}

	private record NotReceived(FinancialYear year, Quarter quarter, long count) {
	}

}
