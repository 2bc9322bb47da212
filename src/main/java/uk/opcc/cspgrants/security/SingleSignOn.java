package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Sign-in through the organisation's OpenID Connect provider (Microsoft Entra ID or any
 * other), when Spring Boot's {@code spring.security.oauth2.client.*} properties name one.
 * The provider's id token is checked by Spring Security; {@link ProviderAccounts} finds
 * or makes the account and sets its roles from the sign-in mappings; the session then
 * holds the account like any other sign-in's, and the id token only to sign out at the
 * provider too.
 */
final class SingleSignOn {

	static final String ID_TOKEN = SingleSignOn.class.getName() + ".ID_TOKEN";

	static final String REGISTRATION = SingleSignOn.class.getName() + ".REGISTRATION";

	static final String PROBLEM = SingleSignOn.class.getName() + ".PROBLEM";

	private final ClientRegistrationRepository registrations;

	private final ProviderAccounts accounts;

	private final OidcUserService provided = new OidcUserService();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();

	private final RequestCache requestCache;

	private final SignInEvents events;

	private final SessionRecords sessionRecords;

	SingleSignOn(ClientRegistrationRepository registrations, ProviderAccounts accounts, RequestCache requestCache,
			SignInEvents events, SessionRecords sessionRecords) {
		this.registrations = registrations;
		this.sessionRecords = sessionRecords;
		this.events = events;
		this.accounts = accounts;
		this.requestCache = requestCache;
		this.toPageAskedFor.setRequestCache(requestCache);
	}

	/**
	 * The origins of the providers' sign-out pages
	 * ({@code https://login.microsoftonline.com}), which the Content-Security-Policy's
	 * {@code form-action} must name for the browser to follow the sign-out form there.
	 */
	java.util.Set<String> signOutOrigins() {
		java.util.Set<String> origins = new java.util.TreeSet<>();
		if (this.registrations instanceof Iterable<?> all) {
			for (Object one : all) {
				if (one instanceof ClientRegistration registration) {
					Object endSession = registration.getProviderDetails()
						.getConfigurationMetadata()
						.get("end_session_endpoint");
					if (endSession != null) {
						java.net.URI uri = java.net.URI.create(endSession.toString());
						origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
					}
				}
			}
		}
		return origins;
	}

	/** The providers to offer on the sign-in page: registration id and name. */
	static List<Provider> providers(ClientRegistrationRepository registrations) {
		List<Provider> providers = new ArrayList<>();
		if (registrations instanceof Iterable<?> all) {
			for (Object one : all) {
				if (one instanceof ClientRegistration registration && registration.getScopes().contains("openid")) {
					providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
				}
			}
		}
		return providers;
	}

	void configure(HttpSecurity http) throws Exception {
		http.oauth2Login(login -> login.loginPage("/login")
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(confirming()))
			.userInfoEndpoint(info -> info.oidcUserService(this::signIn))
			.successHandler(this::signedIn)
			.failureHandler(SingleSignOn::refused));
	}

	/**
	 * Asks the provider for the password again ({@code prompt=login}) when the sign-in is
	 * to confirm who someone is before a sensitive change ({@link ConfirmItIsYou}),
	 * rather than signing them in silently on the provider's session.
	 */
	private OAuth2AuthorizationRequestResolver confirming() {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, "/oauth2/authorization");
		return new OAuth2AuthorizationRequestResolver() {

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				return promptIfConfirming(request, resolver.resolve(request));
			}

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
				return promptIfConfirming(request, resolver.resolve(request, registrationId));
			}

		};
	}

	private static OAuth2AuthorizationRequest promptIfConfirming(HttpServletRequest request,
			OAuth2AuthorizationRequest authorization) {
		if (authorization == null || request.getParameter("confirm") == null) {
			return authorization;
		}
		return OAuth2AuthorizationRequest.from(authorization).additionalParameters(parameters -> {
			parameters.put("prompt", "login");
			// and say when it asked (auth_time), which is what proves it here
			parameters.put("max_age", "0");
		}).build();
	}

	private OidcUser signIn(OidcUserRequest request) {
		OidcUser provided = this.provided.loadUser(request);
		ProviderAccounts.SignedIn signedIn = this.accounts.signIn(String.valueOf(provided.getIssuer()),
				provided.getSubject(), provided.getClaims());
		return new ProviderUser(provided, signedIn.user(), signedIn.problem());
	}

	/**
	 * The session keeps the account, as after any other sign-in, and the id token to sign
	 * out at the provider with. Someone with no role yet goes to the page that says so.
	 */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, jakarta.servlet.ServletException {
		ProviderUser principal = (ProviderUser) authentication.getPrincipal();
		CurrentUser user = principal.user();
		String registrationId = ((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId();
		ClientRegistration registration = this.registrations.findByRegistrationId(registrationId);
		String how = "single sign-on (" + ((registration != null) ? registration.getClientName() : registrationId)
				+ ")";
		this.events.signedIn(user, how);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		HttpSession session = request.getSession();
		// a role that needs a second factor, given later, is taken on by this session
		// only
		// if the provider showed it asked for one
		this.sessionRecords.started(request, user.id(), how,
				this.accounts.secondFactorShown(principal.getIdToken().getClaims()));
		RecentProof.signedInThroughProvider(session, user.id(), principal.getIdToken().getAuthenticatedAt());
		session.setAttribute(ID_TOKEN, principal.getIdToken().getTokenValue());
		session.setAttribute(REGISTRATION, registrationId);
		if (user.roles().isEmpty()) {
			if (principal.problem() != null) {
				session.setAttribute(PROBLEM, principal.problem());
			}
			this.requestCache.removeRequest(request, response);
			response.sendRedirect(request.getContextPath() + "/account/no-role");
			return;
		}
		session.removeAttribute(PROBLEM);
		this.toPageAskedFor.onAuthenticationSuccess(request, response, context.getAuthentication());
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		boolean disabled = failure instanceof DisabledException || failure.getCause() instanceof DisabledException;
		LoggerFactory.getLogger(SingleSignOn.class)
			.warn("A sign-in through the organisation's provider was refused ({}) from {}",
					disabled ? "the account is disabled" : failure.getMessage(), request.getRemoteAddr());
		response.sendRedirect(request.getContextPath() + (disabled ? "/login?disabled" : "/login?providerError"));
	}

	/**
	 * Before signing out empties the session: keeps its id token for the provider's
	 * sign-out, on the request.
	 */
	static void rememberIdToken(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			request.setAttribute(ID_TOKEN, session.getAttribute(ID_TOKEN));
			request.setAttribute(REGISTRATION, session.getAttribute(REGISTRATION));
		}
	}

	/**
	 * Where to send someone who signed in through the provider when they sign out here:
	 * the provider's end-session endpoint, which signs them out there too and sends them
	 * back to this service's sign-in page; empty when they did not sign in that way or
	 * the provider has no such endpoint.
	 */
	Optional<String> providerSignOut(HttpServletRequest request) {
		if (!(request.getAttribute(ID_TOKEN) instanceof String idToken)
				|| !(request.getAttribute(REGISTRATION) instanceof String registrationId)) {
			return Optional.empty();
		}
		ClientRegistration registration = this.registrations.findByRegistrationId(registrationId);
		Object endSession = (registration != null)
				? registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint") : null;
		if (endSession == null) {
			return Optional.empty();
		}
		String signedOut = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath() + "/login")
			.replaceQuery("signedOut")
			.build()
			.toUriString();
		return Optional.of(UriComponentsBuilder.fromUriString(endSession.toString())
			.queryParam("id_token_hint", idToken)
			.queryParam("post_logout_redirect_uri", signedOut)
			.encode()
			.build()
			.toUriString());
	}

	/** A provider offered on the sign-in page. */
	record Provider(String registrationId, String name) {

	}

}
