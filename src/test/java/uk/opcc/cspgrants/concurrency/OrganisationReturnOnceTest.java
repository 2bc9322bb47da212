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
 * Each step of a return for a grant to an organisation happens once. On a database of its
 * own with the grants of {@link RecipientFixture}: twenty first saves of one return at
 * once make one return; the recipient's contact presses "Submit the return" twenty times
 * at once, an officer "Accept the return" twenty times at once, and twenty scripts accept
 * another return through the API: one succeeds each time, the others get 409 saying who
 * took the step, nobody a 500, and each step is audited once.
 */
class OrganisationReturnOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static RecipientFixture.Made made;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("organisation_return_once");
		db = app.database();
		made = RecipientFixture.make(db, 2022, "EXE0031-22");
		RecipientFixture.contact(db, RecipientFixture.CONTACT, RecipientFixture.CONTACT_NAME, made.organisationId());
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aReturnStartedTwentyTimesAtOnceIsStartedOnce() {
		String path = "/api/v1/returns/organisations/" + made.otherGrantId() + "/Q3";
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer").put(path, """
				{"spendToDate": %d.00, "outcomes": "Script %d"}""".formatted(1000 + i, i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Someone else started this return at the same moment");
			}
		}
		assertThat(count("select count(*) from organisation_return where grant_id = ? and quarter = 'Q3'",
				made.otherGrantId()))
			.isEqualTo(1);
		assertThat(audited("CREATE", made.otherGrantId(), "Q3")).isEqualTo(1);
	}

	@Test
	void aReturnSubmittedTwentyTimesAtOnceThenAcceptedTwentyTimesAtOnceMovesOnceEachTime() {
		LiveApplication.Browser rita = app.signIn(RecipientFixture.CONTACT);
		String path = "/monitoring/organisations/" + made.grantId() + "/Q1";
		assertThat(rita
			.post(path,
					Map.of("spendToDate", "12,000.00", "outcomes", "85 people in treatment", "action", "save",
							"version", ""))
			.statusCode()).isEqualTo(302);
		String version = version(made.grantId(), "Q1");
		List<HttpResponse<String>> submits = app.atOnce(AT_ONCE,
				i -> rita.post(path + "/submit", Map.of("version", version)));
		assertThat(statuses(submits)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : submits) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This return has already been submitted by Rita Recipient");
			}
		}
		assertThat(audited("SUBMIT", made.grantId(), "Q1")).isEqualTo(1);

		LiveApplication.Browser officer = app.signIn("officer");
		String submitted = version(made.grantId(), "Q1");
		List<HttpResponse<String>> accepts = app.atOnce(AT_ONCE,
				i -> officer.post(path + "/accept", Map.of("version", submitted)));
		assertThat(statuses(accepts)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : accepts) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This return has already been accepted by Olu Officer");
			}
		}
		assertThat(audited("ACCEPT", made.grantId(), "Q1")).isEqualTo(1);
		assertThat(
				db.queryForObject(
						"select status || ' ' || accepted_by || ' ' || spend_to_date from "
								+ "organisation_return where grant_id = ? and quarter = 'Q1'",
						String.class, made.grantId()))
			.isEqualTo("ACCEPTED Olu Officer 12000.00");
	}

	@Test
	void aReturnAcceptedThroughTheApiTwentyTimesAtOnceIsAcceptedOnce() {
		String path = "/api/v1/returns/organisations/" + made.grantId() + "/Q2";
		assertThat(app.api("officer").put(path, """
				{"spendToDate": 20000.00, "outcomes": "Entered by an officer"}""").statusCode()).isEqualTo(200);
		assertThat(app.api("officer").post(path + "/submit", """
				{"version": %s}""".formatted(version(made.grantId(), "Q2"))).statusCode()).isEqualTo(200);
		String submitted = version(made.grantId(), "Q2");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer").post(path + "/accept", """
				{"version": %s}""".formatted(submitted)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("already been accepted by Olu Officer");
			}
		}
		assertThat(audited("ACCEPT", made.grantId(), "Q2")).isEqualTo(1);
	}

	private static String version(long grant, String quarter) {
		return String
			.valueOf(db.queryForObject("select version from organisation_return where grant_id = ? and quarter = ?",
					Long.class, grant, quarter));
	}

	private static long audited(String action, long grant, String quarter) {
		return count("select count(*) from audit_event a join organisation_return r on a.entity_id = r.id::text "
				+ "where a.entity_type = 'OrganisationReturn' and a.action = '" + action
				+ "' and r.grant_id = ? and r.quarter = '" + quarter + "'", grant);
	}

	private static long count(String sql, long grant) {
		return db.queryForObject(sql, Long.class, grant);
	}

}
