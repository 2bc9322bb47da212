package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.commissioning.DecidedScheduleFixture;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * The award schedule is put to a decision once, and each payment of a grant to an
 * organisation is recorded paid once, on a database of its own. Twenty officers press
 * "Draft the decision record" at the same moment: one record is drafted and the schedule
 * attached to it, the others get 409 naming that record. Once the record is decided
 * Supported, twenty finance officers record the same payment on its page at once, and
 * twenty scripts another through the API: one each succeeds, the others get 409 saying
 * who recorded it, nobody a 500, and each change is audited once.
 */
class ScheduleDecisionAndPaymentsOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static String reference;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("schedule_decision_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		DecidedScheduleFixture.insert(db, 2013);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theScheduleDraftedTwentyTimesAtOnceIsPutToOneRecordAndItsPaymentsArePaidOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> drafts = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2013-14/schedule/decision", Map.of("version", "0")));
		assertThat(statuses(drafts)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		reference = db.queryForObject("select reference from decision_record where attachment_type = 'AWARD_SCHEDULE'",
				String.class);
		for (HttpResponse<String> response : drafts) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("There is a problem",
						"The award schedule 2013-14 is already in a decision record " + reference);
			}
		}
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'DecisionRecord' "
				+ "and action = 'CREATE' and entity_id = ?", Integer.class, reference))
			.isEqualTo(1);
		assertThat(db.queryForObject("select decision_reference from award_schedule where financial_year = 2013",
				String.class))
			.isEqualTo(reference);

		String path = "/api/v1/decisions/" + reference + "/";
		assertThat(app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}").statusCode())
			.isEqualTo(200);
		assertThat(app.api("monitoring")
			.post(path + "publication", "{\"record\": \"YES\", \"report\": \"YES\", \"details\": \"YES\"}")
			.statusCode()).isEqualTo(200);
		assertThat(app.api("commissioner").post(path + "decide", "{\"decision\": \"SUPPORTED\"}").statusCode())
			.isEqualTo(200);
		assertThat(db.queryForObject("select count(*) from organisation_grant", Integer.class)).isEqualTo(9);

		long dip = payment("Drug Intervention Programme (DIP)", 1);
		LiveApplication.Browser finance = app.signIn("finance");
		assertThat(finance.get("/monitoring/payments/organisations/" + dip).body()).contains("Record a payment",
				"Drug Intervention Programme (DIP)", "£215,478.00", "1 April 2013 to 30 September 2013");
		HttpResponse<String> refused = finance.post("/monitoring/payments/organisations/" + dip, Map.of("paidOn.day",
				"3", "paidOn.month", "10", "paidOn.year", "2013", "reference", "", "version", "0"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Enter the payment reference, up to 100 characters", "value=\"3\"");
		assertThat(app.signIn("officer")
			.post("/monitoring/payments/organisations/" + dip, Map.of("version", "0"))
			.statusCode()).isEqualTo(403);

		List<HttpResponse<String>> pages = app.atOnce(AT_ONCE,
				i -> finance.post("/monitoring/payments/organisations/" + dip, Map.of("paidOn.day", "3", "paidOn.month",
						"10", "paidOn.year", "2013", "reference", "BACS-" + i, "version", "0")));
		assertThat(statuses(pages)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : pages) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains(
						"This payment was already recorded paid on 3 October 2013 by Fran Finance, reference BACS-");
			}
		}
		assertThat(audits(dip)).isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from organisation_grant_payment where paid_on is not null",
				Integer.class))
			.isEqualTo(1);

		long icsb = payment("ICSB", 2);
		List<HttpResponse<String>> scripts = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/payments/organisations/" + icsb, """
						{"paidOn": "2014-04-04", "reference": "Script %d", "version": 0}""".formatted(i)));
		assertThat(statuses(scripts)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : scripts) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("already recorded paid on 4 April 2014 by Fran Finance");
			}
		}
		assertThat(audits(icsb)).isEqualTo(1);
		assertThat(finance.get("/monitoring/payments?year=2013-14").body()).contains("Payments to other recipients",
				"£562,448.00", "Paid 3 October 2013", "Paid 4 April 2014");
	}

	private static long payment(String initiative, int period) {
		return db.queryForObject(
				"select p.id from organisation_grant_payment p join organisation_grant g "
						+ "on g.id = p.grant_id where g.initiative = ? order by p.starts_on offset ? limit 1",
				Long.class, initiative, period - 1);
	}

	private static int audits(long payment) {
		return db.queryForObject("select count(*) from audit_event where entity_type = 'OrganisationGrantPayment' "
				+ "and action = 'PAY' and entity_id = ?", Integer.class, String.valueOf(payment));
	}

}
