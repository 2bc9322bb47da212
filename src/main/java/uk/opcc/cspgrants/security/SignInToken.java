package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules of an applicant's sign-in link, in plain Java. A token is 32 random bytes
 * (256 bits) written in URL-safe Base64 without padding (43 characters); only its
 * SHA-256, in lower-case hex, is stored, so the database never holds a link that works. A
 * link lives {@link #LIFETIME} and is good until, not at, its expiry.
 *
 * @param token what goes in the link, {@code /apply/link/<token>}
 * @param hash what is stored
 */
record SignInToken(String token, String hash) {

	/** How long a link may be used after it is made. */
	static final Duration LIFETIME = Duration.ofMinutes(30);

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new token from 32 bytes of a strong random source. */
	static SignInToken create() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new SignInToken(token, hash(token));
	}

	/**
	 * Whether a token from a link could be one this service made: 43 characters of
	 * URL-safe Base64. Anything else is never looked up.
	 */
	static boolean wellFormed(String token) {
		return token != null && SHAPE.matcher(token).matches();
	}

	/** The SHA-256 of a token, as stored: 64 lower-case hex digits. */
	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
		}
	}

	/** When a link made at {@code createdAt} stops working. */
	static Instant expiresAt(Instant createdAt) {
		return createdAt.plus(LIFETIME);
	}

	/**
	 * Whether a link is still good at {@code now}: not used, and {@code now} before its
	 * expiry (a link is dead at the instant it expires). The database applies the same
	 * rule in the one update that uses a link.
	 */
	static boolean usable(Instant expiresAt, Instant usedAt, Instant now) {
		return usedAt == null && now.isBefore(expiresAt);
	}

}
