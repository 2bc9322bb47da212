package uk.opcc.cspgrants.notifications;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words of every message, from {@code notifications/*.properties} on the class path
 * (UTF-8, so an OPCC can reword them): {@code <template>.subject} and
 * {@code <template>.body}, and optionally {@code <template>.link}, the words before the
 * message's one link ("Open the return"). Placeholders are written {@code ((name))}, as
 * in GOV.UK Notify, and filled from a notice's values. A template named twice, a missing
 * template and a placeholder left unfilled are errors, said plainly, when the message is
 * written.
 */
@Component
class NotificationTemplates {

	static final String LOCATION = "classpath*:notifications/*.properties";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");

	private static final Set<String> PARTS = Set.of("subject", "body", "link");

	/** Each key ({@code return-due-soon.subject}) with its text. */
	private final Map<String, String> texts;

	NotificationTemplates() {
		this(new PathMatchingResourcePatternResolver(), LOCATION);
	}

	NotificationTemplates(ResourcePatternResolver resolver, String location) {
		this.texts = load(resolver, location);
	}

	/**
	 * The subject, body and link words of {@code template} with its placeholders filled.
	 */
	Words render(String template, Map<String, String> values) {
		String subject = this.texts.get(template + ".subject");
		String body = this.texts.get(template + ".body");
		if (subject == null || body == null) {
			throw new IllegalStateException("There is no notification template '" + template + "': add " + template
					+ ".subject and " + template + ".body to a file in notifications/*.properties");
		}
		Set<String> missing = new LinkedHashSet<>();
		Words words = new Words(fill(subject, values, missing), fill(body, values, missing),
				fill(this.texts.get(template + ".link"), values, missing));
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The notification template '" + template + "' needs a value for (("
					+ String.join(")), ((", missing) + ")), which the notice does not give");
		}
		return words;
	}

	/**
	 * The words before the link of {@code template}, filled from {@code values}; null
	 * when it has none or they cannot be filled (the link is then shown on its own).
	 */
	String linkWords(String template, Map<String, String> values) {
		Set<String> missing = new LinkedHashSet<>();
		String words = fill(this.texts.get(template + ".link"), values, missing);
		return missing.isEmpty() ? words : null;
	}

	/**
	 * What is wrong with the templates as written: a template with a subject and no body
	 * or a body and no subject, or a key that is no part of a template. Empty when all is
	 * well.
	 */
	List<String> faults() {
		List<String> faults = new ArrayList<>();
		Set<String> templates = new LinkedHashSet<>();
		for (String key : this.texts.keySet()) {
			int dot = key.lastIndexOf('.');
			if (dot <= 0 || !PARTS.contains(key.substring(dot + 1))) {
				faults.add(key + " is not a template's subject, body or link");
			}
			else {
				templates.add(key.substring(0, dot));
			}
		}
		for (String template : templates) {
			for (String part : List.of("subject", "body")) {
				String text = this.texts.get(template + "." + part);
				if (text == null || text.isBlank()) {
					faults.add(template + " has no " + part);
				}
			}
		}
		return faults;
	}

	/** The names of the templates, in order. */
	Set<String> names() {
		Set<String> names = new java.util.TreeSet<>();
		for (String key : this.texts.keySet()) {
			if (key.endsWith(".subject") || key.endsWith(".body")) {
				names.add(key.substring(0, key.lastIndexOf('.')));
			}
		}
		return names;
	}

	private static String fill(String text, Map<String, String> values, Set<String> missing) {
		if (text == null) {
			return null;
		}
		Matcher placeholder = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (placeholder.find()) {
			String name = placeholder.group(1).trim();
			String value = values.get(name);
			if (value == null) {
				missing.add(name);
				value = placeholder.group();
			}
			placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		placeholder.appendTail(filled);
		return filled.toString();
	}

	private static Map<String, String> load(ResourcePatternResolver resolver, String location) {
		Map<String, String> texts = new TreeMap<>();
		Map<String, String> fileOf = new TreeMap<>();
		try {
			for (Resource file : resolver.getResources(location)) {
				Properties properties = new Properties();
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				for (String key : properties.stringPropertyNames()) {
					String before = fileOf.putIfAbsent(key, file.getDescription());
					if (before != null) {
						throw new IllegalStateException("The notification text " + key + " is written twice: in "
								+ before + " and in " + file.getDescription());
					}
					texts.put(key, properties.getProperty(key).strip());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The notification templates (" + location + ") cannot be read", ex);
		}
		return texts;
	}

	/**
	 * A message's words.
	 *
	 * @param subject the subject line
	 * @param body the body, without greeting, link or sign-off
	 * @param link the words before the link ("Open the return"), or null
	 */
	record Words(String subject, String body, String link) {
	}

}
