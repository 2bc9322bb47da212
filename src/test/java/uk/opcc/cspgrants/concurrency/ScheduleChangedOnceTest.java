package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.DecidedScheduleFixture;
import uk.opcc.cspgrants.commissioning.ScheduleFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * The award schedule changes once per version read, on a database of its own. Twenty at
 * the same moment, on the page and through the API: open a year's schedule, change a
 * line, remove a line, set the tolerance, and (API) draft the schedule's decision record.
 * Each time one succeeds, the others get 409 saying who or what got there first, nobody a
 * 500 (nor a 404 for the line the winner removed), and the change is audited once.
 */
class ScheduleChangedOnceTest {

	private static final int AT_ONCE = 20;

	/** The year whose lines and tolerance change. */
	private static final FinancialYear YEAR = FinancialYear.parse("2006-07");

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static ScheduleFixture fixture;

	private static long schedule;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("schedule_changed_once");
		db = app.database();
		fixture = new ScheduleFixture(db, YEAR, "1649000", "1305029", "294994");
		HttpResponse<String> opened = app.api("officer").post("/api/v1/commissioning/2006-07/schedule", """
				{"title": "Partner funding 2006-07", "tolerancePercent": 0}""");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		schedule = db.queryForObject("select id from award_schedule where financial_year = 2006", Long.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aScheduleOpenedOnThePageTwentyTimesAtOnceIsOpenedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2004-05/schedule/new",
						Map.of("title", "Partner funding 2004-05 (" + i + ")", "tolerancePercent", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("The 2004-05 award schedule has already been opened");
			}
		}
		assertThat(db.queryForObject("select count(*) from award_schedule where financial_year = 2004", Long.class))
			.isEqualTo(1);
		assertThat(audits("OPEN", id(2004))).isEqualTo(1);
	}

	@Test
	void aScheduleOpenedThroughTheApiTwentyTimesAtOnceIsOpenedOnce() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/commissioning/2005-06/schedule", """
						{"title": "Partner funding 2005-06 (%d)", "tolerancePercent": 5}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("The 2005-06 award schedule has already been opened");
			}
		}
		assertThat(db.queryForObject("select count(*) from award_schedule where financial_year = 2005", Long.class))
			.isEqualTo(1);
		assertThat(audits("OPEN", id(2005))).isEqualTo(1);
	}

	@Test
	void aLineChangedOnThePageTwentyTimesAtOnceFromOneReadingIsChangedOnce() {
		long line = line("Changed on the page");
		long version = version();
		long audited = audits("CHANGE_LINE", schedule);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2006-07/schedule/lines/" + line,
						Map.ofEntries(Map.entry("version", String.valueOf(version)),
								Map.entry("organisationId", String.valueOf(fixture.city)),
								Map.entry("initiative", "Changed on the page " + i), Map.entry("status", "COMMITTED"),
								Map.entry("streamId", String.valueOf(fixture.grantStream)),
								Map.entry("themeId", String.valueOf(fixture.safer)), Map.entry("route", "DIRECT"),
								Map.entry("periodKind", "HALF_YEARS"), Map.entry("firstHalf", "1000"),
								Map.entry("secondHalf", String.valueOf(100 + i)))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select initiative from award_line where id = ?", String.class, line))
			.startsWith("Changed on the page ");
		assertThat(audits("CHANGE_LINE", schedule)).isEqualTo(audited + 1);
		assertThat(version()).isEqualTo(version + 1);
	}

	@Test
	void aLineChangedThroughTheApiTwentyTimesAtOnceFromOneReadingIsChangedOnce() {
		long line = line("Changed by scripts");
		long version = version();
		long audited = audits("CHANGE_LINE", schedule);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.put("/api/v1/commissioning/2006-07/schedule/lines/" + line, lineBody("Changed by script " + i,
							"2006-04-01", "2006-09-30", "%d.00".formatted(2000 + i), version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select initiative from award_line where id = ?", String.class, line))
			.startsWith("Changed by script ");
		assertThat(audits("CHANGE_LINE", schedule)).isEqualTo(audited + 1);
	}

	@Test
	void aLineRemovedOnThePageTwentyTimesAtOnceIsRemovedOnce() {
		long line = line("Removed on the page");
		long version = version();
		long audited = audits("REMOVE_LINE", schedule);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2006-07/schedule/lines/" + line + "/remove",
						Map.of("version", String.valueOf(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from award_line where id = ?", Long.class, line)).isZero();
		assertThat(audits("REMOVE_LINE", schedule)).isEqualTo(audited + 1);
	}

	@Test
	void aLineRemovedThroughTheApiTwentyTimesAtOnceIsRemovedOnce() {
		long line = line("Removed by scripts");
		long version = version();
		long audited = audits("REMOVE_LINE", schedule);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer")
			.delete("/api/v1/commissioning/2006-07/schedule/lines/" + line + "?version=" + version));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from award_line where id = ?", Long.class, line)).isZero();
		assertThat(audits("REMOVE_LINE", schedule)).isEqualTo(audited + 1);
	}

	@Test
	void theToleranceSetOnThePageTwentyTimesAtOnceIsSetOnce() {
		long version = version();
		long audited = audits("SET_TOLERANCE", schedule);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2006-07/schedule/tolerance",
						Map.of("tolerancePercent", String.valueOf(1 + i % 10), "version", String.valueOf(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(audits("SET_TOLERANCE", schedule)).isEqualTo(audited + 1);
		assertThat(version()).isEqualTo(version + 1);
	}

	@Test
	void theToleranceSetThroughTheApiTwentyTimesAtOnceIsSetOnce() {
		long version = version();
		long audited = audits("SET_TOLERANCE", schedule);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/commissioning/2006-07/schedule/tolerance", """
						{"tolerancePercent": %d, "version": %d}""".formatted(11 + i % 10, version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(audits("SET_TOLERANCE", schedule)).isEqualTo(audited + 1);
		assertThat(version()).isEqualTo(version + 1);
	}

	@Test
	void theDecisionRecordDraftedThroughTheApiTwentyTimesAtOnceIsDraftedOnce() {
		long decided = DecidedScheduleFixture.insert(db, 2008);
		long version = db.queryForObject("select version from award_schedule where id = ?", Long.class, decided);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer")
			.post("/api/v1/commissioning/2008-09/schedule/decision", "{\"version\": " + version + "}"));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		String reference = db.queryForObject(
				"select reference from decision_record where attachment_type = 'AWARD_SCHEDULE' and attachment_ref = ?",
				String.class, String.valueOf(decided));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 201) {
				assertThat(response.body()).contains("\"reference\":\"" + reference + "\"");
			}
			if (response.statusCode() == 409) {
				assertThat(response.body())
					.contains("The award schedule 2008-09 is already in a decision record " + reference);
			}
		}
		assertThat(
				db.queryForObject("select decision_reference from award_schedule where id = ?", String.class, decided))
			.isEqualTo(reference);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'DecisionRecord' "
				+ "and action = 'CREATE' and entity_id = ?", Long.class, reference))
			.isEqualTo(1);
		assertThat(audits("ATTACH", decided)).isEqualTo(1);
	}

	/** A line added through the API, one request; its id. */
	private static long line(String initiative) {
		HttpResponse<String> added = app.api("officer")
			.post("/api/v1/commissioning/2006-07/schedule/lines",
					lineBody(initiative, "2006-04-01", "2006-09-30", "5000.00", version()));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		return db.queryForObject("select l.id from award_line l join award_schedule s on s.id = l.schedule_id "
				+ "where s.financial_year = 2006 and l.initiative = ?", Long.class, initiative);
	}

	private static String lineBody(String initiative, String from, String to, String amount, long version) {
		return """
				{"organisationId": %d, "initiative": "%s", "status": "COMMITTED", "streamId": %d, "themeId": %d,
				 "route": "DIRECT", "version": %d,
				 "periods": [{"startsOn": "%s", "endsOn": "%s", "amount": "%s"}]}""".formatted(fixture.county,
				initiative, fixture.forceStream, fixture.reoffending, version, from, to, amount);
	}

	private static long version() {
		return app.bean(AwardSchedules.class).schedule(YEAR).orElseThrow().version();
	}

	private static long id(int startYear) {
		return db.queryForObject("select id from award_schedule where financial_year = ?", Long.class, startYear);
	}

	private static long audits(String action, long scheduleId) {
		return db.queryForObject("select count(*) from audit_event where entity_type = 'AwardSchedule' "
				+ "and action = ? and entity_id = ?", Long.class, action, String.valueOf(scheduleId));
	}

}
