package uk.opcc.cspgrants.security;

import java.time.Instant;

/**
 * A person's authenticator app, for the browser tests in other packages: the code of a
 * key at a moment.
 */
public final class AuthenticatorApp {

	private static final TotpCodes CODES = new TotpCodes();

	private AuthenticatorApp() {
	}

	/** The 6-digit code of a Base32 key at {@code moment}. */
	public static String codeAt(String key, Instant moment) {
		return CODES.codeAt(key, moment);
	}

}
