package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a text (its UTF-8), in lower-case hex: how an API token, a recovery code
 * (with its salt) and the id of the session that goes on after a password change are
 * kept.
 */
final class Sha256 {

	private Sha256() {
	}

	static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of some bytes (a key, to name it without telling it). */
	static String hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("Every Java runtime has SHA-256", missing);
		}
	}

}
