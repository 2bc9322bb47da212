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
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A funding stream is entered, changed and drawn on once. On a database of its own,
 * twenty officers reduce one stream on the page from the same version at the same moment,
 * twenty scripts top another up, twenty link the demo's approved 2024-25 formula run
 * (£97,905.00) to two streams, and twenty enter a stream of the same name: each time one
 * succeeds, the others get 409 saying who or what got there first, nobody a 500, and the
 * audit trail has the change once.
 */
class FundingStreamChangedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("funding_stream_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aStreamReducedOnThePageTwentyTimesAtOnceIsReducedOnce() {
		long stream = stream("Reduced on the page", "200000.00");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/commissioning/2024-25/streams/" + stream + "/change", Map.of("direction", "REDUCE",
						"amount", "1,000.00", "reason", "In-year reduction " + i, "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Reduced on the page was changed by Olu Officer on",
						"it is now £199,000.00");
			}
		}
		assertThat(db.queryForObject("select amount::text from funding_stream where id = ?", String.class, stream))
			.isEqualTo("199000.00");
		assertThat(
				db.queryForObject("select count(*) from funding_stream_change where stream_id = ?", Long.class, stream))
			.isEqualTo(1);
		assertThat(audits("REDUCE", stream)).isEqualTo(1);
	}

	@Test
	void aStreamToppedUpThroughTheApiTwentyTimesAtOnceIsToppedUpOnce() {
		long stream = stream("Topped up by scripts", "1305029.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> app.api("finance")
			.post("/api/v1/commissioning/2024-25/streams/" + stream + "/changes", """
					{"direction": "TOP_UP", "amount": "0.01", "reason": "Script %d", "version": 0}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("was changed by", "top up by £0.01");
			}
		}
		assertThat(db.queryForObject("select amount::text from funding_stream where id = ?", String.class, stream))
			.isEqualTo("1305029.01");
		assertThat(audits("TOP_UP", stream)).isEqualTo(1);
	}

	@Test
	void aFormulaRunLinkedTwentyTimesAtOnceToTwoStreamsDrawsOnOneOnce() {
		long run = db.queryForObject(
				"select id from formula_run where financial_year = 2024 and status = 'APPROVED' and pot = 97905.00",
				Long.class);
		long first = stream("Pot stream one", "100000.00");
		long second = stream("Pot stream two", "100000.00");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.post("/api/v1/commissioning/2024-25/streams/" + (i % 2 == 0 ? first : second) + "/runs",
							"{\"runId\": " + run + "}"));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("Formula run " + run + "'s pot already draws on Pot stream",
						"linked by Olu Officer");
			}
		}
		assertThat(db.queryForObject("select count(*) from formula_run_stream where run_id = ?", Long.class, run))
			.isEqualTo(1);
		assertThat(db.queryForObject(
				"select count(*) from audit_event where entity_type = 'FundingStream' and action = 'LINK_RUN'",
				Long.class))
			.isEqualTo(1);
		HttpResponse<String> page = app.api("commissioner").get("/api/v1/commissioning/2024-25/streams");
		assertThat(page.body()).contains("\"formulaPots\":\"97905.00\"");
	}

	@Test
	void aStreamEnteredTwentyTimesAtOnceUnderOneNameIsEnteredOnce() {
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/commissioning/2025-26/streams", """
						{"name": "PCC Community Safety Grant", "funder": "Home Office", "kind": "GRANT",
						 "amount": "1649000.00"}"""));
		assertThat(statuses(responses)).isEqualTo(Map.of(201, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body())
					.contains("2025-26 already has a funding stream called PCC Community Safety Grant");
			}
		}
		assertThat(db.queryForObject("select count(*) from funding_stream where financial_year = 2025", Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'FundingStream' "
				+ "and action = 'CREATE' and after_json ->> 'year' = '2025-26'", Long.class))
			.isEqualTo(1);
	}

	private static long stream(String name, String amount) {
		HttpResponse<String> created = app.api("officer").post("/api/v1/commissioning/2024-25/streams", """
				{"name": "%s", "funder": "Home Office", "kind": "GRANT", "amount": "%s"}""".formatted(name, amount));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return db.queryForObject("select id from funding_stream where financial_year = 2024 and name = ?", Long.class,
				name);
	}

	private static long audits(String action, long stream) {
		return db.queryForObject("select count(*) from audit_event where entity_type = 'FundingStream' "
				+ "and action = ? and entity_id = ?", Long.class, action, String.valueOf(stream));
	}

}
