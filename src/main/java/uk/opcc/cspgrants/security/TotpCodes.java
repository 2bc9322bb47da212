package uk.opcc.cspgrants.security;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as every authenticator app makes them (RFC 6238:
 * HMAC-SHA1, six digits, a new code each 30 seconds), from a secret of 160 random bits
 * written in Base32. A code is accepted in its own 30 seconds and the one either side,
 * for a phone's clock a little out.
 */
final class TotpCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator generator;

	TotpCodes() {
		try {
			this.generator = new TimeBasedOneTimePasswordGenerator(STEP, 6,
					TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
		}
		catch (RuntimeException failure) {
			throw new IllegalStateException("HMAC-SHA1 is not available", failure);
		}
	}

	/** A new secret: 160 random bits (RFC 4226's recommended length), in Base32. */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret);
	}

	/** The code of a secret at a moment, as six digits. */
	String codeAt(String secret, Instant moment) {
		try {
			return String.format(Locale.ROOT, "%06d", this.generator.generateOneTimePassword(key(secret), moment));
		}
		catch (InvalidKeyException failure) {
			throw new IllegalArgumentException("Not a usable secret", failure);
		}
	}

	/**
	 * The 30-second step whose code was typed (spaces ignored), if it is the code of the
	 * step at {@code now} or of the one either side.
	 */
	OptionalLong stepOf(String secret, String typed, Instant now) {
		String code = (typed == null) ? "" : typed.replaceAll("[\\s-]", "");
		if (!code.matches("[0-9]{6}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (java.security.MessageDigest.isEqual(
					codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
						.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static long step(Instant moment) {
		return moment.getEpochSecond() / STEP.toSeconds();
	}

	/**
	 * The address an authenticator app reads from the QR code: the service's name, the
	 * username and the secret.
	 */
	static String otpauthUri(String username, String secret) {
		String label = java.net.URLEncoder.encode("CSP Grants:" + username, java.nio.charset.StandardCharsets.UTF_8)
			.replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret
				+ "&issuer=CSP%20Grants&algorithm=SHA1&digits=6&period=30";
	}

	private SecretKeySpec key(String secret) {
		try {
			return new SecretKeySpec(new Base32().decode(secret), this.generator.getAlgorithm());
		}
		catch (RuntimeException failure) {
			throw new IllegalArgumentException("Not a Base32 secret", failure);
		}
	}

	static {
		try {
			javax.crypto.Mac.getInstance("HmacSHA1");
		}
		catch (NoSuchAlgorithmException missing) {
			throw new ExceptionInInitializerError(missing);
		}
	}

}
