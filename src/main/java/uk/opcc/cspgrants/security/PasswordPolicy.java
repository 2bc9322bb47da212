package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The rules a new password must meet: at least 12 characters, at most what BCrypt reads,
 * and not easy to guess (OWASP ASVS 2.1.7): zxcvbn (the estimator Dropbox published, with
 * the passwords most used in breaches, English words, names and keyboard patterns) must
 * reckon it needs at least 10⁸ guesses, its score 3 of 4. No rule on which kinds of
 * character it holds (ASVS 2.1.9, and the National Cyber Security Centre's advice: three
 * random words).
 */
final class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	/** BCrypt reads at most 72 bytes; anything longer would be silently cut. */
	static final int MAXIMUM_BYTES = 72;

	/** zxcvbn's score from which a password is hard enough to guess: 10⁸ guesses. */
	static final int MINIMUM_SCORE = 3;

	/** Words anyone guessing would try first here. */
	private static final List<String> THIS_SERVICE = List.of("csp", "grants", "opcc", "police", "crime", "commissioner",
			"leicestershire", "leicester", "rutland", "community", "safety", "partnership");

	private static final Zxcvbn ESTIMATOR = new Zxcvbn();

	/** Letters a password must have beyond the person's and the service's words. */
	static final int OWN_LETTERS_AT_LEAST = 4;

	private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

	private PasswordPolicy() {
	}

	static void check(String field, String password) {
		check(field, password, List.of());
	}

	/**
	 * Refuses a password that breaks a rule, on {@code field}; {@code aboutThePerson}
	 * (their username, name, e-mail address) count as easy to guess.
	 */
	static void check(String field, String password, List<String> aboutThePerson) {
		check(field, password, aboutThePerson, null);
	}

	/**
	 * As {@link #check(String, String, List)}, for someone changing their own password: a
	 * new one made of {@code current}'s words (rearranged, say) is refused too, saying
	 * so.
	 */
	static void check(String field, String password, List<String> aboutThePerson, String current) {
		if (password == null || password.isEmpty()) {
			throw new ValidationException(field, "Enter a password");
		}
		if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
			throw new ValidationException(field,
					"The password must be at least " + MINIMUM_LENGTH + " characters long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
			throw new ValidationException(field, "The password must be 72 bytes or fewer (about 70 letters)");
		}
		if (password.isBlank()) {
			throw new ValidationException(field, "The password cannot be only spaces");
		}
		List<String> guessable = guessable(aboutThePerson);
		if (madeOf(password, guessable)) {
			throw new ValidationException(field,
					"The password is too easy to guess: it is made of your name, your username or this service's "
							+ "name. Choose a longer one, such as three or four random words");
		}
		if (current != null && madeOf(password, guessable(List.of(current)))) {
			throw new ValidationException(field, "The new password is made of the words of your current one: "
					+ "choose new words, such as three or four random ones");
		}
		if (current != null) {
			guessable.add(current);
		}
		Strength strength = ESTIMATOR.measure(password, guessable);
		if (strength.getScore() < MINIMUM_SCORE) {
			throw new ValidationException(field, "The password is too easy to guess: " + why(strength)
					+ ". Choose a longer one, such as three or four random words");
		}
	}

	/**
	 * The words anyone guessing would try first: this service's, and each word of the
	 * person's username, name and e-mail address ({@code olu.officer} gives {@code olu}
	 * and {@code officer}) as well as each whole.
	 */
	static List<String> guessable(List<String> aboutThePerson) {
		Set<String> words = new LinkedHashSet<>(THIS_SERVICE);
		for (String about : aboutThePerson) {
			if (about == null || about.isBlank()) {
				continue;
			}
			String lower = about.strip().toLowerCase(Locale.UK);
			words.add(lower);
			for (String word : WORD_BREAKS.split(lower)) {
				if (word.length() >= 3) {
					words.add(word);
				}
			}
		}
		return new ArrayList<>(words);
	}

	/**
	 * Whether the password is nothing but {@code guessable} words with digits, spaces and
	 * punctuation around them (fewer than {@value #OWN_LETTERS_AT_LEAST} other letters
	 * left): {@code oluofficer1234}, {@code Olu Officer police grants}.
	 */
	static boolean madeOf(String password, List<String> guessable) {
		String left = password.toLowerCase(Locale.UK);
		List<String> longestFirst = guessable.stream()
			.filter(word -> word.length() >= 3)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		for (String word : longestFirst) {
			left = left.replace(word, "");
		}
		return NOT_LETTERS.matcher(left).replaceAll("").length() < OWN_LETTERS_AT_LEAST;
	}

	/** Why, in a few words. */
	private static String why(Strength strength) {
		String warning = strength.getFeedback().getWarning();
		if (warning == null || warning.isBlank()) {
			return "it is made of common words, names or patterns";
		}
		String words = warning.strip().replaceAll("\\.$", "");
		return Character.toLowerCase(words.charAt(0)) + words.substring(1);
	}

}
