package uk.opcc.cspgrants.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An API token's secret: {@code cspg_} and 256 random bits in URL-safe Base64 (43
 * characters). Only its SHA-256 is kept: for a secret of 256 random bits a fast hash is
 * as safe as a slow one (nobody can guess it), and it lets a request be checked with one
 * indexed look-up instead of a BCrypt check. Plain Java.
 */
final class TokenSecret {

	static final String PREFIX = "cspg_";

	private static final Pattern WELL_FORMED = Pattern.compile("cspg_[A-Za-z0-9_-]{43}");

	private TokenSecret() {
	}

	/** A new secret. */
	static String generate(SecureRandom random) {
		byte[] bits = new byte[32];
		random.nextBytes(bits);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	/** True when it could be a token (else it is not looked up). */
	static boolean wellFormed(String secret) {
		return secret != null && WELL_FORMED.matcher(secret).matches();
	}

	/** The SHA-256 of the secret, in lower-case hexadecimal: what the database keeps. */
	static String hash(String secret) {
		return Sha256.hex(secret);
	}

	/** Its first characters, to recognise it in a list without revealing it. */
	static String prefixOf(String secret) {
		return secret.substring(0, PREFIX.length() + 4);
	}

}
