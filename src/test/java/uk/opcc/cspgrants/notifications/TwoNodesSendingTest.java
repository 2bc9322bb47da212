package uk.opcc.cspgrants.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, as in production: this test's application and a second one
 * started beside it on the same PostgreSQL and the same SMTP server, whose schedule sends
 * every 50 ms (under ShedLock) while threads on both nodes send at the same time. Each of
 * forty messages is sent exactly once.
 */
class TwoNodesSendingTest extends SmtpTestBase {

	private static final int MESSAGES = 40;

	@Test
	void twoNodesSendingAtOnceSendEachMessageOnce() throws Exception {
		try (ConfigurableApplicationContext second = secondNode()) {
			new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
				for (int i = 0; i < MESSAGES / 2; i++) {
					this.events.publishEvent(notice("nodes-" + i, Audience.users(AMAL, BEA)));
				}
			});
			List<NotificationSender> senders = List.of(this.sender, this.sender,
					second.getBean(NotificationSender.class), second.getBean(NotificationSender.class));
			ExecutorService threads = Executors.newFixedThreadPool(senders.size());
			try {
				CyclicBarrier together = new CyclicBarrier(senders.size());
				List<Future<Integer>> sent = new ArrayList<>();
				for (NotificationSender each : senders) {
					sent.add(threads.submit(() -> {
						together.await();
						return each.sendDue();
					}));
				}
				for (Future<Integer> each : sent) {
					each.get();
				}
			}
			finally {
				threads.shutdown();
			}
			waitUntilNoneWaits(Duration.ofSeconds(30));
			Thread.sleep(500);
			assertThat(this.db.queryForObject("select count(*) from shedlock where name = 'notifications-sender'",
					Integer.class))
				.as("the second node's schedule ran under its lock")
				.isEqualTo(1);
		}
		List<String> sentOnce = new ArrayList<>();
		for (MimeMessage mail : mailToTestPeople()) {
			sentOnce.add(keyOf(mail) + " to " + SendingByMailTest.addressOf(mail));
		}
		assertThat(sentOnce).hasSize(MESSAGES).doesNotHaveDuplicates();
		assertThat(
				this.db.queryForObject("select count(*) from notification where message_key like 'ncore-test:nodes-%' "
						+ "and status = 'SENT' and attempts = 1", Integer.class))
			.isEqualTo(MESSAGES);
	}

	/**
	 * The second node: the whole application on the shared test database, sending by
	 * schedule.
	 */
	private static ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(CspGrantsApplication.class)
			.properties(TestPostgres.applicationProperties(TestPostgres.sharedDatabase(), "SERVER_PORT=0"))
			.run("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
					"--csp-grants.notifications.scheduled=true", "--csp-grants.notifications.send-every=50ms");
	}

	private void waitUntilNoneWaits(Duration atMost) throws InterruptedException {
		long until = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < until && this.db.queryForObject(
				"select count(*) from notification where username like 'ncore.%' and status = 'WAITING'",
				Integer.class) > 0) {
			Thread.sleep(100);
		}
	}

}
