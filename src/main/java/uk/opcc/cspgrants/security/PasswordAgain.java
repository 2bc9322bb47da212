package uk.opcc.cspgrants.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * The password of someone signed in, typed again (to confirm it is them, or to change
 * it): checked like a sign-in's, counted before the check ({@link PasswordAttempts}), a
 * wrong one in the audit trail and towards the lock-out. A right one is not counted and
 * leaves the failures before it standing.
 */
@Component
class PasswordAgain {

	private final PasswordAttempts attempts;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	private final SignInEvents events;

	PasswordAgain(PasswordAttempts attempts, PasswordEncoder passwordEncoder, JdbcClient jdbc, SignInEvents events) {
		this.attempts = attempts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Checks {@code typed} against the account's password; {@code doing} says what the
	 * person was doing, for the audit trail ("confirming it is them").
	 */
	Outcome check(CurrentUser user, String typed, String doing) {
		if (typed == null || typed.isEmpty()) {
			return Outcome.EMPTY;
		}
		String username = user.getUsername();
		String hash = this.jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", user.id())
			.query(String.class)
			.single();
		PasswordAttempts.Attempt<Boolean> attempt = this.attempts.attempt(username, () -> {
			if (!this.passwordEncoder.matches(typed, hash)) {
				throw new BadCredentialsException("Wrong password");
			}
			return true;
		}, right -> true);
		if (attempt.locked()) {
			return Outcome.LOCKED;
		}
		if (attempt.busy()) {
			return Outcome.BUSY;
		}
		if (attempt.failure() != null) {
			this.events.refused(username, "a wrong password, " + doing, attempt.lockedNow());
			return attempt.lockedNow() ? Outcome.LOCKED : Outcome.WRONG;
		}
		return Outcome.RIGHT;
	}

	/** What the password typed again came to. */
	enum Outcome {

		RIGHT, EMPTY, WRONG,
		/** Too many wrong passwords: not checked, or this one locked the username. */
		LOCKED,
		/**
		 * Not checked: too many of the account's passwords were being checked at once.
		 */
		BUSY

	}

}
