package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A Police and Crime Plan is entered, given a theme, has a theme renamed, and is adopted
 * for a year once. On a database of its own, twenty at a time: one succeeds, the others
 * get 409 saying what happened, nobody a 500, and the audit trail has it once.
 */
class PlanChangedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long plan;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("plan_once");
		db = app.database();
		HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/plans", """
				{"name": "Police and Crime Plan 2013-17", "publishedOn": "2013-03-31",
				 "themes": ["Reoffending and Offending", "Making our Communities and Neighbourhoods Safer",
				            "Protecting the Vulnerable"], "allThemes": true, "discretionary": true}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		plan = db.queryForObject("select id from police_crime_plan where name = 'Police and Crime Plan 2013-17'",
				Long.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aPlanEnteredTwentyTimesAtOnceUnderOneNameIsEnteredOnce() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/commissioning/plans", """
						{"name": "Police and Crime Plan 2017-21", "themes": ["Theme %d"]}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body())
				.contains("There is already a plan called Police and Crime Plan 2017-21"));
		assertThat(db.queryForObject("select count(*) from plan_theme t join police_crime_plan p on p.id = t.plan_id "
				+ "where p.name = 'Police and Crime Plan 2017-21'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aThemeAddedOnThePageTwentyTimesAtOnceIsAddedOnce() {
		long version = db.queryForObject("select version from police_crime_plan where id = ?", Long.class, plan);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/plans/" + plan + "/themes",
						Map.of("themeName", "Hate crime " + i, "kind", "THEME", "version", String.valueOf(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body())
				.contains("Police and Crime Plan 2013-17 was changed by Olu Officer"));
		assertThat(db.queryForObject("select count(*) from plan_theme where plan_id = ? and name like 'Hate crime %'",
				Long.class, plan))
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'PoliceCrimePlan' " + "and action = 'ADD_THEME'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void aThemeRenamedThroughTheApiTwentyTimesAtOnceIsRenamedOnce() {
		long version = db.queryForObject("select version from police_crime_plan where id = ?", Long.class, plan);
		long theme = db.queryForObject("select id from plan_theme where plan_id = ? and name = 'Discretionary'",
				Long.class, plan);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.post("/api/v1/commissioning/plans/" + plan + "/themes/rename", """
							{"themeId": %d, "name": "At the Commissioner's discretion %d", "version": %d}"""
						.formatted(theme, i, version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(db.queryForObject("select name from plan_theme where id = ?", String.class, theme))
			.startsWith("At the Commissioner's discretion ");
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'PoliceCrimePlan' "
				+ "and action = 'RENAME_THEME'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aPlanAdoptedForAYearTwentyTimesAtOnceIsAdoptedOnce() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/commissioning/2013-14/plan", "{\"planId\": " + plan + "}"));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body())
				.contains("2013-14 was set to commission against Police and Crime Plan 2013-17 by Olu Officer"));
		assertThat(db.queryForObject("select plan_id from commissioning_year where financial_year = 2013", Long.class))
			.isEqualTo(plan);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'CommissioningYear' "
				+ "and action = 'ADOPT_PLAN'", Long.class))
			.isEqualTo(1);
	}

}
