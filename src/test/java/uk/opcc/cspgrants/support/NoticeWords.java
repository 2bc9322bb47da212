package uk.opcc.cspgrants.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.notice.Notice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of the notices as an OPCC would read them: each notice's template has a
 * subject and a body, and every {@code ((placeholder))} in them is one the notice fills.
 */
public final class NoticeWords {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-zA-Z]+)\\)\\)");

	private static final Properties WORDS = load();

	private NoticeWords() {
	}

	/** Fails unless the notice's words exist and every placeholder is filled. */
	public static Notice assertFilled(Notice notice) {
		for (String part : new String[] { ".subject", ".body" }) {
			String words = WORDS.getProperty(notice.template() + part);
			assertThat(words).as(notice.template() + part).isNotBlank();
			Matcher placeholder = PLACEHOLDER.matcher(words);
			while (placeholder.find()) {
				assertThat(notice.values()).as(notice.template() + part).containsKey(placeholder.group(1));
				assertThat(notice.values().get(placeholder.group(1))).as(placeholder.group(1)).isNotBlank();
			}
		}
		return notice;
	}

	/**
	 * Every notice's words, as the application reads them:
	 * {@code notifications/*.properties}.
	 */
	private static Properties load() {
		Properties words = new Properties();
		try {
			for (org.springframework.core.io.Resource file : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath*:notifications/*.properties")) {
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					words.load(reader);
				}
			}
		}
		catch (IOException unreadable) {
			throw new IllegalStateException("notifications/*.properties", unreadable);
		}
		return words;
	}

}
