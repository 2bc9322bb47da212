package uk.opcc.cspgrants.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.notice.Audience;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server down: nothing is lost. Each message waits with its attempt and a short
 * reason kept, is tried again after its back-off, and once the server is back each is
 * sent exactly once; a message that never gets through is failed after its sixth attempt,
 * for an administrator to see.
 */
class MailServerDownTest extends SmtpTestBase {

	@AfterEach
	void serverBack() {
		startSmtp();
	}

	@Test
	void messagesWaitWhileTheServerIsDownAndAreSentOnceWhenItIsBack() throws Exception {
		stopSmtp();
		for (String what : List.of("down-1", "down-2", "down-3")) {
			publishInATransaction(notice(what, Audience.users(AMAL)));
		}

		assertThat(this.sender.sendDue()).isZero();

		for (String what : List.of("down-1", "down-2", "down-3")) {
			Map<String, Object> row = row("ncore-test:" + what, AMAL);
			assertThat(row).containsEntry("status", "WAITING")
				.containsEntry("attempts", 1)
				.containsEntry("sent_at", null);
			String error = (String) row.get("last_error");
			assertThat(error).contains("Connection refused").doesNotContain("\n", "\tat ").hasSizeLessThan(301);
			assertThat(minutesBetween(row.get("created_at"), row.get("next_attempt_at"))).isEqualTo(1);
		}
		startSmtp();
		assertThat(this.sender.sendDue()).as("not due again for a minute").isZero();
		assertThat(mailToTestPeople()).isEmpty();

		this.clock.moveOn(Duration.ofSeconds(61));
		this.sender.sendDue();
		this.sender.sendDue();

		List<MimeMessage> mail = mailToTestPeople();
		assertThat(mail).hasSize(3);
		assertThat(mail.stream().map(SmtpTestBase::keyOf)).containsExactlyInAnyOrder("ncore-test:down-1",
				"ncore-test:down-2", "ncore-test:down-3");
		assertThat(row("ncore-test:down-2", AMAL)).containsEntry("status", "SENT")
			.containsEntry("attempts", 2)
			.containsEntry("last_error", null);
	}

	@Test
	void aMessageThatNeverGetsThroughIsFailedAfterItsSixthAttempt() {
		stopSmtp();
		publishInATransaction(notice("never", Audience.users(BEA)));
		List<Long> waits = new java.util.ArrayList<>();
		for (int attempt = 1; attempt <= 6; attempt++) {
			this.sender.sendDue();
			Map<String, Object> row = row("ncore-test:never", BEA);
			assertThat(row).containsEntry("attempts", attempt);
			if (attempt < 6) {
				assertThat(row).containsEntry("status", "WAITING");
				waits.add(minutesBetween(this.clock.instant().atOffset(java.time.ZoneOffset.UTC),
						row.get("next_attempt_at")));
				this.clock.moveOn(Duration.ofHours(5));
			}
			else {
				assertThat(row).containsEntry("status", "FAILED");
				assertThat((String) row.get("last_error")).contains("Connection refused");
			}
		}
		assertThat(waits).containsExactly(1L, 5L, 15L, 60L, 240L);
		startSmtp();
		this.clock.moveOn(Duration.ofDays(1));
		this.sender.sendDue();
		assertThat(mailToTestPeople()).isEmpty();
	}

	private static long minutesBetween(Object from, Object to) {
		return Math.round(Duration.between(instant(from), instant(to)).toSeconds() / 60.0);
	}

	private static java.time.Instant instant(Object time) {
		return (time instanceof java.sql.Timestamp timestamp) ? timestamp.toInstant()
				: ((OffsetDateTime) time).toInstant();
	}

}
