package uk.opcc.cspgrants.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Checks a username and password, refusing at once a username locked by too many
 * failures. A disabled account fails exactly like a wrong password, so a failure never
 * tells whether the user exists; the audit trail tells them apart ({@link SignInEvents}).
 * The counting is {@link PasswordAttempts}'.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwordCheck;

	private final PasswordAttempts attempts;

	private final SecondFactors secondFactors;

	private final SignInEvents events;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwordCheck, PasswordAttempts attempts,
			SecondFactors secondFactors, SignInEvents events) {
		this.passwordCheck = passwordCheck;
		this.attempts = attempts;
		this.secondFactors = secondFactors;
		this.events = events;
		// the refusal is told apart for the audit trail; outside, every one is the same
		passwordCheck.setHideUserNotFoundExceptions(false);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		if (username == null || username.isBlank()) {
			throw new Missing("username");
		}
		if (authentication.getCredentials() == null || authentication.getCredentials().toString().isEmpty()) {
			// nothing to check: not counted towards the lock-out, nor audited
			throw new Missing("password");
		}
		// with a second factor to come, only its code counts as a success: a right
		// password must not wipe out the failed codes before it
		PasswordAttempts.Attempt<Authentication> attempt = this.attempts.attempt(username,
				() -> this.passwordCheck.authenticate(authentication),
				result -> result.getPrincipal() instanceof CurrentUser user && this.secondFactors.needed(user));
		if (attempt.locked()) {
			throw new LockedException("Locked after too many failed sign-ins");
		}
		if (attempt.busy()) {
			throw new Busy();
		}
		if (attempt.failure() != null) {
			this.events.refused(username, SignInEvents.passwordRefusal(attempt.failure()), attempt.lockedNow());
			if (attempt.lockedNow()) {
				throw new LockedException("Locked after too many failed sign-ins");
			}
			throw new BadCredentialsException("Bad credentials");
		}
		return attempt.result();
	}

	/**
	 * Not checked: as many passwords of the username were being checked as it had
	 * failures left, for longer than a password waits its turn.
	 */
	static final class Busy extends AuthenticationServiceException {

		Busy() {
			super("Too many passwords of this username are being checked at once");
		}

	}

	/** A username or password left empty: nothing was checked or counted. */
	static final class Missing extends BadCredentialsException {

		private final String field;

		Missing(String field) {
			super("No " + field + " was given");
			this.field = field;
		}

		/** {@code username} or {@code password}. */
		String field() {
			return this.field;
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
