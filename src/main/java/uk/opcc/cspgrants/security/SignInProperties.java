package uk.opcc.cspgrants.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in lock-out.
 *
 * @param maxFailedAttempts failed attempts in a row before the username is locked
 * @param lockout how long it stays locked
 * @param checkWait how long a password waits for its turn to be checked while as many
 * passwords of its username are being checked as it has failures left, before it is
 * refused as busy
 */
@ConfigurationProperties("csp-grants.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockout,
		@DefaultValue("10s") Duration checkWait) {

	public long lockoutMinutes() {
		return Math.max(1, this.lockout.toMinutes());
	}

}
