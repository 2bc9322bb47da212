package uk.opcc.cspgrants.notifications;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import uk.opcc.cspgrants.shared.web.WorkItem;

/**
 * The words of the daily summary, from {@code notifications/digest.properties}, which an
 * OPCC may reword: placeholders {@code ((name))} as GOV.UK Notify writes them.
 */
final class DigestText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z_]+)\\)\\)");

	private final Properties words = new Properties();

	private final String baseUrl;

	DigestText(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		try (Reader file = new InputStreamReader(
				new ClassPathResource("notifications/digest.properties").getInputStream(), StandardCharsets.UTF_8)) {
			this.words.load(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The words of the daily summary cannot be read", ex);
		}
	}

	/**
	 * The summary of some messages for one person: its subject, body and values. Each
	 * message is a line of the list: "* subject: address".
	 */
	Composed compose(String name, List<Included> messages) {
		StringBuilder list = new StringBuilder();
		for (Included message : messages) {
			if (!list.isEmpty()) {
				list.append('\n');
			}
			list.append("* ").append(message.subject());
			if (message.link() != null && !message.link().isBlank()) {
				list.append(": ").append(address(message.link()));
			}
		}
		Map<String, String> values = Map.of("name", name, "count",
				WorkItem.count(messages.size(), "new message", "new messages"), "messages", list.toString());
		return new Composed(fill("daily-digest.subject", values), fill("daily-digest.body", values), values);
	}

	/**
	 * A whole address for an e-mail: a path of this service gets the service's address.
	 */
	String address(String link) {
		return link.startsWith("/") ? this.baseUrl + link : link;
	}

	private String fill(String key, Map<String, String> values) {
		String template = this.words.getProperty(key);
		if (template == null) {
			throw new IllegalStateException("notifications/digest.properties has no " + key);
		}
		Matcher placeholder = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (placeholder.find()) {
			String value = values.get(placeholder.group(1));
			placeholder.appendReplacement(text,
					Matcher.quoteReplacement((value != null) ? value : placeholder.group()));
		}
		placeholder.appendTail(text);
		return text.toString();
	}

	/** A message the summary lists. */
	record Included(long id, String subject, String link) {
	}

	/** A summary: its subject, body and the values it was filled with. */
	record Composed(String subject, String body, Map<String, String> values) {
	}

}
