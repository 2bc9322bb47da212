package uk.opcc.cspgrants.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * Who must sign in with a second factor (a code from an authenticator app) after their
 * password.
 *
 * @param requiredFor the roles that must: by default those who approve the movement of
 * public money or decide on it, and administrators (who give every role); anyone else may
 * choose to
 */
@ConfigurationProperties("csp-grants.second-factor")
public record SecondFactorProperties(@DefaultValue( {
		"ADMIN", "FINANCE", "MONITORING_OFFICER", "COMMISSIONER" }) Set<Role> requiredFor){

	boolean requiredOf(CurrentUser user) {
		return user.roles().stream().anyMatch(this.requiredFor::contains);
	}

}
