package uk.opcc.identityprovider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider, in-process: Spring Authorization Server on a port of
 * its own, with people who sign in there by username and password and carry
 * {@code groups}, {@code name} and {@code email} in their id tokens, as Microsoft Entra
 * ID's do. The application under test discovers it by its issuer and signs people in
 * through it.
 */
public final class IdentityProvider implements AutoCloseable {

	/** The client id the application is registered under. */
	public static final String CLIENT_ID = "csp-grants";

	/** Its client secret. */
	public static final String CLIENT_SECRET = "a-test-secret-of-the-application";

	/** The audience the application's API accepts the provider's access tokens for. */
	public static final String API_AUDIENCE = "api://csp-grants";

	private final ConfigurableApplicationContext context;

	private IdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a provider on a free port of {@code localhost}. */
	public static IdentityProvider start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
			// none of the application's configuration files: this is another system
			.properties("spring.config.name=identity-provider", "server.port=0", "spring.main.banner-mode=off",
					"spring.jmx.enabled=false")
			.run();
		return new IdentityProvider(context);
	}

	/** Its issuer, which is also where its discovery document is found. */
	public String issuer() {
		return "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/**
	 * What the application's configuration says of this provider: its issuer, the client
	 * id and secret, and a name for the sign-in page, under registration
	 * {@code organisation}.
	 */
	public String[] applicationArguments() {
		String registration = "--spring.security.oauth2.client.registration.organisation.";
		return new String[] { registration + "client-id=" + CLIENT_ID, registration + "client-secret=" + CLIENT_SECRET,
				registration + "scope=openid", registration + "client-name=your Leicestershire Police account",
				"--spring.security.oauth2.client.provider.organisation.issuer-uri=" + issuer(),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + API_AUDIENCE };
	}

	/**
	 * A machine client (a finance ledger's integration, say) that gets access tokens for
	 * {@code audience} by the client credentials grant, carrying {@code claims} (as an
	 * Entra ID application's access tokens carry its {@code roles}).
	 */
	public void machineClient(String clientId, String secret, String audience, Map<String, Object> claims) {
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
		this.context.getBean(InMemoryRegisteredClientRepository.class).save(client);
		Map<String, Object> carried = new HashMap<>(claims);
		carried.put("aud", List.of(audience));
		this.context.getBean(Claims.class).byUsername().put(clientId, carried);
	}

	/**
	 * An access token (a signed JWT) for a machine client, by the client credentials
	 * grant.
	 */
	public String accessToken(String clientId, String secret) {
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
			if (answer.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("No access token: " + answer.statusCode() + " " + answer.body());
			}
			return token.group(1);
		}
		catch (IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	/**
	 * Lets the application at {@code base} (such as {@code http://127.0.0.1:8080}) sign
	 * people in: its redirect address and where it asks to be sent after signing out.
	 */
	public void register(String base) {
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(base + "/login/oauth2/code/organisation")
			.postLogoutRedirectUri(base + "/login?signedOut")
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		this.context.getBean(InMemoryRegisteredClientRepository.class).save(client);
	}

	/**
	 * A person who signs in at the provider with {@code username} and {@code password},
	 * whose id token carries their name, e-mail address and groups.
	 */
	public void person(String username, String password, String name, String email, List<String> groups) {
		InMemoryUserDetailsManager people = this.context.getBean(InMemoryUserDetailsManager.class);
		if (people.userExists(username)) {
			people.deleteUser(username);
		}
		people.createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
		this.context.getBean(Claims.class)
			.byUsername()
			.put(username, Map.of("name", name, "email", email, "groups", List.copyOf(groups)));
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The claims each person's id token carries beyond the standard ones. */
	record Claims(Map<String, Map<String, Object>> byUsername) {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class })
	static class Provider {

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager people() {
			return new InMemoryUserDetailsManager();
		}

		@Bean
		InMemoryRegisteredClientRepository clients() {
			// a placeholder client until the application registers itself
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId("nobody")
				.clientId("nobody")
				.clientSecret("{noop}nobody")
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.build());
		}

		@Bean
		Claims claims() {
			return new Claims(new ConcurrentHashMap<>());
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(Claims claims) {
			return context -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
						|| OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
								&& AuthorizationGrantType.CLIENT_CREDENTIALS
									.equals(context.getAuthorizationGrantType())) {
					Map<String, Object> extra = claims.byUsername().get(context.getPrincipal().getName());
					if (extra != null) {
						context.getClaims().claims(all -> all.putAll(extra));
					}
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
