package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * The officers' other steps of a return for a grant to an organisation happen once, and a
 * started draft is saved once per version read. On a database of its own with the grants
 * of {@link RecipientFixture}, twenty at the same moment: return a submitted return for
 * correction (on the page, and through the API), re-open an accepted one (on the page,
 * and through the API), and save a draft on its page from one reading. Each time one
 * succeeds, the others get 409 saying who took the step or changed the return first,
 * nobody a 500, and the step is audited once.
 */
class OrganisationReturnStepsOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static RecipientFixture.Made made;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("organisation_return_steps_once");
		db = app.database();
		made = RecipientFixture.make(db, 2004, "EXE0041-04");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aReturnReturnedForCorrectionOnThePageTwentyTimesAtOnceIsReturnedOnce() {
		submitted(made.grantId(), "Q1");
		LiveApplication.Browser officer = app.signIn("officer");
		String path = "/monitoring/organisations/" + made.grantId() + "/Q1/return-for-correction";
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post(path, Map.of("reason", "Spend does not match the invoices (" + i + ")")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Only a submitted return can be returned for correction",
						"this one is returned for correction, last changed by Olu Officer on");
			}
		}
		assertThat(status(made.grantId(), "Q1")).isEqualTo("RETURNED");
		assertThat(audited("RETURN_FOR_CORRECTION", made.grantId(), "Q1")).isEqualTo(1);
	}

	@Test
	void aReturnReturnedForCorrectionThroughTheApiTwentyTimesAtOnceIsReturnedOnce() {
		submitted(made.grantId(), "Q2");
		String path = "/api/v1/returns/organisations/" + made.grantId() + "/Q2/return-for-correction";
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer").post(path, """
				{"reason": "Outcomes missing (script %d)"}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Only a submitted return can be returned for correction",
						"this one is returned for correction, last changed by Olu Officer on");
			}
		}
		assertThat(status(made.grantId(), "Q2")).isEqualTo("RETURNED");
		assertThat(audited("RETURN_FOR_CORRECTION", made.grantId(), "Q2")).isEqualTo(1);
	}

	@Test
	void anAcceptedReturnReopenedOnThePageTwentyTimesAtOnceIsReopenedOnce() {
		accepted(made.grantId(), "Q3");
		LiveApplication.Browser officer = app.signIn("officer");
		String path = "/monitoring/organisations/" + made.grantId() + "/Q3/reopen";
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post(path, Map.of("reason", "Late invoice found (" + i + ")")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Only an accepted return can be re-opened",
						"this one is draft, last changed by Olu Officer on");
			}
		}
		assertThat(status(made.grantId(), "Q3")).isEqualTo("DRAFT");
		assertThat(audited("REOPEN", made.grantId(), "Q3")).isEqualTo(1);
	}

	@Test
	void anAcceptedReturnReopenedThroughTheApiTwentyTimesAtOnceIsReopenedOnce() {
		accepted(made.grantId(), "Q4");
		String path = "/api/v1/returns/organisations/" + made.grantId() + "/Q4/reopen";
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer").post(path, """
				{"reason": "Audit query (script %d)"}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Only an accepted return can be re-opened",
						"this one is draft, last changed by Olu Officer on");
			}
		}
		assertThat(status(made.grantId(), "Q4")).isEqualTo("DRAFT");
		assertThat(audited("REOPEN", made.grantId(), "Q4")).isEqualTo(1);
	}

	@Test
	void aStartedDraftSavedOnThePageTwentyTimesAtOnceFromOneReadingIsSavedOnce() {
		String api = "/api/v1/returns/organisations/" + made.otherGrantId() + "/Q1";
		assertThat(app.api("officer").put(api, """
				{"spendToDate": 1000.00, "outcomes": "Started"}""").statusCode()).isEqualTo(200);
		String version = version(made.otherGrantId(), "Q1");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/monitoring/organisations/" + made.otherGrantId() + "/Q1",
						Map.of("spendToDate", "2,0" + (10 + i) + ".00", "outcomes", "Saved by officer " + i, "action",
								"save", "version", version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			HttpResponse<String> response = responses.get(i);
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This return was changed by Olu Officer on",
						"Saved by officer " + i);
			}
		}
		assertThat(db.queryForObject("select outcomes from organisation_return where grant_id = ? and quarter = 'Q1'",
				String.class, made.otherGrantId()))
			.startsWith("Saved by officer ");
		assertThat(version(made.otherGrantId(), "Q1")).isEqualTo(String.valueOf(Long.parseLong(version) + 1));
		assertThat(audited("UPDATE", made.otherGrantId(), "Q1")).isEqualTo(1);
	}

	/** Saved and submitted through the API, one request at a time. */
	private static void submitted(long grant, String quarter) {
		String path = "/api/v1/returns/organisations/" + grant + "/" + quarter;
		HttpResponse<String> saved = app.api("officer").put(path, """
				{"spendToDate": 5000.00, "outcomes": "Entered by an officer"}""");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		HttpResponse<String> submitted = app.api("officer").post(path + "/submit", """
				{"version": %s}""".formatted(version(grant, quarter)));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
	}

	private static void accepted(long grant, String quarter) {
		submitted(grant, quarter);
		HttpResponse<String> accepted = app.api("officer")
			.post("/api/v1/returns/organisations/" + grant + "/" + quarter + "/accept", """
					{"version": %s}""".formatted(version(grant, quarter)));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
	}

	private static String status(long grant, String quarter) {
		return db.queryForObject("select status from organisation_return where grant_id = ? and quarter = ?",
				String.class, grant, quarter);
	}

	private static String version(long grant, String quarter) {
		return String
			.valueOf(db.queryForObject("select version from organisation_return where grant_id = ? and quarter = ?",
					Long.class, grant, quarter));
	}

	private static long audited(String action, long grant, String quarter) {
		return db.queryForObject("select count(*) from audit_event a join organisation_return r "
				+ "on a.entity_id = r.id::text where a.entity_type = 'OrganisationReturn' and a.action = ? "
				+ "and r.grant_id = ? and r.quarter = ?", Long.class, action, grant, quarter);
	}

}
