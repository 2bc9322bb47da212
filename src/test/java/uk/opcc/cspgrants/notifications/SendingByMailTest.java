package uk.opcc.cspgrants.notifications;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.shared.notice.NoticeSettled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notices become messages in the outbox and leave by SMTP once: published twice, sent
 * once; sent from two threads at once, each once; settled first, never sent; to each
 * person as they asked (by e-mail, in the application only, or in a daily digest, which
 * this sender leaves to the digest).
 */
class SendingByMailTest extends SmtpTestBase {

	@Test
	void aNoticePublishedTwiceIsWrittenOnceForEachPersonAndSentOnce() throws Exception {
		Notice notice = notice("twice", Audience.users(AMAL, BEA));
		publishInATransaction(notice);
		publishInATransaction(notice);

		assertThat(this.db.queryForObject("select count(*) from notification where message_key = 'ncore-test:twice'",
				Integer.class))
			.isEqualTo(2);
		this.sender.sendDue();
		this.sender.sendDue();

		List<MimeMessage> mail = mailToTestPeople();
		assertThat(mail).hasSize(2);
		MimeMessage toAmal = mail.stream()
			.filter(message -> addressOf(message).equals("amal@" + DOMAIN))
			.findFirst()
			.orElseThrow();
		assertThat(toAmal.getSubject()).isEqualTo("Return for Leicester due on 30 October 2024");
		assertThat(key(toAmal)).isEqualTo("ncore-test:twice");
		assertThat(((InternetAddress) toAmal.getFrom()[0]).getPersonal())
			.isEqualTo("Office of the Police and Crime Commissioner");
		assertThat(toAmal.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(((String) toAmal.getContent()).replace("\r\n", "\n").strip()).isEqualTo("""
				Dear Amal Tester,

				The return for July to September 2024 is due on 30 October 2024.

				It takes about 10 minutes. Nothing’s changed since last time.

				Open the return: http://localhost:8080/monitoring/returns/2024-25/Q2/LEI

				Thank you,
				Office of the Police and Crime Commissioner""");
		Map<String, Object> row = row("ncore-test:twice", AMAL);
		assertThat(row).containsEntry("status", "SENT")
			.containsEntry("channel", "EMAIL")
			.containsEntry("attempts", 1)
			.containsEntry("email", "amal@" + DOMAIN)
			.containsEntry("recipient_name", "Amal Tester")
			.containsEntry("about", "ncore-work:twice")
			.containsEntry("link", "/monitoring/returns/2024-25/Q2/LEI");
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(this.db.queryForObject("select personalisation ->> 'quarter' from notification where "
				+ "message_key = 'ncore-test:twice' and username = ?", String.class, BEA))
			.isEqualTo("July to September 2024");
	}

	@Test
	void eachPersonIsToldAsTheyAskedAndNoAddressMeansInTheApplication() {
		prefers(BEA, false, false);
		this.clock.moveOn(java.time.Duration.ofDays(3));
		publishInATransaction(notice("choices", Audience.users(AMAL, BEA, CAI)));

		assertThat(row("ncore-test:choices", AMAL)).containsEntry("channel", "EMAIL")
			.containsEntry("status", "WAITING")
			.containsEntry("digest", false);
		assertThat(row("ncore-test:choices", BEA)).containsEntry("channel", "APP").containsEntry("status", "KEPT");
		assertThat(row("ncore-test:choices", CAI)).containsEntry("channel", "APP")
			.containsEntry("status", "KEPT")
			.containsEntry("email", null);
		OffsetDateTime written = this.db.queryForObject(
				"select created_at from notification where message_key = 'ncore-test:choices' and username = ?",
				OffsetDateTime.class, AMAL);
		assertThat(written).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC).plusDays(3),
				org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		this.sender.sendDue();
		assertThat(mailToTestPeople()).extracting(SendingByMailTest::addressOf).containsExactly("amal@" + DOMAIN);
		assertThat(row("ncore-test:choices", BEA)).containsEntry("status", "KEPT");
	}

	@Test
	void aMessageForTheDailyDigestIsLeftForTheDigest() {
		prefers(AMAL, true, true);
		publishInATransaction(notice("digest", Audience.users(AMAL)));
		assertThat(row("ncore-test:digest", AMAL)).containsEntry("channel", "EMAIL")
			.containsEntry("status", "WAITING")
			.containsEntry("digest", true);
		this.sender.sendDue();
		assertThat(mailToTestPeople()).isEmpty();
		assertThat(row("ncore-test:digest", AMAL)).containsEntry("status", "WAITING").containsEntry("attempts", 0);
	}

	@Test
	void workSettledBeforeItsMessageLeftIsNeverSent() {
		publishInATransaction(notice("settled", Audience.users(AMAL, CAI)));
		publishInATransaction(notice("other", Audience.users(AMAL)));
		publishInATransaction(new NoticeSettled("ncore-work:settled", "The return arrived"));

		this.sender.sendDue();

		assertThat(mailToTestPeople()).hasSize(1)
			.allSatisfy(mail -> assertThat(key(mail)).isEqualTo("ncore-test:other"));
		assertThat(row("ncore-test:settled", AMAL)).containsEntry("status", "CANCELLED")
			.containsEntry("cancelled_reason", "The return arrived")
			.containsEntry("sent_at", null);
		assertThat(row("ncore-test:settled", CAI)).containsEntry("status", "KEPT");
	}

	@Test
	void sendingFromTwoThreadsAtOnceSendsEachMessageOnce() throws Exception {
		for (int i = 0; i < 15; i++) {
			publishInATransaction(notice("many-" + i, Audience.users(AMAL, BEA)));
		}
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				sent.add(threads.submit(() -> {
					together.await();
					return this.sender.sendDue();
				}));
			}
			int total = 0;
			for (Future<Integer> each : sent) {
				total += each.get();
			}
			assertThat(total).isGreaterThanOrEqualTo(30);
		}
		finally {
			threads.shutdown();
		}
		List<String> sentOnce = new ArrayList<>();
		for (MimeMessage mail : mailToTestPeople()) {
			sentOnce.add(key(mail) + " to " + addressOf(mail));
		}
		assertThat(sentOnce).hasSize(30).doesNotHaveDuplicates();
		assertThat(
				this.db.queryForObject("select count(*) from notification where message_key like 'ncore-test:many-%' "
						+ "and status = 'SENT' and attempts = 1", Integer.class))
			.isEqualTo(30);
	}

	@Test
	void withoutATransactionTheNoticeIsWrittenInOneOfItsOwn() {
		this.events.publishEvent(notice("alone", Audience.users(AMAL)));
		assertThat(row("ncore-test:alone", AMAL)).containsEntry("status", "WAITING");
	}

	@Test
	void aNoticeWithoutItsTemplateOrValuesIsRefusedWithTheChangeThatPublishedIt() {
		Notice noTemplate = new Notice("ncore-test:none", null, "ncore-missing", LEICESTER_Q2, null,
				Audience.users(AMAL));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			this.db.update("update app_user set display_name = 'Amal Changed' where username = ?", AMAL);
			this.events.publishEvent(noTemplate);
		})).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("There is no notification template 'ncore-missing'");
		assertThat(this.db.queryForObject("select display_name from app_user where username = ?", String.class, AMAL))
			.isEqualTo("Amal Tester");
		Notice unfilled = new Notice("ncore-test:unfilled", null, "ncore-unfilled", Map.of("partnership", "Leicester"),
				null, Audience.users(AMAL));
		assertThatThrownBy(() -> publishInATransaction(unfilled)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("((quarter)), ((due)), ((signer))");
		assertThat(this.db.queryForObject("select count(*) from notification where username = ?", Integer.class, AMAL))
			.isZero();
	}

	static String addressOf(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
