package uk.opcc.cspgrants.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grant rounds opened on a live application of a test's own, through the API as an
 * officer would: the year's stream and a plan with a theme adopted for the year (made
 * once), then a round drafted, given one criterion and opened, taking applications from a
 * day ago for thirty days.
 */
public final class OpenedRounds {

	private OpenedRounds() {
	}

	/** Opens a round of {@code year} (2025-26); returns its id. */
	public static long open(LiveApplication app, String year, String reference) {
		return open(app, year, reference, "PCC_GRANT");
	}

	/**
	 * Opens a round of {@code year} on a purchasing route ({@code CSP_BUSINESS_CASE});
	 * returns its id.
	 */
	public static long open(LiveApplication app, String year, String reference, String route) {
		drafted(app, year, reference, route);
		HttpResponse<String> opened = app.api("officer").post("/api/v1/rounds/" + reference + "/open", """
				{"version": 1}""");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		return app.database().queryForObject("select id from grant_round where reference = ?", Long.class, reference);
	}

	/**
	 * Drafts a round of {@code year} complete enough to open (its stream, a theme, one
	 * criterion), at version 1, taking applications from a day ago for thirty days.
	 */
	public static void drafted(LiveApplication app, String year, String reference) {
		drafted(app, year, reference, "PCC_GRANT");
	}

	private static void drafted(LiveApplication app, String year, String reference, String route) {
		JdbcTemplate db = app.database();
		int start = Integer.parseInt(year.substring(0, 4));
		Long stream = db.query("select id from funding_stream where financial_year = ? and name = 'PCC Grant'",
				rs -> rs.next() ? rs.getLong(1) : null, start);
		if (stream == null) {
			HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/" + year + "/streams", """
					{"name": "PCC Grant", "funder": "Police and Crime Commissioner", "kind": "GRANT",
					 "amount": "100000.00"}""");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			stream = db.queryForObject("select id from funding_stream where financial_year = ? and name = 'PCC Grant'",
					Long.class, start);
			long plan = db.queryForObject(
					"insert into police_crime_plan (name, published_on) values (?, ?::date) " + "returning id",
					Long.class, "Police and Crime Plan " + year, start + "-03-31");
			db.update("insert into plan_theme (plan_id, name, kind, position) "
					+ "values (?, 'Protecting the Vulnerable', 'THEME', 1)", plan);
			db.update("insert into commissioning_year (financial_year, plan_id) values (?, ?)", start, plan);
		}
		long theme = db
			.queryForObject("select t.id from plan_theme t join commissioning_year y on y.plan_id = t.plan_id "
					+ "where y.financial_year = ? order by t.position limit 1", Long.class, start);
		Instant closes = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
		HttpResponse<String> drafted = app.api("officer")
			.post("/api/v1/rounds", """
					{"reference": "%s", "year": "%s", "title": "Small grants %s", "route": "%s",
					 "streamId": %d, "budget": "100000.00", "minAward": "500.00", "maxAward": "5000.00",
					 "opensAt": "%s", "closesAt": "%s", "guidance": "Read the plan", "eligibility": "Charities",
					 "themeIds": [%d]}""".formatted(reference, year, reference, route, stream,
					Instant.now().minus(Duration.ofDays(1)), closes, theme));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		HttpResponse<String> criteria = app.api("officer").put("/api/v1/rounds/" + reference + "/criteria", """
				{"version": 0, "criteria": [{"name": "Evidence of need", "weight": 100}]}""");
		assertThat(criteria.statusCode()).as(criteria.body()).isEqualTo(200);
	}

}
