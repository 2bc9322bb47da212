package uk.opcc.cspgrants.security;

import java.util.function.Predicate;

import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * An attempt at a username's password, wherever it is typed (signing in, HTTP Basic,
 * confirming it is you, changing one's password): refused unchecked while the username is
 * locked; a wrong one counted (five in a row lock it), a right one starting the count
 * again. The check (BCrypt, slow by design) holds no database connection and no lock, so
 * a program's HTTP Basic requests sent at once are checked at once. The price: passwords
 * guessed at once for one username before the first wrong one is counted are all checked
 * (see the README); the lock-out they cause is told once.
 */
@Component
class PasswordAttempts {

	private final SignInThrottle throttle;

	PasswordAttempts(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Runs {@code check}, which throws when the password is wrong, unless the username is
	 * locked. When it is right the count starts again, or, when
	 * {@code keepEarlierFailures} says the failures before must stand (a second factor is
	 * still to come, or the person was signed in already), it is left as it is. Never
	 * throws the check's refusal: it is in the result.
	 */
	<T> Attempt<T> attempt(String username, Check<T> check, Predicate<T> keepEarlierFailures) {
		if (this.throttle.lockedUntil(username).isPresent()) {
			return new Attempt<>(null, null, true, false);
		}
		try {
			T result = check.run();
			if (!keepEarlierFailures.test(result)) {
				this.throttle.recordSuccess(username);
			}
			return new Attempt<>(result, null, false, false);
		}
		catch (AuthenticationException wrong) {
			return new Attempt<>(null, wrong, false, this.throttle.recordFailure(username));
		}
	}

	/** A check of a password: its result, or an {@link AuthenticationException}. */
	@FunctionalInterface
	interface Check<T> {

		T run() throws AuthenticationException;

	}

	/**
	 * What an attempt came to: right ({@code result}), wrong ({@code failure}, and
	 * whether that locked the username now), or not checked as the username is locked.
	 */
	record Attempt<T>(T result, AuthenticationException failure, boolean locked, boolean lockedNow) {

	}

}
