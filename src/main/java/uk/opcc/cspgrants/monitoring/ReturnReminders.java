package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * Chases returns: every working hour (on one node at a time, ShedLock's
 * {@code return-reminders}), for each year with grants that is not closed, each quarter
 * that has ended, and each partnership with a grant whose return is not submitted or
 * accepted, takes the steps {@link ReminderRule} gives for the day: a reminder before the
 * due date, on it, when overdue, the officer's manager told, the payments held. One
 * partnership per transaction, its returns read with a share lock so that a return being
 * submitted at that moment is seen submitted. Running again the same day, or on two nodes
 * at once, writes nothing twice: each message has a key the outbox writes once per
 * person, and a hold is placed once per overdue return ({@code payment_hold_once}).
 */
@Component
public class ReturnReminders {

	private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

	private static final Set<ReturnStatus> RECEIVED = EnumSet.of(ReturnStatus.SUBMITTED, ReturnStatus.ACCEPTED);

	private final JdbcClient jdbc;

	private final GrantManagement grants;

	private final ReturnDueDates dueDates;

	private final PaymentHolds holds;

	private final ReturnNotices notices;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReturnReminders(JdbcClient jdbc, GrantManagement grants, ReturnDueDates dueDates, PaymentHolds holds,
			ReturnNotices notices, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.grants = grants;
		this.dueDates = dueDates;
		this.holds = holds;
		this.notices = notices;
		this.transaction = DataVersions.transactionOf(transactions, ReturnReminders.class, "chase");
		this.clock = clock;
	}

	/** On schedule: today, by the application's clock. */
	@Scheduled(cron = "${csp-grants.reminders.cron:0 0 7-18 * * MON-FRI}", zone = "Europe/London")
	@SchedulerLock(name = "return-reminders")
	public void remindToday() {
		remind(LocalDate.ofInstant(this.clock.instant(), UK));
	}

	/** Takes the steps due on {@code today} in every year with grants not closed. */
	public void remind(LocalDate today) {
		for (FinancialYear year : openYears()) {
			remind(today, year);
		}
	}

	/** Takes the steps due on {@code today} for one year's returns. */
	public void remind(LocalDate today, FinancialYear year) {
		Map<Quarter, LocalDate> due = this.dueDates.of(year);
		ReminderRule rule = new ReminderRule(this.dueDates.workingDays(), this.grants.settings(year).reminders());
		List<Quarter> ended = java.util.Arrays.stream(Quarter.values())
			.filter(quarter -> quarter.endIn(year).isBefore(today))
			.toList();
		if (ended.isEmpty()) {
			return;
		}
		for (Partnership partnership : partnershipsMissingAReturn(year, ended)) {
			this.transaction.executeWithoutResult(status -> remind(today, year, partnership, ended, due, rule));
		}
	}

	private void remind(LocalDate today, FinancialYear year, Partnership partnership, List<Quarter> ended,
			Map<Quarter, LocalDate> due, ReminderRule rule) {
		Set<Quarter> received = received(year, partnership.id());
		for (Quarter quarter : ended) {
			if (received.contains(quarter)) {
				continue;
			}
			for (ReminderRule.Reminder reminder : rule.on(today, due.get(quarter))) {
				if (reminder.step() == ReminderRule.Step.HOLD) {
					this.holds.place(partnership.id(), year, quarter, today,
							"The " + ReturnNotices.quarterWords(year, quarter) + " return was due on "
									+ Dates.day(due.get(quarter)) + " and was " + reminder.days()
									+ " working days overdue");
				}
				else {
					this.notices.reminder(reminder, year, quarter, partnership.code(), partnership.name(),
							due.get(quarter));
				}
			}
		}
	}

	/** The years with grants that are not closed, earliest first. */
	private List<FinancialYear> openYears() {
		return this.jdbc
			.sql("select distinct g.financial_year from grant_award g where not exists (select 1 from year_close c "
					+ "where c.financial_year = g.financial_year and c.status = 'CLOSED') order by 1")
			.query((rs, row) -> new FinancialYear(rs.getInt(1)))
			.list();
	}

	/**
	 * The partnerships with a grant in the year and an ended quarter whose return is not
	 * submitted or accepted, in one query: a year whose returns are all in costs no
	 * transaction per partnership (300 partnerships over ten years in the load test's
	 * data would be 3,000 every hour). Each one found is read again under a lock.
	 */
	private List<Partnership> partnershipsMissingAReturn(FinancialYear year, List<Quarter> ended) {
		return this.jdbc
			.sql("""
					select p.id, p.code, p.name from grant_award g join partnership p on p.id = g.partnership_id
					where g.financial_year = :year and exists (
					    select 1 from unnest(cast(:ended as varchar[])) as q(quarter)
					    where not exists (select 1 from quarterly_return r where r.partnership_id = p.id
					        and r.financial_year = :year and r.quarter = q.quarter and r.status in ('SUBMITTED', 'ACCEPTED')))
					order by p.name
					""")
			.param("year", year.startYear())
			.param("ended", ended.stream().map(Quarter::name).toArray(String[]::new))
			.query((rs, row) -> new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The quarters of the year whose return the partnership has submitted or had
	 * accepted, read with a share lock: a submit at this moment waits for this
	 * transaction, or this waits for it and sees the return submitted.
	 */
	private Set<Quarter> received(FinancialYear year, long partnershipId) {
		Map<Quarter, ReturnStatus> statuses = new LinkedHashMap<>();
		this.jdbc
			.sql("select quarter, status from quarterly_return where partnership_id = ? and financial_year = ? "
					+ "for share")
			.params(partnershipId, year.startYear())
			.query((rs, row) -> statuses.put(Quarter.valueOf(rs.getString(1)), ReturnStatus.valueOf(rs.getString(2))))
			.list();
		Set<Quarter> received = EnumSet.noneOf(Quarter.class);
		statuses.forEach((quarter, status) -> {
			if (RECEIVED.contains(status)) {
				received.add(quarter);
			}
		});
		return received;
	}

	private record Partnership(long id, String code, String name) {
	}

}
