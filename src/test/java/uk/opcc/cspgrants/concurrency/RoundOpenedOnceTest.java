package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.cspgrants.support.OpenedRounds;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A round's steps are each taken once. On a database of its own, twenty officers open the
 * same round on the page at the same moment, twenty scripts move an open round's closing
 * time from one version, twenty close it and twenty cancel another: each time one
 * succeeds, the others get 409 naming who took the step (or that it was taken), nobody a
 * 500, and the audit trail has the step once.
 */
class RoundOpenedOnceTest {

	private static final int AT_ONCE = 20;

	private static final Instant CLOSES = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("round_opened_once", "--csp-grants.demo.commissioning=false");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aRoundOpenedOnThePageTwentyTimesAtOnceIsOpenedOnce() {
		long version = complete("OPENED-2025");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> officer.post("/rounds/OPENED-2025/open", Map.of("version", Long.toString(version))));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("OPENED-2025 was changed by Olu Officer on");
			}
		}
		assertThat(audits("OPEN", "OPENED-2025")).isEqualTo(1);
	}

	@Test
	void aClosingTimeMovedTwentyTimesAtOnceFromOneVersionMovesOnce() {
		long version = opened("LATER-2025");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer")
					.post("/api/v1/rounds/LATER-2025/closing-time", """
							{"closesAt": "%s", "reason": "More time %d", "version": %d}"""
						.formatted(CLOSES.plus(Duration.ofDays(1 + i)), i, version)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("LATER-2025 was changed by Olu Officer on");
			}
		}
		assertThat(db.queryForObject("select count(*) from round_deadline_change c join grant_round r "
				+ "on r.id = c.round_id where r.reference = 'LATER-2025'", Long.class))
			.isEqualTo(1);
		assertThat(audits("EXTEND", "LATER-2025")).isEqualTo(1);
	}

	@Test
	void aRoundClosedTwentyTimesAtOnceIsClosedOnceAndACancelledOneCancelledOnce() {
		long version = opened("CLOSED-2025");
		List<HttpResponse<String>> closing = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/rounds/CLOSED-2025/close", """
						{"reason": "The budget was withdrawn", "version": %d}""".formatted(version)));
		assertThat(statuses(closing)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		assertThat(audits("CLOSE", "CLOSED-2025")).isEqualTo(1);
		long draft = complete("CANCELLED-2025");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> cancelling = app.atOnce(AT_ONCE, i -> officer.post("/rounds/CANCELLED-2025/cancel",
				Map.of("reason", "Drafted twice", "version", Long.toString(draft))));
		assertThat(statuses(cancelling)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : cancelling) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("CANCELLED-2025 was changed by Olu Officer on",
						"CANCELLED-2025 was cancelled by Olu Officer on", ": Drafted twice");
			}
		}
		assertThat(audits("CANCEL", "CANCELLED-2025")).isEqualTo(1);
		assertThat(db.queryForObject("select status from grant_round where reference = 'CANCELLED-2025'", String.class))
			.isEqualTo("CANCELLED");
	}

	/** A complete draft, opening a day ago; returns its version. */
	private static long complete(String reference) {
		OpenedRounds.drafted(app, "2025-26", reference);
		return 1;
	}

	/** An open round; returns its version. */
	private static long opened(String reference) {
		long version = complete(reference);
		HttpResponse<String> open = app.api("officer")
			.post("/api/v1/rounds/" + reference + "/open", "{\"version\": " + version + "}");
		assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
		return version + 1;
	}

	private static long audits(String action, String reference) {
		return db.queryForObject(
				"select count(*) from audit_event where entity_type = 'GrantRound' and action = ? "
						+ "and entity_id = (select id::text from grant_round where reference = ?)",
				Long.class, action, reference);
	}

}
