package uk.opcc.cspgrants.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An applicant's e-mail address as typed, read one way everywhere: NFKC, surrounding
 * blanks stripped, at most 254 characters, something@something.something with no spaces
 * (the shape {@code app_user.email} and {@code applicant_account.email} check). Accounts
 * and the limit on links are kept per address whatever its capitals ({@link #key}).
 */
final class ApplicantEmail {

	static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
			Pattern.UNICODE_CHARACTER_CLASS);

	private ApplicantEmail() {
	}

	/** The address to keep, or empty when what was typed cannot be an address. */
	static Optional<String> read(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String address = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
		if (address.isEmpty() || address.length() > MAX_LENGTH || !SHAPE.matcher(address).matches()
				|| address.chars().anyMatch(Character::isISOControl)) {
			return Optional.empty();
		}
		return Optional.of(address);
	}

	/**
	 * What two spellings of one address share: lower case, as the unique index reads it.
	 */
	static String key(String address) {
		return address.toLowerCase(Locale.ROOT);
	}

}
