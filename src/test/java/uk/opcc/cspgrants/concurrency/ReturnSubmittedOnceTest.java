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

/**
 * A CSP manager pressing "Submit the return" on the check page twenty times at once, over
 * real HTTP on real PostgreSQL: the return is submitted once (one redirect to the
 * confirmation), every other press gets 409 with a message and nothing answers 500; the
 * audit trail holds one submission. Leicester's Q3 return of 2024-25, on a database of
 * its own.
 */
class ReturnSubmittedOnceTest {

	private static final int AT_ONCE = 20;

	private static final String RETURN = "/monitoring/returns/2024-25/Q3/LEI";

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("return_submitted_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aCspManagersSubmitPressedTwentyTimesAtOnceSubmitsOnce() {
		LiveApplication.Browser manager = app.signIn("leicester.csp");
		HttpResponse<String> saved = manager.post(RETURN, Map.of("plannedAllocation", "30,000", "cumulativeSpend",
				"20,000.50", "comments", "Submitted at once", "action", "submit"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(RETURN + "/check");
		long version = db.queryForObject("select r.version from quarterly_return r join partnership p on "
				+ "p.id = r.partnership_id where p.code = 'LEI' and r.financial_year = 2024 and r.quarter = 'Q3'",
				Long.class);

		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> manager.post(RETURN + "/submit", Map.of("version", String.valueOf(version))));

		assertThat(LiveApplication.statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 302) {
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(RETURN + "/submitted");
			}
			else {
				assertThat(response.body()).contains("There is a problem");
			}
		}
		assertThat(db.queryForObject("select r.status || ' ' || r.cumulative_spend from quarterly_return r join "
				+ "partnership p on p.id = r.partnership_id where p.code = 'LEI' and r.financial_year = 2024 "
				+ "and r.quarter = 'Q3'", String.class))
			.isEqualTo("SUBMITTED 20000.50");
		assertThat(db.queryForObject("select count(*) from audit_event e join quarterly_return r on "
				+ "e.entity_id = r.id::text join partnership p on p.id = r.partnership_id where e.entity_type = "
				+ "'QuarterlyReturn' and e.action = 'SUBMIT' and p.code = 'LEI' and r.financial_year = 2024 "
				+ "and r.quarter = 'Q3'", Integer.class))
			.isEqualTo(1);
	}

}
