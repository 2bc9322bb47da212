package uk.opcc.cspgrants.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * E-mail through GOV.UK Notify ({@code csp-grants.notify.api-key}, and
 * {@code csp-grants.notify.base-url} for another Notify than GOV.UK's). Each template of
 * ours is a Notify template whose id is {@code csp-grants.notify.templates.<template>},
 * or {@code csp-grants.notify.templates.default} for those without their own. Its
 * personalisation is the notice's values with {@code name} (the person's), {@code link}
 * (the full address), and {@code subject} and {@code body} as written here, so one Notify
 * template of {@code ((subject))} and {@code ((body))} can carry every message. The
 * reference is the message key.
 */
class NotifyChannel implements MailChannel {

	static final String TEMPLATES = "csp-grants.notify.templates.";

	private final NotificationClient client;

	private final Environment environment;

	private final Letter letter;

	private final String apiKey;

	NotifyChannel(NotificationClient client, Environment environment, Letter letter, String apiKey) {
		this.client = client;
		this.environment = environment;
		this.letter = letter;
		this.apiKey = apiKey;
	}

	@Override
	public void send(Outgoing message) throws SendFailure {
		String templateId = templateId(this.environment, message.template());
		if (!StringUtils.hasText(templateId)) {
			throw new SendFailure("No GOV.UK Notify template id is set for the template " + message.template() + " ("
					+ TEMPLATES + message.template() + " or " + TEMPLATES + "default)", true);
		}
		Map<String, Object> personalisation = new LinkedHashMap<>(message.values());
		personalisation.put("name", message.name());
		String url = this.letter.url(message.link());
		personalisation.put("link", (url != null) ? url : "");
		personalisation.put("subject", message.subject());
		personalisation.put("body", message.body());
		try {
			this.client.sendEmail(templateId, message.email(), personalisation, message.key());
		}
		catch (NotificationClientException ex) {
			// 400: a template, address or personalisation Notify refuses; 403: a key it
			// refuses
			boolean permanent = ex.getHttpResult() == 400 || ex.getHttpResult() == 403;
			throw new SendFailure("GOV.UK Notify: " + Reasons.of(ex, this.apiKey), permanent);
		}
		catch (RuntimeException ex) {
			throw new SendFailure("GOV.UK Notify: " + Reasons.of(ex, this.apiKey), false);
		}
	}

	/**
	 * The Notify template id set for {@code template} (in a properties file, or as an
	 * environment variable such as {@code CSP_GRANTS_NOTIFY_TEMPLATES_RETURN_DUE_SOON}),
	 * else the default one, else an empty string.
	 */
	static String templateId(Environment environment, String template) {
		return environment.getProperty(TEMPLATES + template, environment.getProperty(TEMPLATES + "default", ""))
			.strip();
	}

	@Override
	public String describe() {
		return "through GOV.UK Notify at " + this.client.getBaseUrl();
	}

}
