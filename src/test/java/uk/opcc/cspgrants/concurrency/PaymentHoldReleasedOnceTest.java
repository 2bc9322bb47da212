package uk.opcc.cspgrants.concurrency;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.monitoring.ReturnReminders;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.cspgrants.support.LiveApplication.statuses;

/**
 * A payment hold is released once. The reminder job, run on the demo's 2024-25 on a
 * database of its own, holds Rutland's payments (its first return, due Tuesday 30 July
 * 2024, is 20 working days overdue on Wednesday 28 August) and, by Wednesday 11 December,
 * every partnership's but Leicester's for their second return (due 30 October). Twenty
 * officers release one hold on the page at the same moment, and twenty scripts another
 * through the API: one succeeds, the others get 409 saying who released it, nobody a 500,
 * and the release is audited once.
 */
class PaymentHoldReleasedOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("payment_hold_once");
		db = app.database();
		ReturnReminders reminders = app.bean(ReturnReminders.class);
		reminders.remind(LocalDate.of(2024, 8, 28), FinancialYear.parse("2024-25"));
		reminders.remind(LocalDate.of(2024, 12, 11), FinancialYear.parse("2024-25"));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aHoldReleasedOnThePageTwentyTimesAtOnceIsReleasedOnce() {
		long hold = hold("RUT", "Q1");
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer
			.post("/monitoring/holds/" + hold + "/release", Map.of("reason", "Release number " + i, "version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("This hold has already been released by Olu Officer");
			}
		}
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'PaymentHold' "
				+ "and action = 'RELEASE' and entity_id = ?", Long.class, String.valueOf(hold)))
			.isEqualTo(1);
		assertThat(db.queryForObject("select released_by from payment_hold where id = ?", String.class, hold))
			.isEqualTo("Olu Officer");
	}

	@Test
	void aHoldReleasedThroughTheApiTwentyTimesAtOnceIsReleasedOnce() {
		long hold = hold("MEL", "Q2");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> app.api("officer").post("/api/v1/payment-holds/" + hold + "/release", """
						{"reason": "Script %d", "version": 0}""".formatted(i)));
		assertThat(statuses(responses)).isEqualTo(Map.of(200, 1L, 409, (long) (AT_ONCE - 1)));
		for (HttpResponse<String> response : responses) {
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("already been released");
			}
		}
		assertThat(db.queryForObject("select count(*) from payment_hold where released_at is null", Long.class))
			.as("the other partnerships' holds stay")
			.isEqualTo(7);
	}

	private static long hold(String code, String quarter) {
		return db.queryForObject("select h.id from payment_hold h join partnership p on p.id = h.partnership_id "
				+ "where p.code = ? and h.quarter = ?", Long.class, code, quarter);
	}

}
