package uk.opcc.cspgrants.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in lock-out.
 *
 * @param maxFailedAttempts failed attempts in a row before the username is locked
 * @param lockout how long it stays locked
 */
@ConfigurationProperties("csp-grants.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout) {

	public long lockoutMinutes() {
		return Math.max(1, this.lockout.toMinutes());
	}

}
