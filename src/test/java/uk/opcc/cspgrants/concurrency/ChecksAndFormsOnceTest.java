package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * The run form and the approval check page act once, over real HTTP on real PostgreSQL,
 * twenty requests at the same moment: the same "Run the formula" form sent twenty times
 * makes one draft (the database's key on the form's token), and a run approved as its
 * check page showed it is approved once. The others get 409 with words, never 500.
 */
class ChecksAndFormsOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long formulaVersion;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("checks_and_forms_once");
		db = app.database();
		formulaVersion = db.queryForObject("select min(id) from formula_version", Long.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theSameRunFormSentTwentyTimesAtOnceMakesOneDraft() {
		String token = UUID.randomUUID().toString();
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/allocations/runs",
						Map.of("year", "2051-52", "pot", "£1,000.00", "formulaVersionId",
								String.valueOf(formulaVersion), "windowEnd", "2023-24", "purpose", "ALLOCATION", "note",
								"Sent twenty times", "formToken", token)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body()).contains("This form has already made")
				.contains("Sent twenty times"));
		assertThat(db.queryForObject("select count(*) from formula_run where form_token = ?", Long.class, token))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from formula_run where financial_year = 2051", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aRunApprovedAsItsCheckPageShowedItTwentyTimesAtOnceIsApprovedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		HttpResponse<String> made = officer.post("/allocations/runs",
				Map.of("year", "2052-53", "pot", "£2,000.00", "formulaVersionId", String.valueOf(formulaVersion),
						"windowEnd", "2023-24", "purpose", "ALLOCATION", "formToken", UUID.randomUUID().toString()));
		assertThat(made.statusCode()).isEqualTo(302);
		long run = db.queryForObject("select id from formula_run where financial_year = 2052", Long.class);
		LiveApplication.Browser finance = app.signIn("finance");
		assertThat(finance.get("/allocations/runs/" + run + "/approve").body())
			.contains("No run is approved for 2052-53 yet");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> finance.post("/allocations/runs/" + run + "/approve", Map.of("replaces", "none")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(db.queryForObject("select status from formula_run where id = ?", String.class, run))
			.isEqualTo("APPROVED");
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'FormulaRun' "
				+ "and entity_id = ? and action = 'APPROVE'", Long.class, String.valueOf(run)))
			.isEqualTo(1);
	}

}
