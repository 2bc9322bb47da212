package uk.opcc.cspgrants.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Checks a username and password, refusing at once a username locked by too many
 * failures. A disabled account fails exactly like a wrong password, so a failure never
 * tells whether the user exists; the audit trail tells them apart ({@link SignInEvents}).
 * Each attempt is counted before its password is checked, in a transaction that holds the
 * username's row until it ends, so that passwords sent at once for one username are
 * checked one after another and the sixth is refused unchecked: parallel guesses get no
 * more than five.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwordCheck;

	private final SignInThrottle throttle;

	private final SecondFactors secondFactors;

	private final SignInEvents events;

	private final TransactionTemplate transaction;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwordCheck, SignInThrottle throttle,
			SecondFactors secondFactors, SignInEvents events, TransactionTemplate transaction) {
		this.passwordCheck = passwordCheck;
		this.throttle = throttle;
		this.secondFactors = secondFactors;
		this.events = events;
		this.transaction = transaction;
		// the refusal is told apart for the audit trail; outside, every one is the same
		passwordCheck.setHideUserNotFoundExceptions(false);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Attempt attempt = this.transaction.execute(status -> attempt(username, authentication));
		if (attempt.locked()) {
			throw new LockedException("Locked after too many failed sign-ins");
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
	 * Counts the attempt, then checks the password: never throws, so that the count is
	 * kept whatever the answer.
	 */
	private Attempt attempt(String username, Authentication authentication) {
		if (!this.throttle.beginAttempt(username)) {
			return new Attempt(null, null, true, false);
		}
		try {
			Authentication result = this.passwordCheck.authenticate(authentication);
			// with a second factor to come, only its code counts as a success: a right
			// password must not wipe out the failed codes before it
			if (!(result.getPrincipal() instanceof CurrentUser user) || !this.secondFactors.needed(user)) {
				this.throttle.succeeded(username);
			}
			else {
				this.throttle.uncountAttempt(username);
			}
			return new Attempt(result, null, false, false);
		}
		catch (AuthenticationException failure) {
			return new Attempt(null, failure, false, this.throttle.failedAttempt(username));
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * What an attempt came to: signed in ({@code result}), refused ({@code failure}, and
	 * whether that locked the username now), or not checked as the username is locked.
	 */
	private record Attempt(Authentication result, AuthenticationException failure, boolean locked, boolean lockedNow) {

	}

}
