package uk.opcc.cspgrants.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;
import uk.opcc.cspgrants.support.IntegrationTest;

/**
 * The whole application on the shared test database, sending e-mail by SMTP to GreenMail,
 * a real SMTP server in this JVM on a port of its own (stopped and started again by tests
 * of a server that is down). Three people of the tests' own, made before each test and
 * removed after it with every message written to them: Amal and Bea have addresses at
 * {@value #DOMAIN}, Cai has none.
 */
@IntegrationTest
@Import(MovableClock.Configuration.class)
abstract class SmtpTestBase {

	static final String DOMAIN = "ncore-test.example";

	static final String AMAL = "ncore.amal";

	static final String BEA = "ncore.bea";

	static final String CAI = "ncore.cai";

	static final Map<String, String> LEICESTER_Q2 = Map.of("partnership", "Leicester", "quarter",
			"July to September 2024", "due", "30 October 2024");

	static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate db;

	@Autowired
	NotificationSender sender;

	@Autowired
	MovableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void peopleAndAnEmptyMailServer() throws Exception {
		startSmtp();
		smtp.purgeEmailFromAllMailboxes();
		this.clock.reset();
		removeTestPeople();
		person(AMAL, "Amal Tester", "amal@" + DOMAIN);
		person(BEA, "Bea Tester", "bea@" + DOMAIN);
		person(CAI, "Cai Tester", null);
	}

	@AfterEach
	void removeTestPeople() {
		this.clock.reset();
		String people = "username like 'ncore.%'";
		this.db.update("delete from notification where " + people);
		this.db.update(
				"delete from notification_preference where user_id in (select id from app_user where " + people + ")");
		this.db.update("delete from app_user where " + people);
	}

	static void startSmtp() {
		if (smtp == null) {
			smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			smtp.start();
		}
	}

	static void stopSmtp() {
		if (smtp != null) {
			smtp.stop();
			smtp = null;
		}
	}

	/** The mail GreenMail received for the tests' people, in the order it came. */
	static List<MimeMessage> mailToTestPeople() {
		startSmtp();
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().contains("@" + DOMAIN));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static String key(MimeMessage message) {
		return keyOf(message);
	}

	/** The message key the mail carries in its header. */
	static String keyOf(MimeMessage message) {
		try {
			return message.getHeader(SmtpChannel.KEY_HEADER, null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A notice of the tests' template about a piece of work of their own. */
	static Notice notice(String what, Audience audience) {
		return new Notice("ncore-test:" + what, "ncore-work:" + what, "ncore-test", LEICESTER_Q2,
				"/monitoring/returns/2024-25/Q2/LEI", audience);
	}

	/** Publishes as a module does: inside the transaction of its change. */
	void publishInATransaction(Object event) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(event));
	}

	void person(String username, String name, String email) {
		this.db.update("insert into app_user (username, display_name, password_hash, email) values (?, ?, 'x', ?)",
				username, name, email);
	}

	void prefers(String username, boolean byEmail, boolean dailyDigest) {
		this.db.update("insert into notification_preference (user_id, by_email, daily_digest, updated_at) "
				+ "select id, ?, ?, now() from app_user where username = ?", byEmail, dailyDigest, username);
	}

	Map<String, Object> row(String key, String username) {
		return this.db.queryForMap("select * from notification where message_key = ? and username = ?", key, username);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
