package uk.opcc.cspgrants.concurrency;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.AwardScheduleManagement;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.ScheduleFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A line is added to an award schedule once per version read. Twenty officers add a line
 * on the page from the same reading of the schedule at the same moment, and twenty
 * scripts through the API: one succeeds, the others get 409 saying who changed the
 * schedule, nobody a 500, and the addition is audited once.
 */
class AwardLineAddedOnceTest {

	private static final int AT_ONCE = 20;

	private static final FinancialYear YEAR = FinancialYear.parse("2003-04");

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static ScheduleFixture fixture;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("award_line_once");
		db = app.database();
		fixture = new ScheduleFixture(db, YEAR, "1649000", "1305029", "294994");
		app.bean(AwardScheduleManagement.class)
			.open(YEAR, "Partner funding 2003-04", BigDecimal.ZERO, Principals.of("officer", db));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aLineAddedOnThePageTwentyTimesAtOnceFromOneReadingIsAddedOnce() {
		long version = version();
		long audited = audits();
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2003-04/schedule/lines",
						Map.ofEntries(Map.entry("version", String.valueOf(version)),
								Map.entry("organisationId", String.valueOf(fixture.city)),
								Map.entry("initiative", "Community Safety Fund " + i), Map.entry("status", "COMMITTED"),
								Map.entry("streamId", String.valueOf(fixture.grantStream)),
								Map.entry("themeId", String.valueOf(fixture.safer)), Map.entry("route", "DIRECT"),
								Map.entry("periodKind", "HALF_YEARS"), Map.entry("firstHalf", "92288"))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("award schedule was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from award_line where initiative like 'Community Safety Fund %'",
				Long.class))
			.isEqualTo(1);
		assertThat(audits()).isEqualTo(audited + 1);
	}

	@Test
	void aLineAddedThroughTheApiTwentyTimesAtOnceFromOneReadingIsAddedOnce() {
		long version = version();
		long before = lines();
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.post("/api/v1/commissioning/2003-04/schedule/lines", """
							{"organisationId": %d, "initiative": "LSCB %d", "status": "COMMITTED", "streamId": %d,
							 "themeId": %d, "route": "DIRECT", "version": %d,
							 "periods": [{"startsOn": "2003-04-01", "endsOn": "2003-09-30", "amount": "43945.00"}]}"""
						.formatted(fixture.county, i, fixture.forceStream, fixture.safer, version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("changed by Olu Officer");
			}
		}
		assertThat(lines()).isEqualTo(before + 1);
	}

	private static long audits() {
		return db.queryForObject(
				"select count(*) from audit_event where entity_type = 'AwardSchedule' and action = 'ADD_LINE'",
				Long.class);
	}

	private static long lines() {
		return db.queryForObject("select count(*) from award_line l join award_schedule s on s.id = l.schedule_id "
				+ "where s.financial_year = 2003", Long.class);
	}

	private static long version() {
		return app.bean(AwardSchedules.class).schedule(YEAR).orElseThrow().version();
	}

}
