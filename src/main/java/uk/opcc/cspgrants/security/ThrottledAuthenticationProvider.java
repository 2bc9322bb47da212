package uk.opcc.cspgrants.security;

import org.springframework.security.authentication.AuthenticationProvider;
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
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwordCheck;

	private final SignInThrottle throttle;

	private final SecondFactors secondFactors;

	private final SignInEvents events;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwordCheck, SignInThrottle throttle,
			SecondFactors secondFactors, SignInEvents events) {
		this.passwordCheck = passwordCheck;
		this.throttle = throttle;
		this.secondFactors = secondFactors;
		this.events = events;
		// the refusal is told apart for the audit trail; outside, every one is the same
		passwordCheck.setHideUserNotFoundExceptions(false);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		if (this.throttle.lockedUntil(username).isPresent()) {
			throw new LockedException("Locked after too many failed sign-ins");
		}
		try {
			Authentication result = this.passwordCheck.authenticate(authentication);
			// with a second factor to come, only its code counts as a success: a right
			// password must not wipe out the failed codes before it
			if (!(result.getPrincipal() instanceof CurrentUser user) || !this.secondFactors.needed(user)) {
				this.throttle.recordSuccess(username);
			}
			return result;
		}
		catch (AuthenticationException failure) {
			boolean lockedNow = this.throttle.recordFailure(username);
			this.events.refused(username, SignInEvents.passwordRefusal(failure), lockedNow);
			if (lockedNow) {
				throw new LockedException("Locked after too many failed sign-ins");
			}
			throw new BadCredentialsException("Bad credentials");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
