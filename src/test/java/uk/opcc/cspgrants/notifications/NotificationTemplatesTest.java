package uk.opcc.cspgrants.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The words of messages: every template shipped (and the tests' own) has a subject and a
 * body, placeholders are filled as GOV.UK Notify fills them, and what cannot be written
 * is said plainly. The e-mail around them reads as GOV.UK Notify's do.
 */
class NotificationTemplatesTest {

	private static final Map<String, String> LEICESTER_Q2 = Map.of("partnership", "Leicester", "quarter",
			"July to September 2024", "due", "30 October 2024");

	private final NotificationTemplates templates = new NotificationTemplates();

	@Test
	void everyTemplateHasASubjectAndABody() {
		assertThat(this.templates.faults()).isEmpty();
		assertThat(this.templates.names()).contains("ncore-test", "ncore-plain");
	}

	@Test
	void placeholdersAreFilledFromTheNoticesValues() {
		NotificationTemplates.Words words = this.templates.render("ncore-test", LEICESTER_Q2);
		assertThat(words.subject()).isEqualTo("Return for Leicester due on 30 October 2024");
		assertThat(words.body()).isEqualTo("The return for July to September 2024 is due on 30 October 2024.\n\n"
				+ "It takes about 10 minutes. Nothing’s changed since last time.");
		assertThat(words.link()).isEqualTo("Open the return");
		assertThat(this.templates.render("ncore-plain", LEICESTER_Q2).link()).isNull();
	}

	@Test
	void aValueIsWrittenAsGivenAndNeverFilledAgain() {
		NotificationTemplates.Words words = this.templates.render("ncore-test",
				Map.of("partnership", "((due)) & $1 \\ Co", "quarter", "Q2", "due", "today"));
		assertThat(words.subject()).isEqualTo("Return for ((due)) & $1 \\ Co due on today");
	}

	@Test
	void aMissingTemplateIsAClearError() {
		assertThatThrownBy(() -> this.templates.render("no-such-template", LEICESTER_Q2))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("There is no notification template 'no-such-template': add no-such-template.subject and "
					+ "no-such-template.body to a file in notifications/*.properties");
	}

	@Test
	void anUnfilledPlaceholderIsAClearErrorNamingEachOne() {
		assertThatThrownBy(() -> this.templates.render("ncore-unfilled", Map.of("partnership", "Leicester")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("The notification template 'ncore-unfilled' needs a value for ((quarter)), ((due)), "
					+ "((signer)), which the notice does not give");
	}

	@Test
	void aTemplateWrittenInTwoFilesStopsTheApplicationFromStarting() {
		assertThatThrownBy(() -> new NotificationTemplates(new PathMatchingResourcePatternResolver(),
				"classpath*:notifications-twice/*.properties"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("is written twice")
			.hasMessageContaining("The notification text twice.")
			.hasMessageContaining("one.properties")
			.hasMessageContaining("two.properties");
	}

	@Test
	void theEmailGreetsThePersonAndEndsWithTheOneLinkAndTheOffice() {
		Letter letter = new Letter(properties("https://grants.opcc.example/"));
		Outgoing message = new Outgoing(1, "ncore-test:1", "ncore-test", "Amal Tester", "amal@ncore-test.example",
				"Return for Leicester due on 30 October 2024", "The return for July to September 2024 is due.",
				"/monitoring/returns/2024-25/Q2/LEI", "Open the return", LEICESTER_Q2);
		assertThat(letter.text(message)).isEqualTo("""
				Dear Amal Tester,

				The return for July to September 2024 is due.

				Open the return: https://grants.opcc.example/monitoring/returns/2024-25/Q2/LEI

				Thank you,
				Office of the Police and Crime Commissioner
				""");
		Outgoing noWords = new Outgoing(1, "k", "t", "Bea", "b@x.example", "s", "Body.", "/payments", null, Map.of());
		assertThat(letter.text(noWords)).contains("Body.\n\nhttps://grants.opcc.example/payments\n\n");
		Outgoing noLink = new Outgoing(1, "k", "t", "Bea", "b@x.example", "s", "Body.", null, "Open", Map.of());
		assertThat(letter.text(noLink))
			.isEqualTo("Dear Bea,\n\nBody.\n\nThank you,\n" + "Office of the Police and Crime Commissioner\n");
	}

	@Test
	void aFailureIsKeptAsOneShortLineWithoutClassPathsOrSecrets() {
		Exception failure = new IllegalStateException("Mail server connection failed. Failed messages: "
				+ "org.eclipse.angus.mail.util.MailConnectException: Couldn't connect; password s3cret-pw\n\tat x.Y",
				new java.net.ConnectException("Connection refused"));
		assertThat(Reasons.of(failure, "s3cret-pw", null)).isEqualTo("Mail server connection failed. Failed "
				+ "messages: MailConnectException: Couldn't connect; password **** (Connection refused)");
		assertThat(Reasons.shorten("x".repeat(400))).hasSize(Reasons.MAX_LENGTH).endsWith("…");
	}

	@Test
	void failedAttemptsWaitLongerEachTimeAndTheSixthIsTheLast() {
		NotificationProperties properties = properties("http://localhost:8080");
		assertThat(List.of(1, 2, 3, 4, 5).stream().map(properties::waitAfter)).containsExactly(Duration.ofMinutes(1),
				Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(240));
		assertThat(properties.waitAfter(6)).isNull();
	}

	/** The properties as the application binds them, defaults and all. */
	private static NotificationProperties properties(String baseUrl) {
		return new Binder(new MapConfigurationPropertySource(Map.of("csp-grants.notifications.base-url", baseUrl)))
			.bindOrCreate("csp-grants.notifications", NotificationProperties.class);
	}

}
