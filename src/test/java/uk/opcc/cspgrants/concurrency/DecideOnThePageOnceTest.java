package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * The Commissioner's decision pressed twenty times at once on its page, over real HTTP on
 * real PostgreSQL: one decision, one 302 to its confirmation, 409s with a message for the
 * rest, no 500, and the nine grants of its run made once.
 */
class DecideOnThePageOnceTest {

	private static final int AT_ONCE = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("decide_on_the_page_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aRecordDecidedOnItsPageTwentyTimesAtOnceIsDecidedOnceAndItsGrantsAreMadeOnce() {
		long formula = db.queryForObject("select min(id) from formula_version", Long.class);
		HttpResponse<String> run = app.api("officer").post("/api/v1/formula-runs", """
				{"financialYear": "2036-37", "pot": 97905.00, "purpose": "ALLOCATION", "formulaVersionId": %d,
				 "windowEnd": "2023-24"}""".formatted(formula));
		assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
		long runId = JSON.readTree(run.body()).get("id").asLong();
		assertThat(app.api("finance").post("/api/v1/formula-runs/" + runId + "/approve", "").statusCode())
			.isEqualTo(200);
		LocalDate today = LocalDate.now(Dates.UK);
		HttpResponse<String> created = app.api("officer").post("/api/v1/decisions", """
				{"title": "Decided on its page", "decisionDate": "%s", "summary": "Summary",
				 "recommendations": "Recommendations", "formulaRunId": %d}""".formatted(today, runId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String reference = JSON.readTree(created.body()).get("reference").asString();
		String path = "/api/v1/decisions/" + reference + "/";
		assertThat(app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}").statusCode())
			.isEqualTo(200);
		assertThat(app.api("monitoring")
			.post(path + "publication", "{\"record\": \"YES\", \"report\": \"YES\", \"details\": \"YES\"}")
			.statusCode()).isEqualTo(200);
		String version = db.queryForObject("select version from decision_record where reference = ?", String.class,
				reference);

		LiveApplication.Browser commissioner = app.signIn("commissioner");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> commissioner.post("/decisions/" + reference + "/decide",
						Map.of("decision", "SUPPORTED", "on.day", Integer.toString(today.getDayOfMonth()), "on.month",
								Integer.toString(today.getMonthValue()), "on.year", Integer.toString(today.getYear()),
								"comment", "Pressed " + i, "version", version)));

		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElseThrow())
					.endsWith("/decisions/" + reference + "/decided");
			}
			else {
				assertThat(response.body()).contains("There is a problem");
			}
		}
		assertThat(db.queryForObject("select count(*) from grant_line where run_id = ?", Integer.class, runId))
			.isEqualTo(9);
		assertThat(db.queryForObject("select sum(amount) from grant_line where run_id = ?", java.math.BigDecimal.class,
				runId))
			.isEqualByComparingTo("97905.00");
		assertThat(db.queryForObject("select count(*) from decision_effect e join decision_record d "
				+ "on d.id = e.decision_id where d.reference = ?", Integer.class, reference))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'DecisionRecord' "
				+ "and entity_id = ? and action = 'DECIDE'", Integer.class, reference))
			.isEqualTo(1);
		assertThat(commissioner.get("/decisions/" + reference + "/decided").body())
			.contains(reference + " is decided: Supported", "9 grants were created for 2036-37 totalling £97,905.00");
	}

}
