package uk.opcc.cspgrants.notifications;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a row of the outbox as a {@link Message}, with the words of its one link as its
 * template says them ({@code <template>.link} in {@code notifications/*.properties},
 * filled from the message's values: "Open the return").
 */
@Component
class MessageRows {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");

	private final Map<String, String> linkWords = new HashMap<>();

	private final JsonMapper json;

	MessageRows(JsonMapper json) {
		this.json = json;
		try {
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:notifications/*.properties")) {
				Properties words = new Properties();
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					words.load(reader);
				}
				words.stringPropertyNames()
					.stream()
					.filter(key -> key.endsWith(".link"))
					.forEach(key -> this.linkWords.put(key.substring(0, key.length() - 5), words.getProperty(key)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The words of the messages cannot be read", ex);
		}
	}

	Message message(ResultSet rs, int row) throws SQLException {
		return new Message(rs.getLong("id"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
				linkWords(rs.getString("template"), rs.getString("personalisation")), rs.getString("channel"),
				rs.getString("status"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "read_at"));
	}

	/**
	 * The template's words for the link, filled; null when it has none or they cannot be
	 * filled.
	 */
	String linkWords(String template, String personalisation) {
		String words = this.linkWords.get(template);
		if (words == null) {
			return null;
		}
		Map<String, Object> values = (personalisation != null && !personalisation.isBlank())
				? this.json.readValue(personalisation, Map.class) : Map.of();
		Matcher placeholder = PLACEHOLDER.matcher(words);
		StringBuilder text = new StringBuilder();
		while (placeholder.find()) {
			Object value = values.get(placeholder.group(1));
			if (value == null) {
				return null;
			}
			placeholder.appendReplacement(text, Matcher.quoteReplacement(value.toString()));
		}
		placeholder.appendTail(text);
		return text.toString();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
