package uk.opcc.cspgrants.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees on the demo's first start, whatever today's date: the demo clock
 * starts on Thursday 24 October 2024 and the reminder job runs once at start-up. The
 * 2024-25 July to September returns are due on Wednesday 30 October, 4 working days away,
 * so the officer responsible for the eight partnerships that have not sent theirs
 * (Leicester has) is reminded once each; Rutland's April to June return, due on 30 July,
 * never came: it is overdue, escalated to Olu Officer's manager and Rutland's payments
 * are on hold; and each signer has a record waiting. On a database of its own, so no
 * other test meets the hold.
 */
class DemoFirstStartTest {

	static LiveApplication app;

	static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("demo_first_start", "--csp-grants.demo.clock.start=2024-10-24T09:00:00+01:00",
				"--csp-grants.reminders.cron=0 0 7-18 * * MON-FRI");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theOfficerResponsibleIsRemindedOfTheReturnsDueSoonAndTheOneOverdue() {
		assertThat(keys("officer", "return-due-soon")).containsExactlyInAnyOrder("return-due-soon:10:2024-25:Q2:BLA",
				"return-due-soon:10:2024-25:Q2:CHA", "return-due-soon:10:2024-25:Q2:HAB",
				"return-due-soon:10:2024-25:Q2:HAR", "return-due-soon:10:2024-25:Q2:MEL",
				"return-due-soon:10:2024-25:Q2:NWL", "return-due-soon:10:2024-25:Q2:OAW",
				"return-due-soon:10:2024-25:Q2:RUT");
		assertThat(keys("officer", "return-overdue")).containsExactly("return-overdue:2024-25:Q1:RUT");
		assertThat(keys("manager", "return-escalated")).containsExactly("return-escalated:2024-25:Q1:RUT");
		assertThat(keys("officer", "return-escalated")).isEmpty();
		// no mail service in the embedded default: every message is kept in the
		// application
		assertThat(db.queryForList("select distinct status from notification where template like 'return-%'",
				String.class))
			.containsExactly("KEPT");
	}

	@Test
	void rutlandsPaymentsAreOnHoldAndFinanceIsTold() {
		List<Map<String, Object>> holds = db.queryForList(
				"""
						select p.code, h.financial_year, h.quarter from payment_hold h join partnership p on p.id = h.partnership_id
						where h.released_at is null
						""");
		assertThat(holds).hasSize(1);
		assertThat(holds.get(0)).containsEntry("code", "RUT")
			.containsEntry("financial_year", 2024)
			.containsEntry("quarter", "Q1");
		assertThat(keys("finance", "payment-hold-placed")).hasSize(1);
		assertThat(subjects("finance", "payment-hold-placed")).allMatch(subject -> subject.contains("Rutland"));
	}

	@Test
	void eachSignerHasARecordWaitingForThem() {
		assertThat(keys("finance", "decision-awaiting-finance")).hasSize(1);
		assertThat(subjects("finance", "decision-awaiting-finance"))
			.allMatch(subject -> subject.contains("EXE0004-24"));
		assertThat(keys("finance", "run-awaiting-approval")).hasSize(1);
		assertThat(subjects("monitoring", "decision-awaiting-monitoring-officer")).hasSize(1)
			.allMatch(subject -> subject.contains("EXE0002-24"));
		assertThat(subjects("commissioner", "decision-awaiting-commissioner")).hasSize(1)
			.allMatch(subject -> subject.contains("EXE0003-24"));
	}

	@Test
	void theRemindersAreWrittenOnceHoweverOftenTheJobRuns() {
		int before = db.queryForObject("select count(*) from notification", Integer.class);
		app.bean(uk.opcc.cspgrants.monitoring.ReturnReminders.class).remindToday();
		app.bean(uk.opcc.cspgrants.monitoring.ReturnReminders.class).remindToday();
		assertThat(db.queryForObject("select count(*) from notification", Integer.class)).isEqualTo(before);
		assertThat(db.queryForObject("select count(*) from payment_hold", Integer.class)).isEqualTo(1);
	}

	private static List<String> keys(String username, String template) {
		return db.queryForList(
				"select message_key from notification where username = ? and template = ? "
						+ "and status <> 'CANCELLED' and read_at is null order by message_key",
				String.class, username, template);
	}

	private static List<String> subjects(String username, String template) {
		return db.queryForList(
				"select subject from notification where username = ? and template = ? "
						+ "and status <> 'CANCELLED' and read_at is null order by message_key",
				String.class, username, template);
	}

}
