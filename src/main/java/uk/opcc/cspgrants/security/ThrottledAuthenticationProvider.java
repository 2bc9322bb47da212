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
 * tells whether the user exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwordCheck;

	private final SignInThrottle throttle;

	private final SecondFactors secondFactors;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwordCheck, SignInThrottle throttle,
			SecondFactors secondFactors) {
		this.passwordCheck = passwordCheck;
		this.throttle = throttle;
		this.secondFactors = secondFactors;
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
			if (this.throttle.recordFailure(username)) {
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
