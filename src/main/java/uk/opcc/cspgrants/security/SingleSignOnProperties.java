package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.opcc.cspgrants.shared.Usernames;

/**
 * Local accounts beside single sign-on. The provider itself is set by Spring Boot's own
 * properties ({@code spring.security.oauth2.client.registration.*} and
 * {@code ...provider.*}); see the README.
 *
 * @param localAccounts whether usernames and passwords of this service sign in (on by
 * default: the embedded default has no provider)
 * @param breakGlass the local accounts that still sign in with a password when local
 * accounts are off: an administrator's, for when the provider is down
 * @param tokensNeedSignInWithin the API tokens of someone who signs in through the
 * organisation's provider work only while they have signed in here through it within this
 * (30 days by default): someone who has left, and whom the provider no longer signs in,
 * keeps no working token
 */
@ConfigurationProperties("csp-grants.single-sign-on")
public record SingleSignOnProperties(@DefaultValue("true") boolean localAccounts, @DefaultValue List<String> breakGlass,
		@DefaultValue("30d") Duration tokensNeedSignInWithin) {

	/** Whether a username may sign in with its password here. */
	boolean passwordSignInAllowed(String normalisedUsername) {
		return this.localAccounts || breakGlassUsernames().contains(normalisedUsername);
	}

	Set<String> breakGlassUsernames() {
		return this.breakGlass.stream().map(Usernames::normalise).collect(Collectors.toSet());
	}

}
