package uk.opcc.cspgrants.security;

import java.security.SecureRandom;

/**
 * The password hash of an account nobody signs in to with a password (an applicant's, who
 * signs in by a link; someone who signs in through the organisation's provider).
 */
final class UnusablePassword {

	private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private UnusablePassword() {
	}

	/**
	 * A bcrypt hash of the right shape made of random characters: no password is known to
	 * give it, so the account can never be signed in to with a password.
	 */
	static String hash() {
		StringBuilder hash = new StringBuilder("{bcrypt}$2a$10$");
		for (int i = 0; i < 53; i++) {
			hash.append(BCRYPT_ALPHABET.charAt(RANDOM.nextInt(BCRYPT_ALPHABET.length())));
		}
		return hash.toString();
	}

}
