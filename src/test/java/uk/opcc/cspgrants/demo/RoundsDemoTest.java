package uk.opcc.cspgrants.demo;

import java.math.BigDecimal;
import java.util.Map;
import java.util.List;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's grant rounds on the demo's date (24 October 2024, 9am), on a database of its
 * own: "Safer Communities Small Grants 2024-25" is open, taking applications until midday
 * on 15 November 2024, with its five criteria weighing 100, and the public pages show it
 * to anyone; "Safer Streets Summer Fund 2024-25" closed at midday on 26 June 2024 and was
 * decided Supported on 31 July 2024 (85 days before), its three awards (£6,000, £5,500,
 * £6,000) lines of the 2024-25 award schedule and grants.
 */
class RoundsDemoTest {

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("rounds_demo", "--csp-grants.demo.rounds=true",
				"--csp-grants.demo.commissioning=true", "--csp-grants.demo.clock.start=2024-10-24T09:00:00+01:00");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theDemoRoundIsOpenOnTheDemosDateWithItsCriteria() {
		assertThat(db.queryForMap("select financial_year, status, budget::text as budget, opened_by, "
				+ "to_char(opens_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') as opens, "
				+ "to_char(closes_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') as closes "
				+ "from grant_round where reference = 'SCSG-DEMO'"))
			.containsEntry("financial_year", 2024)
			.containsEntry("status", "OPEN")
			.containsEntry("budget", "50000.00")
			.containsEntry("opened_by", "Olu Officer")
			.containsEntry("opens", "2024-09-01 09:00")
			.containsEntry("closes", "2024-11-15 12:00");
		assertThat(
				db.queryForList("select c.weight::text from round_criterion c join grant_round r on r.id = c.round_id "
						+ "where r.reference = 'SCSG-DEMO' order by c.position", String.class))
			.containsExactly("30.00", "25.00", "20.00", "15.00", "10.00");
		assertThat(db.queryForObject("select count(*) from round_theme t join grant_round r on r.id = t.round_id "
				+ "where r.reference = 'SCSG-DEMO'", Long.class))
			.isEqualTo(3);
	}

	@Test
	void anyoneSeesTheDemoRoundOnThePublicPages() throws Exception {
		assertThat(get("/public").body()).contains("href=\"/public/rounds/SCSG-DEMO\"",
				"Safer Communities Small Grants 2024-25", ": open until 15 November 2024 at midday");
		HttpResponse<String> round = get("/public/rounds/SCSG-DEMO");
		assertThat(round.statusCode()).isEqualTo(200);
		assertThat(round.body()).contains("Open for applications until 15 November 2024 at midday (UK time).",
				"This round is invented for the CSP Grants demo.", "Fit with the Police and Crime Plan",
				"£500.00 to £5,000.00", "Start or continue an application");
	}

	@Test
	void theDemosDecidedRoundWasSupportedAndMadeItsAwards() {
		assertThat(db.queryForMap("select r.financial_year, r.status, d.status as record, d.decision, "
				+ "d.decision_date::text as decided_on, "
				+ "to_char(r.closes_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') as closes "
				+ "from grant_round r join decision_record d on d.reference = r.decision_reference "
				+ "where r.reference = 'SSSF-DEMO'"))
			.containsEntry("financial_year", 2024)
			.containsEntry("status", "DECIDED")
			.containsEntry("record", "DECIDED")
			.containsEntry("decision", "SUPPORTED")
			.containsEntry("decided_on", "2024-07-31")
			.containsEntry("closes", "2024-06-26 12:00");
		assertThat(db.queryForList("select a.status from application a join grant_round r on r.id = a.round_id "
				+ "where r.reference = 'SSSF-DEMO' order by a.number", String.class))
			.containsExactly("AWARDED", "AWARDED", "AWARDED", "NOT_AWARDED", "INELIGIBLE");
		// each award a committed line of the 2024-25 schedule and a grant, adding up to
		// what the panel recommended
		assertThat(db.queryForList("select p.amount::text from award_line l join award_line_period p "
				+ "on p.line_id = l.id join award_schedule s on s.id = l.schedule_id "
				+ "where s.financial_year = 2024 and l.round_ref = 'SSSF-DEMO' and l.decided_by is not null "
				+ "order by l.position", String.class))
			.containsExactly("6000.00", "5500.00", "6000.00");
		assertThat(db.queryForObject("select sum(g.amount) from organisation_grant g join round_award a "
				+ "on a.grant_id = g.id join grant_round r on r.id = a.round_id where r.reference = 'SSSF-DEMO'",
				BigDecimal.class))
			.isEqualByComparingTo("17500.00");
		assertThat(db.queryForObject(
				"select count(*) from review_assignment r join app_user u on u.id = r.reviewer_id "
						+ "join grant_round g on g.id = r.round_id "
						+ "where u.username = 'reviewer' and r.status = 'SUBMITTED' and g.reference = 'SSSF-DEMO'",
				Integer.class))
			.isEqualTo(4);
		String record = db.queryForObject("select decision_reference from grant_round where reference = 'SSSF-DEMO'",
				String.class);
		assertThat(publicPage("/public/rounds/SSSF-DEMO"))
			.contains("The Police and Crime Commissioner decided its awards in decision record", record);
		assertThat(db.queryForList("select template from notification where email = 'applicant4@applicants.example' "
				+ "and template like 'application-%'", String.class))
			.containsExactly("application-not-awarded");
	}

	/**
	 * The seed's 2013 PCC Grant: 33 applications received (EXE 0025/13), 31 eligible, one
	 * conflict declared and reassigned; the Supported record replaced the eleven PCC
	 * Grant lines the 2013-14 schedule planned (a new funding stream, £92,943) with
	 * committed lines and grants to the organisations already in the register, the seed's
	 * amounts, so the schedule's total is unchanged.
	 */
	@Test
	void theSeedsRoundMadeTheElevenAwardsOfTheSchedule() {
		assertThat(db.queryForMap("select r.status, r.budget::text as budget, d.decision_date::text as decided_on "
				+ "from grant_round r join decision_record d on d.reference = r.decision_reference "
				+ "where r.reference = 'PCCG-2013'"))
			.containsEntry("status", "DECIDED")
			.containsEntry("budget", "92943.00")
			.containsEntry("decided_on", "2013-09-05");
		assertThat(db.queryForList(
				"select a.status || ' ' || count(*) from application a join grant_round r "
						+ "on r.id = a.round_id where r.reference = 'PCCG-2013' group by a.status order by a.status",
				String.class))
			.containsExactly("AWARDED 11", "INELIGIBLE 2", "NOT_AWARDED 20");
		assertThat(db.queryForObject("select count(*) from review_assignment r join grant_round g on g.id = r.round_id "
				+ "where g.reference = 'PCCG-2013' and r.status = 'CONFLICTED'", Integer.class))
			.isEqualTo(1);
		// each decided line replaces the planned line of the same organisation and amount
		List<Map<String, Object>> replaced = db
			.queryForList("select o.name, pp.amount as planned, dp.amount as decided "
					+ "from award_line d join award_line p on p.id = d.replaces_line_id "
					+ "join award_line_period dp on dp.line_id = d.id join award_line_period pp on pp.line_id = p.id "
					+ "join organisation o on o.id = d.organisation_id "
					+ "where d.round_ref = 'PCCG-2013' and d.decided_by is not null and p.organisation_id = d.organisation_id");
		assertThat(replaced).hasSize(11);
		assertThat(replaced).allSatisfy(line -> assertThat((BigDecimal) line.get("decided"))
			.isEqualByComparingTo((BigDecimal) line.get("planned")));
		assertThat(replaced).extracting(line -> line.get("name"))
			.contains("Westcotes Street Pastors", "Catch 22", "Living Without Abuse");
		assertThat(db.queryForObject(
				"select sum(g.amount) from organisation_grant g join decision_record d "
						+ "on d.reference = g.decision_reference where d.attachment_type = 'GRANT_ROUND' "
						+ "and d.attachment_ref = (select id::text from grant_round where reference = 'PCCG-2013')",
				BigDecimal.class))
			.isEqualByComparingTo("92943");
		// the schedule counts each award once: its counted lines add up to what they did
		// before the decision
		assertThat(db.queryForObject(
				"select sum(p.amount) from award_line l join award_line_period p on p.line_id = l.id "
						+ "join award_schedule s on s.id = l.schedule_id where s.financial_year = 2013 "
						+ "and not exists (select 1 from award_line r where r.replaces_line_id = l.id)",
				BigDecimal.class))
			.isEqualByComparingTo(db.queryForObject("select sum(p.amount) from award_line l join award_line_period p "
					+ "on p.line_id = l.id join award_schedule s on s.id = l.schedule_id where s.financial_year = 2013 "
					+ "and l.decided_by is null and not exists (select 1 from award_line r where r.replaces_line_id = l.id "
					+ "and r.decided_by is null)", BigDecimal.class));
	}

	/**
	 * The CSPs' business cases of EXE 0025/13 (CSPBC-2013): the fourteen initiatives the
	 * 2013-14 schedule planned for Leicester, Rutland, North West Leicestershire, Melton,
	 * Harborough, Oadby and Wigston and Charnwood (£126,945, the seed's lines 96 to 122
	 * without the joint Blaby and Hinckley partnership's five), each replaced by a
	 * committed line naming its partnership and a grant to its lead authority; the one
	 * invented business case not funded; the Blaby and Hinckley lines still planned.
	 */
	@Test
	void theCspsBusinessCasesMadeTheirAwardsToTheLeadAuthorities() {
		assertThat(db.queryForMap("select r.status, r.route, r.budget::text as budget, "
				+ "d.decision_date::text as decided_on from grant_round r "
				+ "join decision_record d on d.reference = r.decision_reference where r.reference = 'CSPBC-2013'"))
			.containsEntry("status", "DECIDED")
			.containsEntry("route", "CSP_BUSINESS_CASE")
			.containsEntry("budget", "126945.00")
			.containsEntry("decided_on", "2013-10-04");
		assertThat(db.queryForObject("select d.summary from decision_record d join grant_round r "
				+ "on r.decision_reference = d.reference where r.reference = 'CSPBC-2013'", String.class))
			.contains("The Community Safety Partnerships (CSP) were requested to submit business cases",
					"In total 15 business cases were received, of which 15 were found eligible, from 7 partnerships",
					"2 assessors scored them, each business case by at least 2");
		assertThat(db.queryForList(
				"select a.status || ' ' || count(*) from application a join grant_round r "
						+ "on r.id = a.round_id where r.reference = 'CSPBC-2013' group by a.status order by a.status",
				String.class))
			.containsExactly("AWARDED 14", "NOT_AWARDED 1");
		List<Map<String, Object>> replaced = db.queryForList("select o.name, c.code, d.initiative, "
				+ "pp.amount as planned, dp.amount as decided, g.partnership_id = d.partnership_id as grant_names_csp "
				+ "from award_line d join award_line p on p.id = d.replaces_line_id "
				+ "join award_line_period dp on dp.line_id = d.id join award_line_period pp on pp.line_id = p.id "
				+ "join organisation o on o.id = d.organisation_id join partnership c on c.id = d.partnership_id "
				+ "join organisation_grant g on g.award_line_id = d.id "
				+ "where d.round_ref = 'CSPBC-2013' and d.decided_by is not null "
				+ "and p.partnership_id = d.partnership_id order by d.position");
		assertThat(replaced).hasSize(14);
		assertThat(replaced).allSatisfy(line -> {
			assertThat((BigDecimal) line.get("decided")).isEqualByComparingTo((BigDecimal) line.get("planned"));
			assertThat(line.get("grant_names_csp")).isEqualTo(true);
		});
		assertThat(replaced).filteredOn(line -> "LEI".equals(line.get("code")))
			.extracting(line -> line.get("name") + " | " + line.get("initiative") + " | "
					+ ((BigDecimal) line.get("decided")).toPlainString())
			.containsExactlyInAnyOrder("Leicester City Council | Overall Crime | 25000.00",
					"Leicester City Council | ASB | 25000.00",
					"Leicester City Council | Community Outreach Worker (Street Drinkers) | 21000.00");
		assertThat(replaced).filteredOn(line -> "RUT".equals(line.get("code")))
			.extracting(line -> line.get("name") + " | " + ((BigDecimal) line.get("decided")).toPlainString())
			.containsExactly("Rutland County Council | 3100.00");
		assertThat(
				db.queryForObject(
						"select sum(g.amount) from organisation_grant g join decision_record d "
								+ "on d.reference = g.decision_reference where d.attachment_ref = "
								+ "(select id::text from grant_round where reference = 'CSPBC-2013')",
						BigDecimal.class))
			.isEqualByComparingTo("126945");
		assertThat(db.queryForObject("select count(*) from award_line l join award_schedule s on s.id = l.schedule_id "
				+ "join organisation o on o.id = l.organisation_id where s.financial_year = 2013 "
				+ "and o.name = 'Blaby & Hinckley Community Safety Partnership' and l.status = 'NEW_FUNDING_STREAM' "
				+ "and not exists (select 1 from award_line r where r.replaces_line_id = l.id)", Integer.class))
			.isEqualTo(5);
	}

	private static String publicPage(String path) {
		try {
			return get(path).body();
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		String port = app.bean(Environment.class).getProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
