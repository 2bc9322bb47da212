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
 * The notifications pages' changes happen once: twenty requests at the same moment over
 * real HTTP on real PostgreSQL, one succeeds, the others get 409 with a message (and, on
 * the preferences page, their own choice back), none 500.
 */
class NotificationPagesOnceTest {

	private static final int AT_ONCE = 20;

	private static LiveApplication app;

	private static JdbcTemplate db;

	@BeforeAll
	static void start() {
		app = LiveApplication.start("notification_pages_once");
		db = app.database();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aPersonsChoiceSavedFromTheSameVersionIsSavedOnceAndTheOthersKeepTheirChoice() {
		LiveApplication.Browser officer = app.signIn("officer");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE, i -> officer.post("/notifications/settings", Map
			.of("byEmail", String.valueOf(i % 2 == 0), "dailyDigest", String.valueOf(i % 2 == 1), "version", "-1")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		for (int i = 0; i < AT_ONCE; i++) {
			HttpResponse<String> response = responses.get(i);
			if (response.statusCode() == 409) {
				assertThat(response.body()).contains("were changed in another window or by someone else")
					.containsPattern((i % 2 == 0) ? "id=\"byEmail\" name=\"byEmail\" value=\"true\" checked"
							: "id=\"byEmail-app\" name=\"byEmail\" value=\"false\" checked");
			}
		}
		assertThat(db.queryForObject("select version from notification_preference where user_id = "
				+ "(select id from app_user where username = 'officer')", Long.class))
			.isZero();
	}

	@Test
	void aFailedMessageIsSentAgainOnce() {
		long id = db.queryForObject("insert into notification (message_key, template, username, recipient_name, email, "
				+ "channel, subject, body, status, attempts, next_attempt_at, last_error, created_at) values "
				+ "('return-overdue:2024-25:Q2:CHA', 'return-overdue', 'officer', 'Olu Officer', "
				+ "'olu.officer@example.org', 'EMAIL', 'The Q2 return of Charnwood is overdue', 'Dear Olu Officer,', "
				+ "'FAILED', 5, now(), 'Connection refused', now()) returning id", Long.class);
		LiveApplication.Browser admin = app.signIn("admin");
		List<HttpResponse<String>> responses = app.atOnce(AT_ONCE,
				i -> admin.post("/admin/notifications/" + id + "/send-again", Map.of("version", "0")));
		assertThat(statuses(responses)).isEqualTo(Map.of(302, 1L, 409, (long) (AT_ONCE - 1)));
		responses.stream()
			.filter(response -> response.statusCode() == 409)
			.forEach(response -> assertThat(response.body()).contains("This message is no longer failed"));
		assertThat(db.queryForMap("select status, attempts, version from notification where id = ?", id))
			.containsEntry("status", "WAITING")
			.containsEntry("attempts", 0)
			.containsEntry("version", 1L);
		assertThat(db.queryForObject("select count(*) from audit_event where entity_type = 'Notification' "
				+ "and entity_id = ? and action = 'SEND_AGAIN'", Integer.class, String.valueOf(id)))
			.isEqualTo(1);
	}

}
