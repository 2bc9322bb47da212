package uk.opcc.cspgrants.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import uk.opcc.cspgrants.shared.notice.Notice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of the sign-off and year-end notices as an OPCC would read them: each
 * notice's template has a subject and a body, and every {@code ((placeholder))} in them
 * is one the notice fills.
 */
public final class NoticeWords {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-zA-Z]+)\\)\\)");

	private static final Properties WORDS = load("notifications/sign-offs.properties",
			"notifications/year-end.properties");

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

	private static Properties load(String... paths) {
		Properties words = new Properties();
		for (String path : paths) {
			try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
					StandardCharsets.UTF_8)) {
				words.load(reader);
			}
			catch (IOException unreadable) {
				throw new IllegalStateException(path, unreadable);
			}
		}
		return words;
	}

}
