package uk.opcc.cspgrants.notifications;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.gov.service.notify.NotificationClient;
import uk.opcc.cspgrants.shared.notice.EmailDelivery;

/**
 * The one way e-mail is sent, chosen at start: GOV.UK Notify when
 * {@code csp-grants.notify.api-key} is set, else SMTP when {@code spring.mail.host} is
 * set, else none, and messages are kept in the application (never an error). The start-up
 * log says which.
 */
@Component
class MailChannels implements EmailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailChannels.class);

	private final MailChannel channel;

	MailChannels(Environment environment, ObjectProvider<JavaMailSender> mail, Letter letter) {
		this.channel = choose(environment, mail, letter);
		if (this.channel == null) {
			log.info("Notifications are kept in the application and not e-mailed: neither spring.mail.host "
					+ "(SMTP) nor csp-grants.notify.api-key (GOV.UK Notify) is set");
		}
		else {
			log.info("Notifications are e-mailed {}", this.channel.describe());
		}
	}

	/** The way e-mail is sent, or empty when none is set up. */
	Optional<MailChannel> channel() {
		return Optional.ofNullable(this.channel);
	}

	boolean mailSetUp() {
		return this.channel != null;
	}

	@Override
	public boolean emailsAreSent() {
		return mailSetUp();
	}

	private static MailChannel choose(Environment environment, ObjectProvider<JavaMailSender> mail, Letter letter) {
		String apiKey = environment.getProperty("csp-grants.notify.api-key", "").strip();
		if (!apiKey.isEmpty()) {
			String baseUrl = environment.getProperty("csp-grants.notify.base-url", "").strip();
			NotificationClient client = baseUrl.isEmpty() ? new NotificationClient(apiKey)
					: new NotificationClient(apiKey, baseUrl);
			return new NotifyChannel(client, environment, letter, apiKey);
		}
		String host = environment.getProperty("spring.mail.host", "").strip();
		JavaMailSender sender = mail.getIfAvailable();
		if (StringUtils.hasText(host) && sender != null) {
			String where = host + ":" + environment.getProperty("spring.mail.port", "25");
			return new SmtpChannel(sender, letter, where, environment.getProperty("spring.mail.password"));
		}
		return null;
	}

}
