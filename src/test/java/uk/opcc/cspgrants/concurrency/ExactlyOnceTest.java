package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * Every change happens exactly once. For each state-changing action, twenty requests are
 * fired at the same moment over real HTTP at the running application on real PostgreSQL:
 * a one-shot action succeeds once and the others get 409 with a message; edits carrying
 * the same version succeed once and every other writer gets 409 with "someone else
 * changed this" and, on a page, their own input back; nothing answers 500; the rows and
 * the audit events exist exactly once.
 * <p>
 * Each test uses its own years and partnerships of a database made for this class.
 */
class ExactlyOnceTest {

	private static final int AT_ONCE = 20;

	private static final String CHANGED = "changed by someone else";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long formulaVersion;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("exactly_once");
		db = app.database();
		formulaVersion = db.queryForObject("select min(id) from formula_version", Long.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	// Grants

	@Test
	void grantsAreCreatedFromARunOnce() {
		long run = approvedRun("2031-32", "1000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/grants/from-run/" + run, ""));
		assertOneSucceeded(responses, 200);
		assertThat(count("select count(*) from grant_line where run_id = ?", run)).isEqualTo(9);
		assertThat(count("select count(*) from audit_event e join grant_award g on e.entity_id = g.id::text "
				+ "where e.entity_type = 'Grant' and e.action = 'ADD_LINE' and g.financial_year = 2031"))
			.isEqualTo(9);
	}

	@Test
	void aHistoricGrantSavedWithTheSameVersionThroughTheApiIsSavedOnce() {
		long version = historicGrant("2012-13", "MEL", "1000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.put("/api/v1/grants/2012-13/MEL", """
							{"allocation": %d, "carryForward": 0, "note": "Writer %d", "version": %d}"""
						.formatted(2000 + i, i, version)));
		assertOneSucceeded(responses, 200);
		assertLosersSay(responses, CHANGED);
		long grant = grantId(2012, "MEL");
		assertThat(count("select count(*) from grant_line where grant_id = ? and source = 'HISTORIC'", grant))
			.isEqualTo(1);
		assertThat(audits("Grant", grant, "UPDATE")).isEqualTo(2);
	}

	@Test
	void aHistoricGrantSavedWithTheSameVersionOnThePageIsSavedOnceAndTheOthersKeepTheirInput() {
		long version = historicGrant("2013-14", "CHA", "1000.00");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/grants/2013-14/CHA", Map.of("allocation", "3,0" + (10 + i) + ".00", "carryForward",
						"0", "note", "Page writer " + i, "version", String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, CHANGED);
		assertLosersKeepTheirInput(responses, i -> "Page writer " + i);
		assertThat(count("select count(*) from grant_line where grant_id = ? and source = 'HISTORIC'",
				grantId(2013, "CHA")))
			.isEqualTo(1);
	}

	@Test
	void aYearsSettingsAreSavedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/grants/settings",
						Map.of("year", "2014-15", "paymentProfile", "QUARTERLY_IN_ARREARS", "returnDueDays",
								String.valueOf(20 + i), "underspendPolicy", "CARRY_FORWARD", "version", "-1")));
		assertOneSucceeded(responses, 302);
		assertThat(
				count("select count(*) from audit_event where entity_type = 'YearSettings' and entity_id = '2014-15'"))
			.isEqualTo(1);
	}

	// Quarterly returns

	@Test
	void aNewReturnIsCreatedOnce() {
		historicGrant("2016-17", "BLA", "4000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("officer")
			.put("/api/v1/returns/2016-17/Q2/BLA", """
					{"plannedAllocation": %d, "cumulativeSpend": 10, "activities": [], "comment": "Writer %d"}"""
				.formatted(100 + i, i)));
		assertOneSucceeded(responses, 200);
		assertThat(count("select count(*) from quarterly_return r join partnership p on p.id = r.partnership_id "
				+ "where p.code = 'BLA' and r.financial_year = 2016 and r.quarter = 'Q2'"))
			.isEqualTo(1);
		assertThat(audits("QuarterlyReturn", returnId(2016, "Q2", "BLA"), "CREATE")).isEqualTo(1);
	}

	@Test
	void aReturnSavedWithTheSameVersionThroughTheApiIsSavedOnce() {
		historicGrant("2016-17", "HAB", "4000.00");
		long version = saveReturn("2016-17", "Q1", "HAB");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/returns/2016-17/Q1/HAB", """
						{"plannedAllocation": %d, "cumulativeSpend": 10, "activities": [], "comment": "Writer %d",
						 "version": %d}""".formatted(200 + i, i, version)));
		assertOneSucceeded(responses, 200);
		assertLosersSay(responses, CHANGED);
		assertThat(audits("QuarterlyReturn", returnId(2016, "Q1", "HAB"), "UPDATE")).isEqualTo(1);
	}

	@Test
	void aReturnSavedWithTheSameVersionOnThePageIsSavedOnceAndTheOthersKeepTheirInput() {
		historicGrant("2016-17", "NWL", "4000.00");
		long version = saveReturn("2016-17", "Q3", "NWL");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/monitoring/returns/2016-17/Q3/NWL", Map.of("plannedAllocation", "3" + (100 + i),
						"cumulativeSpend", "50", "comments", "Page comment " + i, "version", String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, CHANGED);
		assertLosersKeepTheirInput(responses, i -> "Page comment " + i);
		assertThat(audits("QuarterlyReturn", returnId(2016, "Q3", "NWL"), "UPDATE")).isEqualTo(1);
	}

	@Test
	void aReturnIsSubmittedReturnedAcceptedAndReopenedOnceEach() {
		historicGrant("2016-17", "HAR", "4000.00");
		saveReturn("2016-17", "Q1", "HAR");
		long id = returnId(2016, "Q1", "HAR");
		String path = "/api/v1/returns/2016-17/Q1/HAR/";

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("officer").post(path + "submit", "")), 200);
		assertThat(audits("QuarterlyReturn", id, "SUBMIT")).isEqualTo(1);

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("officer").post(path + "return-for-correction", """
				{"reason": "Reason %d"}""".formatted(i))), 200);
		assertThat(audits("QuarterlyReturn", id, "RETURN_FOR_CORRECTION")).isEqualTo(1);

		assertThat(app.api("officer").post(path + "submit", "").statusCode()).isEqualTo(200);
		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("officer").post(path + "accept", "")), 200);
		assertThat(audits("QuarterlyReturn", id, "ACCEPT")).isEqualTo(1);

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("officer").post(path + "reopen", """
				{"reason": "Reason %d"}""".formatted(i))), 200);
		assertThat(audits("QuarterlyReturn", id, "REOPEN")).isEqualTo(1);
	}

	@Test
	void aReturnAcceptedOnThePageIsAcceptedOnce() {
		historicGrant("2016-17", "OAW", "4000.00");
		saveReturn("2016-17", "Q1", "OAW");
		assertThat(app.api("officer").post("/api/v1/returns/2016-17/Q1/OAW/submit", "").statusCode()).isEqualTo(200);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/monitoring/returns/2016-17/Q1/OAW/accept", Map.of()));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "accepted");
		assertThat(audits("QuarterlyReturn", returnId(2016, "Q1", "OAW"), "ACCEPT")).isEqualTo(1);
	}

	// Payments

	@Test
	void aQuarterlyPaymentIsRecordedOnce() {
		historicGrant("2017-18", "NWL", "4000.00");
		saveReturn("2017-18", "Q1", "NWL");
		assertThat(app.api("officer").post("/api/v1/returns/2017-18/Q1/NWL/submit", "").statusCode()).isEqualTo(200);
		assertThat(app.api("officer").post("/api/v1/returns/2017-18/Q1/NWL/accept", "").statusCode()).isEqualTo(200);
		LiveApplication.Browser finance = app.signIn("finance");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> finance.post("/monitoring/payments/2017-18/NWL", paidToday("Q1", "BACS " + i)));
		assertOneSucceeded(responses, 302);
		long grant = grantId(2017, "NWL");
		assertThat(count("select count(*) from grant_payment where grant_id = ?", grant)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'PAY' and entity_id like ?", grant + " %"))
			.isEqualTo(1);
	}

	@Test
	void anAnnualPaymentIsRecordedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		assertThat(officer
			.post("/grants/settings", Map.of("year", "2018-19", "paymentProfile", "ANNUALLY_IN_ADVANCE",
					"returnDueDays", "30", "underspendPolicy", "CARRY_FORWARD", "version", "-1"))
			.statusCode()).isEqualTo(302);
		historicGrant("2018-19", "HAR", "6945.56");
		LiveApplication.Browser finance = app.signIn("finance");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> finance.post("/monitoring/payments/2018-19/HAR", paidToday("", "BACS " + i)));
		assertOneSucceeded(responses, 302);
		long grant = grantId(2018, "HAR");
		assertThat(count("select count(*) from grant_payment where grant_id = ?", grant)).isEqualTo(1);
		assertThat(db.queryForObject("select sum(amount) from grant_payment where grant_id = ?",
				java.math.BigDecimal.class, grant))
			.isEqualByComparingTo("6945.56");
	}

	// Formula runs

	@Test
	void aRunIsApprovedOnce() {
		long run = draftRun("2032-33", "1000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/formula-runs/" + run + "/approve", ""));
		assertOneSucceeded(responses, 200);
		assertThat(audits("FormulaRun", run, "APPROVE")).isEqualTo(1);
	}

	@Test
	void anApprovedRunIsSupersededOnce() {
		long first = approvedRun("2033-34", "1000.00");
		long second = draftRun("2033-34", "2000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/formula-runs/" + second + "/approve", ""));
		assertOneSucceeded(responses, 200);
		assertThat(db.queryForObject("select status from formula_run where id = ?", String.class, first))
			.isEqualTo("SUPERSEDED");
		assertThat(audits("FormulaRun", first, "SUPERSEDE")).isEqualTo(1);
		assertThat(audits("FormulaRun", second, "APPROVE")).isEqualTo(1);
	}

	@Test
	void aDraftRunIsDiscardedOnce() {
		long run = draftRun("2034-35", "1000.00");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/allocations/runs/" + run + "/discard", Map.of()));
		assertOneSucceeded(responses, 302);
		assertThat(audits("FormulaRun", run, "DISCARD")).isEqualTo(1);
	}

	// Year end and redistribution

	@Test
	void aYearIsClosedOnceAndReopenedOnce() {
		historicGrant("2021-22", "RUT", "3000.00");
		List<HttpResponse<String>> closing = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/years/2021-22/close", """
						{"missingReason": "Reason %d"}""".formatted(i)));
		assertOneSucceeded(closing, 200);
		assertThat(count("select count(*) from year_underspend where financial_year = 2021")).isEqualTo(1);
		assertThat(
				count("select count(*) from audit_event where entity_type = 'FinancialYear' and entity_id = '2021-22' "
						+ "and action = 'CLOSE'"))
			.isEqualTo(1);

		List<HttpResponse<String>> reopening = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/years/2021-22/reopen", """
						{"reason": "Reason %d"}""".formatted(i)));
		assertOneSucceeded(reopening, 200);
		assertThat(
				count("select count(*) from audit_event where entity_type = 'FinancialYear' and entity_id = '2021-22' "
						+ "and action = 'REOPEN'"))
			.isEqualTo(1);
	}

	@Test
	void aRedistributionIsProposedOnceAndApprovedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		assertThat(officer
			.post("/grants/settings", Map.of("year", "2019-20", "paymentProfile", "QUARTERLY_IN_ARREARS",
					"returnDueDays", "30", "underspendPolicy", "RETURN_TO_POT", "version", "-1"))
			.statusCode()).isEqualTo(302);
		historicGrant("2019-20", "MEL", "10000.00");
		assertThat(app.api("finance").post("/api/v1/years/2019-20/close", """
				{"missingReason": "No returns for this test"}""").statusCode()).isEqualTo(200);

		List<HttpResponse<String>> proposing = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.post("/api/v1/redistributions", """
							{"sourceYear": "2019-20", "topSlices": [{"recipient": "Hate Crime Hub %d", "purpose": "Hub",
							 "amount": 1000}], "formulaVersionId": %d, "windowEnd": "2023-24"}""".formatted(i,
							formulaVersion)));
		assertOneSucceeded(proposing, 201);
		assertThat(count("select count(*) from redistribution where source_year = 2019")).isEqualTo(1);
		assertThat(count("select count(*) from formula_run where financial_year = 2020 and purpose = 'REDISTRIBUTION'"))
			.isEqualTo(1);

		long id = db.queryForObject("select id from redistribution where source_year = 2019", Long.class);
		List<HttpResponse<String>> approving = app.atOnce(AT_ONCE,
				i -> app.api("finance").post("/api/v1/redistributions/" + id + "/approve", ""));
		assertOneSucceeded(approving, 200);
		assertThat(count("select count(*) from decision_record where title like '%2019-20 Underspend%'")).isEqualTo(1);
		assertThat(audits("Redistribution", id, "APPROVE")).isEqualTo(1);
	}

	// Decision records

	@Test
	void aDecisionRecordIsConsultedPublishedAndDecidedOnceEachAndItsGrantsAreMadeOnce() {
		long run = approvedRun("2035-36", "5000.00");
		HttpResponse<String> created = app.api("officer").post("/api/v1/decisions", """
				{"title": "Concurrency test", "decisionDate": "%s", "summary": "Summary",
				 "recommendations": "Recommendations", "formulaRunId": %d}""".formatted(LocalDate.now(), run));
		assertThat(created.statusCode()).isEqualTo(201);
		String reference = json(created).get("reference").asString();
		String path = "/api/v1/decisions/" + reference + "/";
		String today = LocalDate.now().toString();

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("finance").post(path + "consult", """
				{"name": "Fran Finance %d", "on": "%s"}""".formatted(i, today))), 200);
		assertThat(audits("DecisionRecord", reference, "CONSULT")).isEqualTo(1);

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("monitoring").post(path + "publication", """
				{"record": "YES", "report": "YES", "details": "YES", "on": "%s"}""".formatted(today))), 200);
		assertThat(audits("DecisionRecord", reference, "PUBLICATION")).isEqualTo(1);

		assertOneSucceeded(app.atOnce(AT_ONCE, i -> app.api("commissioner").post(path + "decide", """
				{"decision": "SUPPORTED", "on": "%s", "comment": "Comment %d"}""".formatted(today, i))), 200);
		assertThat(audits("DecisionRecord", reference, "DECIDE")).isEqualTo(1);
		assertThat(count("select count(*) from grant_line where run_id = ?", run)).isEqualTo(9);
		assertThat(count("select count(*) from decision_effect e join decision_record d on d.id = e.decision_id "
				+ "where d.reference = ?", reference))
			.isEqualTo(1);
	}

	// Partnerships and users

	@Test
	void aPartnershipChangedWithTheSameVersionOnThePageIsSavedOnceAndTheOthersKeepTheirInput() {
		long version = db.queryForObject("select version from partnership where code = 'OAW'", Long.class);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/partnerships/OAW",
						Map.of("name", "Oadby & Wigston", "code", "OAW", "onsCode", "E07000135", "leadAuthority",
								"Lead authority " + i, "active", "true", "aliases", "Oadby and Wigston", "version",
								String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, CHANGED);
		assertLosersKeepTheirInput(responses, i -> "Lead authority " + i);
		assertThat(count("select count(*) from audit_event e join partnership p on e.entity_id = p.id::text "
				+ "where e.entity_type = 'Partnership' and e.action = 'UPDATE' and p.code = 'OAW'"))
			.isEqualTo(1);
	}

	@Test
	void aPartnershipChangedWithTheSameVersionThroughTheApiIsSavedOnce() {
		long version = db.queryForObject("select version from partnership where code = 'HAR'", Long.class);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/partnerships/HAR", """
						{"name": "Harborough", "code": "HAR", "onsCode": "E07000131",
						 "leadAuthority": "Harborough District Council %d", "version": %d}""".formatted(i, version)));
		assertOneSucceeded(responses, 200);
		assertLosersSay(responses, CHANGED);
	}

	@Test
	void aPartnershipIsArchivedOnceAndRestoredOnce() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/partnerships", """
				{"name": "Concurrency Town", "code": "CTOWN", "leadAuthority": "Concurrency Town Council"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		LiveApplication.Browser officer = app.signIn("officer");
		try {
			long version = json(created).get("version").asLong();
			assertOneSucceeded(app.atOnce(AT_ONCE,
					i -> officer.post("/partnerships/CTOWN/archive", Map.of("version", String.valueOf(version)))), 302);
			long archived = db.queryForObject("select version from partnership where code = 'CTOWN'", Long.class);
			assertOneSucceeded(app.atOnce(AT_ONCE,
					i -> officer.post("/partnerships/CTOWN/restore", Map.of("version", String.valueOf(archived)))),
					302);
			assertThat(count("select count(*) from audit_event e join partnership p on e.entity_id = p.id::text "
					+ "where e.entity_type = 'Partnership' and e.action in ('ARCHIVE', 'RESTORE') and p.code = 'CTOWN'"))
				.isEqualTo(2);
		}
		finally {
			// a partnership with no indicators would stop the other tests' formula runs
			db.update("update partnership set active = false where code = 'CTOWN'");
		}
	}

	// Partnership groups

	@Test
	void aGroupIsMadeOnceOnThePageAndTheOthersAreToldTheNameIsTakenAndKeepTheirInput() {
		LiveApplication.Browser officer = app.signIn("officer");
		String charnwood = String.valueOf(partnershipId("CHA"));
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer.post("/partnership-groups",
				Map.of("name", "Concurrent group", "description", "Typed by writer " + i, "members", charnwood)));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "A group called Concurrent group already exists");
		assertLosersKeepTheirInput(responses, i -> "Typed by writer " + i);
		assertThat(count("select count(*) from partnership_group where lower(name) = 'concurrent group'")).isEqualTo(1);
		assertThat(
				count("select count(*) from audit_event where entity_type = 'PartnershipGroup' and action = 'CREATE' "
						+ "and entity_id = (select id::text from partnership_group where name = 'Concurrent group')"))
			.isEqualTo(1);
	}

	@Test
	void aGroupIsMadeOnceThroughTheApi() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/partnership-groups", """
						{"name": "Concurrent API group", "members": ["MEL"]}"""));
		assertOneSucceeded(responses, 201);
		assertLosersSay(responses, "already exists");
		assertThat(count("select count(*) from partnership_group where lower(name) = 'concurrent api group'"))
			.isEqualTo(1);
	}

	@Test
	void aGroupChangedWithTheSameVersionOnThePageIsSavedOnceAndTheOthersKeepTheirInput() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/partnership-groups", """
				{"name": "Group changed at once", "members": ["BLA"]}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		long version = json(created).get("version").asLong();
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/partnership-groups/" + id,
						Map.of("name", "Group changed at once", "description", "Description " + i, "members",
								String.valueOf(partnershipId("HAR")), "version", String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, CHANGED);
		assertLosersKeepTheirInput(responses, i -> "Description " + i);
		assertThat(audits("PartnershipGroup", id, "UPDATE")).isEqualTo(1);
		assertThat(count("select count(*) from partnership_group_member where group_id = ?", id)).isEqualTo(1);
	}

	@Test
	void aGroupChangedWithTheSameVersionThroughTheApiIsSavedOnceAndArchivedOnce() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/partnership-groups", """
				{"name": "API group changed at once", "members": ["RUT"]}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		long version = json(created).get("version").asLong();
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/partnership-groups/" + id, """
						{"name": "API group changed at once", "description": "Writer %d", "members": ["RUT"],
						 "version": %d}""".formatted(i, version)));
		assertOneSucceeded(responses, 200);
		assertLosersSay(responses, CHANGED);
		long changed = db.queryForObject("select version from partnership_group where id = ?", Long.class, id);
		assertOneSucceeded(
				app.atOnce(AT_ONCE, i -> app.api("officer")
					.post("/api/v1/partnership-groups/" + id + "/archive", "{\"version\": %d}".formatted(changed))),
				200);
		assertThat(audits("PartnershipGroup", id, "ARCHIVE")).isEqualTo(1);
		long archived = db.queryForObject("select version from partnership_group where id = ?", Long.class, id);
		assertOneSucceeded(
				app.atOnce(AT_ONCE, i -> app.api("officer")
					.post("/api/v1/partnership-groups/" + id + "/restore", "{\"version\": %d}".formatted(archived))),
				200);
		assertThat(audits("PartnershipGroup", id, "RESTORE")).isEqualTo(1);
	}

	@Test
	void aGroupIsArchivedOnceAndRestoredOnceOnItsPages() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/partnership-groups", """
				{"name": "Group archived at once", "members": ["MEL"]}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		long version = json(created).get("version").asLong();
		LiveApplication.Browser officer = app.signIn("officer");
		assertOneSucceeded(app.atOnce(AT_ONCE, i -> officer.post("/partnership-groups/" + id + "/archive",
				Map.of("version", String.valueOf(version)))), 302);
		long archived = db.queryForObject("select version from partnership_group where id = ?", Long.class, id);
		assertOneSucceeded(app.atOnce(AT_ONCE, i -> officer.post("/partnership-groups/" + id + "/restore",
				Map.of("version", String.valueOf(archived)))), 302);
		assertThat(audits("PartnershipGroup", id, "ARCHIVE")).isEqualTo(1);
		assertThat(audits("PartnershipGroup", id, "RESTORE")).isEqualTo(1);
	}

	@Test
	void aUserChangedWithTheSameVersionIsSavedOnceAndTheOthersKeepTheirInput() {
		long id = db.queryForObject("select id from app_user where username = 'monitoring'", Long.class);
		long version = db.queryForObject("select version from app_user where id = ?", Long.class, id);
		LiveApplication.Browser admin = app.signIn("admin");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> admin.post("/admin/users/" + id, Map.of("displayName", "Mo Monitoring " + i, "roles",
						"MONITORING_OFFICER", "partnershipCode", "", "version", String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, CHANGED);
		assertLosersKeepTheirInput(responses, i -> "Mo Monitoring " + i);
		assertThat(audits("User", id, "UPDATE")).isEqualTo(1);
	}

	@Test
	void aServiceAccountIsAddedOnceAndTheOthersAreToldTheUsernameIsTakenAndKeepTheirInput() {
		LiveApplication.Browser admin = app.signIn("admin");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> admin.post("/admin/users/service-accounts", Map.of("username", "warehouse.at.once", "displayName",
						"Warehouse feed " + i, "roles", "OFFICER", "partnershipCode", "")));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "The username warehouse.at.once is already taken");
		assertLosersKeepTheirInput(responses, i -> "Warehouse feed " + i);
		long id = db.queryForObject("select id from app_user where username = 'warehouse.at.once' and service_account",
				Long.class);
		assertThat(audits("User", id, "CREATE")).isEqualTo(1);
	}

	// Published splits

	@Test
	void aPublishedSplitSavedUnderTheSameNameOnThePageIsSavedOnceAndTheOthersKeepTheirInput() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/allocations/check/save",
						Map.of("name", "Split saved at once", "source", "Decision record " + i, "year", "2024-25",
								"table", "Leicester £41,602.98\nRutland £2,953.46", "indicators", "population",
								"windowEnd", "2023-24", "windowYears", "1")));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "There is a published split called Split saved at once already");
		assertLosersKeepTheirInput(responses, i -> "Decision record " + i);
		assertThat(count("select count(*) from published_split where name = 'Split saved at once'")).isEqualTo(1);
		assertThat(count("select count(*) from published_split_amount a join published_split s on s.id = a.split_id "
				+ "where s.name = 'Split saved at once'"))
			.isEqualTo(2);
		assertThat(count("select count(*) from audit_event where entity_type = 'PublishedSplit' and entity_id = "
				+ "(select id::text from published_split where name = 'Split saved at once')"))
			.isEqualTo(1);
	}

	@Test
	void aPublishedSplitSavedUnderTheSameNameThroughTheApiIsSavedOnce() {
		List<HttpResponse<String>> responses = app
			.atOnce(AT_ONCE, i -> app.api("officer").post("/api/v1/published-splits", """
					{"name": "API split saved at once", "source": "Writer %d", "year": "2024-25",
					 "amounts": [{"partnership": "LEI", "amount": 41602.98}, {"partnership": "RUT", "amount": 2953.46}],
					 "indicators": ["population"], "windowEnd": "2023-24", "windowYears": 1}""".formatted(i)));
		assertOneSucceeded(responses, 201);
		assertLosersSay(responses, "There is a published split called API split saved at once already");
		assertThat(count("select count(*) from published_split where name = 'API split saved at once'")).isEqualTo(1);
	}

	// What each test sets up, one request at a time

	/** A grant entered by hand; returns its version. */
	private static long historicGrant(String year, String code, String amount) {
		HttpResponse<String> saved = app.api("officer").put("/api/v1/grants/" + year + "/" + code, """
				{"allocation": %s, "carryForward": 0, "note": "Set up"}""".formatted(amount));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		return json(saved).get("version").asLong();
	}

	/** A return saved as a draft; returns its version. */
	private static long saveReturn(String year, String quarter, String code) {
		HttpResponse<String> saved = app.api("officer").put("/api/v1/returns/" + year + "/" + quarter + "/" + code, """
				{"plannedAllocation": 1000, "cumulativeSpend": 100, "activities": [], "comment": "Set up"}""");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		return json(saved).get("version").asLong();
	}

	private static long draftRun(String year, String pot) {
		HttpResponse<String> made = app.api("officer").post("/api/v1/formula-runs", """
				{"financialYear": "%s", "pot": %s, "purpose": "ALLOCATION", "formulaVersionId": %d,
				 "windowEnd": "2023-24"}""".formatted(year, pot, formulaVersion));
		assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
		return json(made).get("id").asLong();
	}

	private static long approvedRun(String year, String pot) {
		long run = draftRun(year, pot);
		HttpResponse<String> approved = app.api("finance").post("/api/v1/formula-runs/" + run + "/approve", "");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		return run;
	}

	/** A payment's row as finance fills it in: paid today, with a reference. */
	private static Map<String, String> paidToday(String quarter, String reference) {
		LocalDate today = LocalDate.now();
		return Map.of("quarter", quarter, "paidOn.day", String.valueOf(today.getDayOfMonth()), "paidOn.month",
				String.valueOf(today.getMonthValue()), "paidOn.year", String.valueOf(today.getYear()), "reference",
				reference);
	}

	// Checks

	@Test
	void aPasswordIsChangedOnceAndTheOthersAreToldTheAccountChanged() {
		app.bean(uk.opcc.cspgrants.security.UserManagement.class)
			.create("pat.password", new uk.opcc.cspgrants.security.AccountDetails("Pat Password",
					java.util.Set.of(uk.opcc.cspgrants.shared.Role.OFFICER), null), SignIn.DEMO_PASSWORD);
		LiveApplication.Browser pat = app.signIn("pat.password");
		long version = count("select version from app_user where username = 'pat.password'");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> pat.post("/account/password",
						Map.of("currentPassword", SignIn.DEMO_PASSWORD, "newPassword", "violet tractor harbour " + i,
								"confirmPassword", "violet tractor harbour " + i, "version", String.valueOf(version))));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "Your account was changed after this page opened");
		assertThat((long) count("select version from app_user where username = 'pat.password'")).isEqualTo(version + 1);
		assertThat(count("select count(*) from audit_event where action = 'CHANGE_PASSWORD' and entity_id = "
				+ "(select id::text from app_user where username = 'pat.password')"))
			.isEqualTo(1);
		assertThat(count("select count(*) from notification where username = 'pat.password' "
				+ "and template = 'password-changed'"))
			.isEqualTo(1);
	}

	@Test
	void anotherSessionIsSignedOutOnceAndTheOthersAreToldItAlreadyWas() {
		app.bean(uk.opcc.cspgrants.security.UserManagement.class)
			.create("sid.sessions", new uk.opcc.cspgrants.security.AccountDetails("Sid Sessions",
					java.util.Set.of(uk.opcc.cspgrants.shared.Role.OFFICER), null), SignIn.DEMO_PASSWORD);
		LiveApplication.Browser desk = app.signIn("sid.sessions");
		LiveApplication.Browser phone = app.signIn("sid.sessions");
		assertThat(phone.get("/grants").statusCode()).isEqualTo(200);
		long other = count("select max(s.id) from signed_in_session s join app_user u on u.id = s.user_id "
				+ "where u.username = 'sid.sessions'");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> desk.post("/account/sessions/" + other + "/end", Map.of()));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "That session has already been signed out");
		assertThat(count("select count(*) from audit_event where action = 'END_SESSION' and entity_id = "
				+ "(select id::text from app_user where username = 'sid.sessions')"))
			.isEqualTo(1);
		assertThat(phone.get("/grants").headers().firstValue("Location")).hasValue("/login?signedOutElsewhere");
	}

	@Test
	void everyOtherSessionIsSignedOutOnceAndTheOthersAreToldThereIsNoneLeft() {
		app.bean(uk.opcc.cspgrants.security.UserManagement.class)
			.create("eve.sessions", new uk.opcc.cspgrants.security.AccountDetails("Eve Sessions",
					java.util.Set.of(uk.opcc.cspgrants.shared.Role.OFFICER), null), SignIn.DEMO_PASSWORD);
		LiveApplication.Browser desk = app.signIn("eve.sessions");
		LiveApplication.Browser phone = app.signIn("eve.sessions");
		LiveApplication.Browser tablet = app.signIn("eve.sessions");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> desk.post("/account/sessions/end-others", Map.of()));
		assertOneSucceeded(responses, 302);
		assertLosersSay(responses, "You have no other session to sign out");
		assertThat(count("select count(*) from audit_event where action = 'END_OTHER_SESSIONS' and entity_id = "
				+ "(select id::text from app_user where username = 'eve.sessions')"))
			.isEqualTo(1);
		assertThat(count("select count(*) from signed_in_session s join app_user u on u.id = s.user_id "
				+ "where u.username = 'eve.sessions' and s.ended_by like '%with every other session'"))
			.isEqualTo(2);
		assertThat(phone.get("/grants").headers().firstValue("Location")).hasValue("/login?signedOutElsewhere");
		assertThat(tablet.get("/grants").headers().firstValue("Location")).hasValue("/login?signedOutElsewhere");
		assertThat(desk.get("/grants").statusCode()).isEqualTo(200);
	}

	@Test
	void passwordsGuessedAtOnceLockTheUsernameOnceAndSaySoOnce() {
		long id = app.bean(uk.opcc.cspgrants.security.UserManagement.class)
			.create("guess.target",
					new uk.opcc.cspgrants.security.AccountDetails("Gus Target",
							java.util.Set.of(uk.opcc.cspgrants.shared.Role.OFFICER), null),
					SignIn.DEMO_PASSWORD)
			.id();
		LiveApplication.Browser guesser = app.visitor("/login");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> guesser.post("/login", Map.of("username", "guess.target", "password", "guess number " + i)));
		Map<String, Long> where = new java.util.TreeMap<>();
		responses
			.forEach(response -> where.merge(response.headers().firstValue("Location").orElse("none"), 1L, Long::sum));
		// every guess is refused; five are checked (no more than one after another would
		// get), the fifth locks the username and says so, the rest are refused unchecked;
		// the lock-out is recorded and told once
		assertThat(where).isEqualTo(Map.of("/login?error", 4L, "/login?locked", (long) (AT_ONCE - 4)));
		assertThat(count("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
				+ "and action = 'SIGN_IN_REFUSED'", String.valueOf(id)))
			.isEqualTo(5);
		assertThat(count("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
				+ "and action = 'LOCKED_OUT'", String.valueOf(id)))
			.isEqualTo(1);
		assertThat(count("select count(*) from notification where username = 'guess.target' "
				+ "and template = 'sign-in-locked'"))
			.isEqualTo(1);
		assertThat(count(
				"select count(*) from sign_in_attempt where username = 'guess.target' " + "and locked_until > now()"))
			.isEqualTo(1);
	}

	private static void assertOneSucceeded(List<HttpResponse<String>> responses, int success) {
		assertThat(statuses(responses)).as(() -> "statuses; first bodies: " + firstBodies(responses))
			.isEqualTo(Map.of(success, 1L, 409, (long) (AT_ONCE - 1)));
	}

	private static void assertLosersSay(List<HttpResponse<String>> responses, String message) {
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsIgnoringCase(message);
			}
		}
	}

	private static void assertLosersKeepTheirInput(List<HttpResponse<String>> responses,
			java.util.function.IntFunction<String> typed) {
		for (int i = 0; i < responses.size(); i++) {
			if (responses.get(i).statusCode() == 409) {
				assertThat(responses.get(i).body()).contains(typed.apply(i));
			}
		}
	}

	private static String firstBodies(List<HttpResponse<String>> responses) {
		return responses.stream()
			.filter(response -> response.statusCode() != 409)
			.map(response -> response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())))
			.toList()
			.toString();
	}

	private static int count(String sql, Object... params) {
		return db.queryForObject(sql, Integer.class, params);
	}

	private static int audits(String type, Object id, String action) {
		return count("select count(*) from audit_event where entity_type = ? and entity_id = ? and action = ?", type,
				String.valueOf(id), action);
	}

	private static long partnershipId(String code) {
		return db.queryForObject("select id from partnership where code = ?", Long.class, code);
	}

	private static long grantId(int startYear, String code) {
		return db.queryForObject("select g.id from grant_award g join partnership p on p.id = g.partnership_id "
				+ "where g.financial_year = ? and p.code = ?", Long.class, startYear, code);
	}

	private static long returnId(int startYear, String quarter, String code) {
		return db.queryForObject(
				"select r.id from quarterly_return r join partnership p on p.id = r.partnership_id "
						+ "where r.financial_year = ? and r.quarter = ? and p.code = ?",
				Long.class, startYear, quarter, code);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
