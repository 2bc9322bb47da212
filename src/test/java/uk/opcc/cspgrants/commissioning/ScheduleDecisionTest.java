package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.decision.DecisionDecided;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year's award schedule put to the Commissioner, on a database of its own: the record
 * is drafted from the schedule with the schedule attached as its table, signed off by
 * finance and the Monitoring Officer and decided. Supported makes the golden grants of
 * {@link DecidedScheduleFixture} (counted by hand from the seed's table), once even when
 * the decision is seen twice; Not supported makes none; a record sent back leaves the
 * schedule a draft again and cannot be signed until the schedule is attached to it again.
 */
class ScheduleDecisionTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("schedule_decision", "--csp-grants.demo.commissioning=false");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void supportedTheCommittedLinesBecomeTheirGrantsOnceWithAPaymentPerPeriod() throws Exception {
		long schedule = DecidedScheduleFixture.insert(db, 2013);
		LiveApplication.Browser officer = app.signIn("officer");
		HttpResponse<String> check = officer.get("/commissioning/2013-14/schedule/decision");
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("Police and Crime Commissioner Partner Funding 2013-14",
				"£3,249,023.00 from 3 funding streams", "PCC Community Safety Grant (Home Office): &#163;1,649,000.00",
				"9 committed lines become grants to 3 recipients, totalling £616,056.00",
				"Indicative lines and new funding streams (£271,800.00) make no grant",
				"Approve the use of the Budget Equalisation Reserve", "PCC Grant round", "Total Leicester City Council",
				"£469,559.00", "<del>Youth Crime &amp; Substance Misuse Prevention Activities</del>");

		String reference = draft(officer, "2013-14", 0);
		assertThat(db.queryForMap("select status, decision_reference from award_schedule where id = ?", schedule))
			.containsEntry("status", "IN_DECISION")
			.containsEntry("decision_reference", reference);
		assertThat(db.queryForMap("select attachment_type, attachment_ref, created_by, title from decision_record "
				+ "where reference = ?", reference))
			.containsEntry("attachment_type", "AWARD_SCHEDULE")
			.containsEntry("attachment_ref", String.valueOf(schedule))
			.containsEntry("created_by", "officer")
			.containsEntry("title", "Police and Crime Commissioner Partner Funding 2013-14");
		String recordPage = officer.get("/decisions/" + reference).body();
		assertThat(recordPage).contains("Award schedule 2013-14: Partner funding 2013", "Total Leicester City Council",
				"£469,559.00", "£271,800.00", "£741,359.00", "Replaced by line 2, not counted");
		HttpResponse<String> pdf = app.api("officer").get("/api/v1/decisions/" + reference + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");

		signOff(reference, "SUPPORTED");

		assertThat(db.queryForObject("select status from award_schedule where id = ?", String.class, schedule))
			.isEqualTo("DECIDED");
		assertGoldenGrants(reference);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'OrganisationGrant' " + "and action = 'CREATE'",
				Integer.class))
			.isEqualTo(9);

		// the decision seen a second time makes nothing more
		new TransactionTemplate(app.bean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> app.bean(ScheduleDecided.class)
				.onDecided(new DecisionDecided(reference, true, null, "AWARD_SCHEDULE", String.valueOf(schedule))));
		assertGoldenGrants(reference);

		assertThat(officer.get("/decisions/" + reference + "/decided").body())
			.contains("9 grants to organisations totalling £616,056.00 were made from the award schedule 2013-14");
		assertThat(officer.get("/public/decisions/" + reference).body()).contains("Total Leicester City Council",
				"£469,559.00");
		String grantsPage = officer.get("/grants?year=2013-14").body();
		assertThat(grantsPage).contains("Grants to other recipients", "Drug Intervention Programme (DIP)",
				"Co-commissioning with existing commissioners under contract", "£616,056.00");
		JsonNode api = JSON.readTree(app.api("finance").get("/api/v1/grants/organisations?year=2013-14").body());
		assertThat(api.size()).isEqualTo(9);
		assertThat(app.api("leicester.csp").get("/api/v1/grants/organisations?year=2013-14").statusCode())
			.isEqualTo(403);
	}

	@Test
	void notSupportedMakesNoGrantsAndTheScheduleIsADraftForANewDecision() throws Exception {
		long schedule = DecidedScheduleFixture.insert(db, 2014);
		LiveApplication.Browser officer = app.signIn("officer");
		String reference = draft(officer, "2014-15", 0);
		signOff(reference, "NOT_SUPPORTED");
		assertThat(db.queryForMap("select status, decision_reference from award_schedule where id = ?", schedule))
			.containsEntry("status", "DRAFT")
			.containsEntry("decision_reference", null);
		String again = draft(officer, "2014-15",
				db.queryForObject("select version from award_schedule where id = ?", Long.class, schedule));
		assertThat(again).isNotEqualTo(reference);
		assertThat(db.queryForObject("select count(*) from organisation_grant where decision_reference = ?",
				Integer.class, reference))
			.isZero();
	}

	@Test
	void aRecordSentBackLeavesTheScheduleADraftUntilItIsAttachedAgain() throws Exception {
		long schedule = DecidedScheduleFixture.insert(db, 2015);
		LiveApplication.Browser officer = app.signIn("officer");
		String reference = draft(officer, "2015-16", 0);
		String path = "/api/v1/decisions/" + reference + "/";
		assertThat(app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}").statusCode())
			.isEqualTo(200);
		assertThat(app.api("monitoring")
			.post(path + "send-back", "{\"reason\": \"The schedule's comments need work\"}")
			.statusCode()).isEqualTo(200);
		assertThat(
				db.queryForMap("select status, decision_reference, version from award_schedule where id = ?", schedule))
			.containsEntry("status", "DRAFT")
			.containsEntry("decision_reference", null);

		HttpResponse<String> refused = app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("The award schedule 2015-16 is not attached to " + reference);

		assertThat(officer.get("/commissioning/2015-16/schedule/decision").body()).contains("Attach the schedule again",
				"the record it was sent back in");
		assertThat(draft(officer, "2015-16", version(2015))).isEqualTo(reference);
		assertThat(db.queryForObject("select count(*) from decision_record where attachment_type = 'AWARD_SCHEDULE' "
				+ "and attachment_ref = ?", Integer.class, String.valueOf(schedule)))
			.isEqualTo(1);
		assertThat(app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aScheduleAlreadyInARecordOrChangedSinceIsRefusedOnThePageWithTheReason() throws Exception {
		DecidedScheduleFixture.insert(db, 2016);
		LiveApplication.Browser officer = app.signIn("officer");
		HttpResponse<String> stale = officer.post("/commissioning/2016-17/schedule/decision", Map.of("version", "7"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("There is a problem", "changed by someone else");
		String reference = draft(officer, "2016-17", 0);
		HttpResponse<String> again = app.api("officer")
			.post("/api/v1/commissioning/2016-17/schedule/decision", "{\"version\": " + version(2016) + "}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("already in a decision record " + reference);
		assertThat(app.api("finance")
			.post("/api/v1/commissioning/2016-17/schedule/decision", "{\"version\": 1}")
			.statusCode()).isEqualTo(403);
	}

	private static String draft(LiveApplication.Browser officer, String year, long version) {
		HttpResponse<String> drafted = officer.post("/commissioning/" + year + "/schedule/decision",
				Map.of("version", String.valueOf(version)));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
		String location = drafted.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/decisions/");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private static long version(int startYear) {
		return db.queryForObject("select version from award_schedule where financial_year = ?", Long.class, startYear);
	}

	private static void signOff(String reference, String decision) {
		String path = "/api/v1/decisions/" + reference + "/";
		HttpResponse<String> consulted = app.api("finance").post(path + "consult", "{\"name\": \"Fran Finance\"}");
		assertThat(consulted.statusCode()).as(consulted.body()).isEqualTo(200);
		assertThat(app.api("monitoring")
			.post(path + "publication", "{\"record\": \"YES\", \"report\": \"YES\", \"details\": \"YES\"}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> decided = app.api("commissioner")
			.post(path + "decide", "{\"decision\": \"" + decision + "\"}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
	}

	private static void assertGoldenGrants(String reference) {
		List<Map<String, Object>> grants = db.queryForList("select g.initiative, g.amount, g.in_kind, o.name, "
				+ "(select count(*) from organisation_grant_payment p where p.grant_id = g.id) as payments, "
				+ "(select coalesce(sum(p.amount), 0) from organisation_grant_payment p where p.grant_id = g.id) as paid "
				+ "from organisation_grant g join organisation o on o.id = g.organisation_id "
				+ "where g.decision_reference = ? order by g.award_line_id", reference);
		assertThat(grants).extracting(row -> row.get("initiative"))
			.containsExactly("Drug Intervention Programme (DIP)", "Community Safety Fund", "LSCB", "LSAB",
					"Youth Offending Service", "Voluntary Action Leicester", "ICSB", "Juniper Lodge", "Catch22");
		assertThat(grants).extracting(row -> ((BigDecimal) row.get("amount")).toPlainString())
			.containsExactly("215478.00", "92288.00", "43945.00", "8500.00", "99348.00", "10000.00", "77500.00",
					"53608.00", "15389.00");
		assertThat(grants).extracting(row -> ((Number) row.get("payments")).intValue())
			.containsExactly(1, 1, 1, 1, 1, 1, 2, 0, 1);
		assertThat(db.queryForObject("select sum(amount) from organisation_grant where decision_reference = ?",
				BigDecimal.class, reference))
			.isEqualByComparingTo("616056.00");
		assertThat(db.queryForObject("select sum(p.amount) from organisation_grant_payment p join organisation_grant g "
				+ "on g.id = p.grant_id where g.decision_reference = ?", BigDecimal.class, reference))
			.isEqualByComparingTo("562448.00");
		assertThat(db.queryForList("select p.amount from organisation_grant_payment p join organisation_grant g "
				+ "on g.id = p.grant_id where g.initiative = 'ICSB' and g.decision_reference = ? order by p.starts_on",
				BigDecimal.class, reference))
			.extracting(BigDecimal::toPlainString)
			.containsExactly("15000.00", "62500.00");
	}

}
