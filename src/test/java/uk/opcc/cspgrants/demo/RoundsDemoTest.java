package uk.opcc.cspgrants.demo;

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
 * The demo's grant round on the demo's date (24 October 2024, 9am), on a database of its
 * own: "Safer Communities Small Grants 2024-25" is open, taking applications until midday
 * on 15 November 2024, with its five criteria weighing 100, and the public pages show it
 * to anyone.
 */
class RoundsDemoTest {

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("rounds_demo", "--csp-grants.demo.rounds=true",
				"--csp-grants.demo.clock.start=2024-10-24T09:00:00+01:00");
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

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		String port = app.bean(Environment.class).getProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
