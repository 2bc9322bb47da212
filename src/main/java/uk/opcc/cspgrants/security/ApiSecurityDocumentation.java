package uk.opcc.cspgrants.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ways into the API, in its documentation: an API token as
 * {@code Authorization: Bearer} (made on {@code /account/tokens}; one look-up per
 * request), the organisation's provider's access token where the deployment trusts it for
 * machine clients, or HTTP Basic with a username and password (a BCrypt check on every
 * request: slow by design, for a person trying something, not for a program polling).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDocumentation {

	static final String TOKEN = "apiToken";

	static final String PASSWORD = "password";

	static final String PROVIDER = "providerAccessToken";

	@Bean
	OpenApiCustomizer signingIn() {
		return (openApi) -> {
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			components.addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("cspg_ followed by 43 characters")
				.description("An API token made on /account/tokens (an administrator makes one for a service "
						+ "account on /admin/tokens). It acts as its account, with the account's role and "
						+ "partnership; a read-only token may only read. Shown once, expires (90 days by default), "
						+ "can be revoked."));
			components.addSecuritySchemes(PROVIDER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("Where the deployment trusts the organisation's OpenID Connect provider for machine "
						+ "clients (spring.security.oauth2.resourceserver.jwt.issuer-uri), an access token the "
						+ "provider signed for this service's audience, such as one from Microsoft Entra ID's client "
						+ "credentials grant. The client's account is made at its first request; its role and "
						+ "partnership are what the administrators' sign-in mappings give the token's claims (an Entra "
						+ "ID application's roles, say), read at every request."));
			components.addSecuritySchemes(PASSWORD, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("basic")
				.description("A username and password. Every request checks the password with BCrypt, which is "
						+ "slow by design: use a token for a program that calls the API often. Refused (401) for an "
						+ "account that signs in with a second factor, and for one that signs in through the "
						+ "organisation's provider: their programs use a token. No more passwords of one username are "
						+ "checked at once than it has failures left before the lock-out (five): the rest wait their "
						+ "turn, and one whose turn has not come within 10 seconds is answered 429 with Retry-After."));
			openApi.setComponents(components);
			openApi.addSecurityItem(new SecurityRequirement().addList(TOKEN));
			openApi.addSecurityItem(new SecurityRequirement().addList(PROVIDER));
			openApi.addSecurityItem(new SecurityRequirement().addList(PASSWORD));
		};
	}

}
