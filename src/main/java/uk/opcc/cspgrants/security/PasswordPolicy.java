package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;

import uk.opcc.cspgrants.shared.ValidationException;

/** The rules a new password must meet. */
final class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	/** BCrypt reads at most 72 bytes; anything longer would be silently cut. */
	static final int MAXIMUM_BYTES = 72;

	private PasswordPolicy() {
	}

	static void check(String field, String password) {
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
	}

}
