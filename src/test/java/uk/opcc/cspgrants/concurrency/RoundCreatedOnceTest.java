package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A grant round is drafted once under a reference, and a draft is changed once from one
 * version. On a database of its own, twenty officers draft the same round on the page at
 * the same moment, twenty scripts draft another under one reference in two cases, twenty
 * change a draft's details from one version and twenty set its criteria from one version:
 * each time one succeeds, the others get 409 naming the reference or who changed the
 * round, nobody a 500, and the audit trail has the change once.
 */
class RoundCreatedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	private static long stream;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("round_created_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
		HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/2013-14/streams", """
				{"name": "PCC Grant", "funder": "Police and Crime Commissioner", "kind": "GRANT",
				 "amount": "100000.00"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		stream = db.queryForObject("select id from funding_stream where financial_year = 2013 and name = 'PCC Grant'",
				Long.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aRoundDraftedOnThePageTwentyTimesAtOnceIsDraftedOnce() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer.post("/rounds", page("PCCG-2013-14")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("There is already a grant round PCCG-2013-14",
						"value=\"PCC Grant 2013-14\"");
			}
		}
		assertThat(rounds("PCCG-2013-14")).isEqualTo(1);
		assertThat(audits("CREATE", "PCCG-2013-14")).isEqualTo(1);
	}

	@Test
	void aRoundDraftedThroughTheApiTwentyTimesAtOnceInTwoCasesIsDraftedOnce() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/rounds", json((i % 2 == 0) ? "INNOV-2013" : "innov-2013", null)));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).containsIgnoringCase("There is already a grant round innov-2013");
			}
		}
		assertThat(rounds("INNOV-2013")).isEqualTo(1);
		assertThat(audits("CREATE", "INNOV-2013")).isEqualTo(1);
	}

	@Test
	void aDraftChangedTwentyTimesAtOnceFromOneVersionIsChangedOnce() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/rounds", json("CHANGED-2013", null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/rounds/CHANGED-2013", json("CHANGED-2013", 0L)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("CHANGED-2013 was changed by Olu Officer on");
			}
		}
		assertThat(audits("UPDATE", "CHANGED-2013")).isEqualTo(1);
	}

	@Test
	void criteriaSetTwentyTimesAtOnceOnThePageFromOneVersionAreSetOnce() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/rounds", json("CRITERIA-2013", null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/rounds/CRITERIA-2013/criteria",
						Map.of("name-1", "Evidence of need " + i, "weight-1", "50", "name-2", "Outcomes", "weight-2",
								"30", "name-3", "Value for money", "weight-3", "20", "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("CRITERIA-2013 was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from round_criterion c join grant_round r on r.id = c.round_id "
				+ "where r.reference = 'CRITERIA-2013'", Long.class))
			.isEqualTo(3);
		assertThat(audits("SET_CRITERIA", "CRITERIA-2013")).isEqualTo(1);
	}

	@Test
	void aScaleSetTwentyTimesAtOnceThroughTheApiFromOneVersionIsSetOnce() {
		HttpResponse<String> created = app.api("officer").post("/api/v1/rounds", json("SCALE-2013", null));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").put("/api/v1/rounds/SCALE-2013/scale", """
						{"max": 3, "descriptions": {"0": "No evidence", "1": "Weak", "2": "Good", "3": "Strong"},
						 "version": 0}"""));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("SCALE-2013 was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from round_scale_point p join grant_round r on r.id = p.round_id "
				+ "where r.reference = 'SCALE-2013'", Long.class))
			.isEqualTo(4);
		assertThat(audits("SET_SCALE", "SCALE-2013")).isEqualTo(1);
	}

	private static Map<String, String> page(String reference) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("year", "2013-14");
		fields.put("reference", reference);
		fields.put("title", "PCC Grant 2013-14");
		fields.put("route", "PCC_GRANT");
		fields.put("streamId", Long.toString(stream));
		fields.put("budget", "£100,000");
		fields.put("minAward", "1,000");
		fields.put("maxAward", "10,000");
		fields.put("opens.day", "1");
		fields.put("opens.month", "7");
		fields.put("opens.year", "2013");
		fields.put("opensTime", "9am");
		fields.put("closes.day", "31");
		fields.put("closes.month", "7");
		fields.put("closes.year", "2013");
		fields.put("closesTime", "5pm");
		fields.put("minReviewers", "2");
		fields.put("moderationGap", "20");
		return fields;
	}

	private static String json(String reference, Long version) {
		return """
				{"reference": "%s", "year": "2013-14", "title": "Innovation Fund 2013-14", "route": "INNOVATION_FUND",
				 "streamId": %d, "budget": "50000.00", "minAward": "500.00", "maxAward": "5000.00",
				 "opensAt": "2013-07-01T08:00:00Z", "closesAt": "2013-07-31T16:00:00Z", "version": %s}"""
			.formatted(reference, stream, version);
	}

	private static long rounds(String reference) {
		return db.queryForObject("select count(*) from grant_round where lower(reference) = lower(?)", Long.class,
				reference);
	}

	private static long audits(String action, String reference) {
		return db.queryForObject(
				"select count(*) from audit_event where entity_type = 'GrantRound' and action = ? "
						+ "and entity_id = (select id::text from grant_round where lower(reference) = lower(?))",
				Long.class, action, reference);
	}

}
