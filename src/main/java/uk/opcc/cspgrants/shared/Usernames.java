package uk.opcc.cspgrants.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way a username is read, wherever it is typed: at sign-in (the look-up of the
 * account and the key its failed attempts are counted under), when a user is made, and as
 * stored. NFKC first (fullwidth {@code ｃｏｍｍｉｓｓｉｏｎｅｒ} is {@code commissioner}), then lower
 * case in {@link Locale#ROOT}, then surrounding blanks stripped.
 * <p>
 * Only a username of 3 to 60 of {@code a-z 0-9 . _ @ -} after that is ever looked up.
 * Before, the look-up compared with PostgreSQL's {@code lower()} and the lock-out with
 * Java's {@code toLowerCase}, which disagree outside ASCII: {@code commİssioner} (with a
 * dotted capital I) found the commissioner while its failures were counted under another
 * key, so five failures locked nothing. Now the lock-out key and the stored name are the
 * same string, and such a name is never looked up at all.
 */
public final class Usernames {

	private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@-]{3,60}");

	private Usernames() {
	}

	/** The username as stored and counted: NFKC, lower case, stripped; "" for none. */
	public static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		return Normalizer.normalize(typed, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
	}

	/** Whether a normalised username is one an account may have. */
	public static boolean isAllowed(String normalised) {
		return normalised != null && ALLOWED.matcher(normalised).matches();
	}

}
