package uk.opcc.cspgrants.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * The organisation's provider's access tokens (JWT) presented to the API by machine
 * clients, where a deployment sets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and the {@code audiences}
 * the tokens must be for (without them the service refuses to start: a token the provider
 * signed for another application must not be taken for one for this service). Spring
 * Security's resource server checks the signature against the provider's published keys,
 * the issuer, the audience and the expiry; the client is then given the roles the
 * administrators' sign-in mappings give the token's claims (an Entra ID application's
 * {@code roles}, say), as a person signing in is. Without that property there is no
 * decoder and every bearer token is one of this service's own.
 */
@Component
class ProviderAccessTokens {

	private final JwtDecoder decoder;

	private final ProviderAccounts accounts;

	@org.springframework.beans.factory.annotation.Autowired
	ProviderAccessTokens(ObjectProvider<JwtDecoder> decoder, ProviderAccounts accounts, Environment environment) {
		this(decoder, accounts, configuredProvider(environment),
				org.springframework.boot.context.properties.bind.Binder.get(environment)
					.bind("spring.security.oauth2.resourceserver.jwt.audiences",
							org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
					.orElse(List.of()));
	}

	/**
	 * Where the deployment says the provider's keys are: its issuer, or the address of
	 * its keys, or a public key; blank when it names none.
	 */
	private static String configuredProvider(Environment environment) {
		for (String property : List.of("issuer-uri", "jwk-set-uri", "public-key-location")) {
			String value = environment.getProperty("spring.security.oauth2.resourceserver.jwt." + property, "");
			if (!value.isBlank()) {
				return value;
			}
		}
		return "";
	}

	/**
	 * @param issuer the provider whose access tokens are accepted, as configured (blank
	 * for none)
	 * @param audiences the audiences they must be for
	 */
	ProviderAccessTokens(ObjectProvider<JwtDecoder> decoder, ProviderAccounts accounts, String issuer,
			List<String> audiences) {
		this.decoder = decoder.getIfAvailable();
		this.accounts = accounts;
		if (issuer != null && !issuer.isBlank() && audiences.stream().allMatch(String::isBlank)) {
			// without an audience, a token the provider signed for any other application
			// would be taken as one for this service
			throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.audiences is not set: set it "
					+ "to this service's Application ID URI (e.g. api://csp-grants), or the provider's access tokens "
					+ "for any application would be accepted. Remove the issuer-uri (or jwk-set-uri) to accept none");
		}
	}

	/** Whether the provider's access tokens are accepted here. */
	boolean accepted() {
		return this.decoder != null;
	}

	/**
	 * Who the token is for, with their roles now; {@link Checked#refusal()} says why not
	 * when the token is not good ({@link Checked#user()} is then {@code null}) or gives
	 * no role that may use the API ({@link Checked#user()} is then the account).
	 */
	Checked check(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException notGood) {
			return new Checked(null, "The access token is not valid: it may have expired, or not be for this service.");
		}
		if (jwt.getSubject() == null || jwt.getSubject().isBlank() || jwt.getIssuer() == null) {
			return new Checked(null, "The access token names no subject or issuer.");
		}
		ProviderAccounts.SignedIn presented;
		try {
			presented = this.accounts.presenting(jwt.getIssuer().toString(), jwt.getSubject(), jwt.getClaims());
		}
		catch (DisabledException disabled) {
			return new Checked(null, "The access token's account has been disabled by an administrator.");
		}
		CurrentUser user = presented.user();
		if (!user.mayHoldApiTokens()) {
			String why = (presented.problem() != null) ? presented.problem()
					: "No sign-in mapping gives its claims a role that may use the API.";
			return new Checked(user, "The access token is valid, but gives no role here: " + why
					+ " An administrator maps claims to roles on the sign-in mappings page.");
		}
		return new Checked(user, null);
	}

	/**
	 * What a check found.
	 *
	 * @param user the account, or {@code null} when the token is not good
	 * @param refusal why the request is refused, or {@code null} when it may go on
	 */
	record Checked(CurrentUser user, String refusal) {
	}

}
