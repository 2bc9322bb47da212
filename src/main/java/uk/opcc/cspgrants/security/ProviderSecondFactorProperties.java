package uk.opcc.cspgrants.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a sign-in through the organisation's provider shows that the provider asked for a
 * second factor, without which the roles that require one here
 * ({@link SecondFactorProperties#requiredFor()}) are not given.
 *
 * @param amr values of the id token's {@code amr} claim (RFC 8176) any one of which shows
 * it: {@code mfa} by default, which Microsoft Entra ID's v1 tokens and most providers
 * send
 * @param acr values of the {@code acr} claim that show it (a level of assurance the
 * provider names, such as Okta's {@code urn:okta:loa:2fa:any}); none by default
 * @param trustProvider true where the provider requires a second factor of everyone who
 * signs in to this service by its own policy but says so in no claim (Microsoft Entra
 * ID's v2 tokens carry no {@code amr}: a Conditional Access policy requiring multifactor
 * authentication for the application); the README says how to check it first
 */
@ConfigurationProperties("csp-grants.single-sign-on.second-factor")
public record ProviderSecondFactorProperties(@DefaultValue("mfa") List<String> amr, @DefaultValue List<String> acr,
		@DefaultValue("false") boolean trustProvider) {

	/** Whether the id token's claims show that the provider asked for a second factor. */
	boolean shownBy(Map<String, Object> claims) {
		if (this.trustProvider) {
			return true;
		}
		Object methods = claims.get("amr");
		if (methods instanceof Collection<?> listed
				&& listed.stream().map(String::valueOf).anyMatch(this.amr::contains)) {
			return true;
		}
		if (methods instanceof String one && this.amr.contains(one)) {
			return true;
		}
		Object level = claims.get("acr");
		return level != null && this.acr.contains(String.valueOf(level));
	}

}
