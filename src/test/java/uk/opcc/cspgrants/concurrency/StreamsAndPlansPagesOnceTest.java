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
 * The pages of funding streams and Police and Crime Plans change things once, as their
 * API twins do. On a database of its own, twenty officers at the same moment: enter a
 * stream of one name, link the demo's approved 2024-25 formula run (£97,905.00) to two
 * streams, enter a plan of one name, rename a theme from one reading of its plan, and
 * change the plan a year already commissions against from one reading of that choice.
 * Each time one succeeds, the others get 409 saying who or what got there first, nobody a
 * 500, and the audit trail has the change once.
 */
class StreamsAndPlansPagesOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("streams_plans_pages_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aStreamEnteredOnThePageTwentyTimesAtOnceUnderOneNameIsEnteredOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2007-08/streams", Map.of("name", "Drugs Intervention Programme Grant",
						"funder", "Home Office", "kind", "GRANT", "amount", "1,0" + (10 + i) + ",000.00")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body())
					.contains("2007-08 already has a funding stream called Drugs Intervention Programme Grant");
			}
		}
		assertThat(db.queryForObject("select count(*) from funding_stream where financial_year = 2007", Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'FundingStream' "
				+ "and action = 'CREATE' and after_json ->> 'year' = '2007-08'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aFormulaRunLinkedOnThePageTwentyTimesAtOnceToTwoStreamsDrawsOnOneOnce() {
		long run = db.queryForObject(
				"select id from formula_run where financial_year = 2024 and status = 'APPROVED' and pot = 97905.00",
				Long.class);
		long first = stream("2024-25", "Linked on the page one", "100000.00");
		long second = stream("2024-25", "Linked on the page two", "100000.00");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2024-25/streams/" + (i % 2 == 0 ? first : second) + "/runs",
						Map.of("runId", String.valueOf(run))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains(
						"Formula run " + run + "&#39;s pot already draws on Linked on the page",
						"linked by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from formula_run_stream where run_id = ?", Long.class, run))
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'FundingStream' and action = 'LINK_RUN'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void aPlanEnteredOnThePageTwentyTimesAtOnceUnderOneNameIsEnteredOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/plans", Map.of("name", "Police and Crime Plan 2004-08", "priorities",
						"Reducing crime " + i + "\nSafer roads", "allThemes", "true")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("There is already a plan called Police and Crime Plan 2004-08");
			}
		}
		assertThat(db.queryForObject("select count(*) from plan_theme t join police_crime_plan p on p.id = t.plan_id "
				+ "where p.name = 'Police and Crime Plan 2004-08'", Long.class))
			.isEqualTo(3);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'PoliceCrimePlan' "
						+ "and action = 'CREATE' and after_json ->> 'name' = 'Police and Crime Plan 2004-08'",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void aThemeRenamedOnThePageTwentyTimesAtOnceFromOneReadingIsRenamedOnce() {
		long plan = plan("Police and Crime Plan 2005-09");
		long version = db.queryForObject("select version from police_crime_plan where id = ?", Long.class, plan);
		long theme = db.queryForObject("select id from plan_theme where plan_id = ? and name = 'Discretionary'",
				Long.class, plan);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/plans/" + plan + "/themes/rename",
						Map.of("themeId", String.valueOf(theme), "themeName", "Commissioner's fund " + i, "version",
								String.valueOf(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Police and Crime Plan 2005-09 was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select name from plan_theme where id = ?", String.class, theme))
			.startsWith("Commissioner's fund ");
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'PoliceCrimePlan' "
				+ "and action = 'RENAME_THEME' and entity_id = ?", Long.class, String.valueOf(plan)))
			.isEqualTo(1);
	}

	@Test
	void anAdoptedPlanChangedOnThePageTwentyTimesAtOnceFromOneReadingIsChangedOnce() {
		long adopted = plan("Police and Crime Plan 2002-06");
		long later = plan("Police and Crime Plan 2005-06 refresh");
		HttpResponse<String> first = app.api("officer")
			.put("/api/v1/commissioning/2005-06/plan", "{\"planId\": " + adopted + "}");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		long version = db.queryForObject("select version from commissioning_year where financial_year = 2005",
				Long.class);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer.post("/commissioning/2005-06/plan",
				Map.of("planId", String.valueOf(later), "version", String.valueOf(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains(
						"2005-06 was set to commission against Police and Crime Plan 2005-06 refresh by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select plan_id from commissioning_year where financial_year = 2005", Long.class))
			.isEqualTo(later);
		assertThat(db.queryForObject("select version from commissioning_year where financial_year = 2005", Long.class))
			.isEqualTo(version + 1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'CommissioningYear' "
				+ "and action = 'ADOPT_PLAN' and entity_id = '2005-06'", Long.class))
			.isEqualTo(2);
	}

	private static long stream(String year, String name, String amount) {
		HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/" + year + "/streams", """
				{"name": "%s", "funder": "Home Office", "kind": "GRANT", "amount": "%s"}""".formatted(name, amount));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return db.queryForObject("select id from funding_stream where financial_year = ? and name = ?", Long.class,
				Integer.parseInt(year.substring(0, 4)), name);
	}

	private static long plan(String name) {
		HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/plans", """
				{"name": "%s", "themes": ["Reoffending and Offending", "Protecting the Vulnerable"],
				 "allThemes": true, "discretionary": true}""".formatted(name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return db.queryForObject("select id from police_crime_plan where name = ?", Long.class, name);
	}

}
