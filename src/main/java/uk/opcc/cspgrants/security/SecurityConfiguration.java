package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import uk.opcc.cspgrants.shared.Role;

/**
 * Who may reach what. Pages use form sign-in with a session; the JSON API under
 * {@code /api/v1} takes an API token ({@code Authorization: Bearer},
 * {@link ApiTokenFilter}) or HTTP Basic for the same users, with no session and no CSRF
 * token. Approvals (formula runs, redistributions) and payments need the finance role
 * here, by address, before any record is looked up: a role that may not approve at all
 * gets 403, never a 404 that tells whether the record exists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] OPEN_TO_ALL = { "/login", "/assets/**", "/webjars/**", "/css/**", "/js/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/how-the-formula-works", "/public/**", "/" };

	/**
	 * The way in for applicants, open to everyone: asking for a sign-in link by e-mail,
	 * the "check your email" page and the page a link opens (which signs in when its
	 * button is pressed).
	 */
	private static final String[] APPLICANTS_SIGNING_IN = { "/apply/sign-in", "/apply/sign-in/sent", "/apply/link/*" };

	/**
	 * Whoever holds any role: what "signed in" means for every page and API call but the
	 * page that tells someone signed in through the organisation's provider that they
	 * hold none yet.
	 */
	private static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

	/** Everyone who works in the OPCC: every role but a CSP manager. */
	private static final String[] STAFF = { "ADMIN", "OFFICER", "FINANCE", "MONITORING_OFFICER", "COMMISSIONER" };

	/**
	 * Who may hold API tokens: the OPCC's staff and CSP managers
	 * ({@link Role#holdsApiTokens()}).
	 */
	private static final String[] TOKEN_HOLDERS = Arrays.stream(Role.values())
		.filter(Role::holdsApiTokens)
		.map(Role::name)
		.toArray(String[]::new);

	/**
	 * The OPCC's staff and recipients' contacts (who see only their own organisation's).
	 */
	private static final String[] STAFF_AND_RECIPIENTS = { "ADMIN", "OFFICER", "FINANCE", "MONITORING_OFFICER",
			"COMMISSIONER", "RECIPIENT" };

	/**
	 * No Micrometer observation around each security filter and authorisation decision:
	 * nothing reads them (only health and info are exposed) and on a 2-core machine they
	 * cost about one request in twenty. Each request is still logged and timed once.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProviderAccessTokens providerTokens,
			SecondFactors secondFactors, SignedInAccounts accounts) throws Exception {
		http.securityMatcher("/api/**")
			.addFilterBefore(new ApiTokenFilter(tokens, providerTokens), BasicAuthenticationFilter.class)
			.addFilterAfter(new BasicNeedsNoSecondFactor(secondFactors, accounts), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(SoleRolePaths.recipientContacts())
				.denyAll()
				.requestMatchers(SoleRolePaths.applicants())
				.denyAll()
				.requestMatchers(SoleRolePaths.reviewers())
				.denyAll()
				.requestMatchers("/api/v1/review", "/api/v1/review/**")
				.hasRole("REVIEWER")
				.requestMatchers(HttpMethod.GET, "/api/v1/returns/organisations", "/api/v1/returns/organisations/**")
				.hasAnyRole(STAFF_AND_RECIPIENTS)
				.requestMatchers(HttpMethod.GET, "/api/v1/partnerships/**")
				.hasAnyRole(ANY_ROLE)
				.requestMatchers("/api/v1/partnerships/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/partnership-groups/**")
				.hasAnyRole(ANY_ROLE)
				.requestMatchers("/api/v1/partnership-groups/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/indicators/**", "/api/v1/harm-weights")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/indicators/**", "/api/v1/harm-weights")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.POST, "/api/v1/formula-runs/*/approve")
				.hasRole("FINANCE")
				.requestMatchers(HttpMethod.GET, "/api/v1/formulas/**", "/api/v1/formula-runs/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/scenarios")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/formulas/**", "/api/v1/formula-runs/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/grants", "/api/v1/returns/**")
				.hasAnyRole(ANY_ROLE)
				.requestMatchers(HttpMethod.GET, "/api/v1/payment-holds", "/api/v1/payment-holds/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/payment-holds/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/payments", "/api/v1/reports/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/payments/organisations/*")
				.hasRole("FINANCE")
				.requestMatchers(HttpMethod.GET, "/api/v1/grants/organisations")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/grants/**", "/api/v1/returns/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers(HttpMethod.POST, "/api/v1/redistributions/*/approve")
				.hasRole("FINANCE")
				.requestMatchers(HttpMethod.POST, "/api/v1/published-splits")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers("/api/v1/published-splits", "/api/v1/published-splits/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/organisations", "/api/v1/organisations/**",
						"/api/v1/commissioning/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/commissioning/*/streams", "/api/v1/commissioning/*/streams/**")
				.hasAnyRole("ADMIN", "OFFICER", "FINANCE")
				.requestMatchers("/api/v1/organisations", "/api/v1/organisations/**", "/api/v1/commissioning/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.requestMatchers("/api/v1/decisions", "/api/v1/decisions/**", "/api/v1/years/**",
						"/api/v1/redistributions", "/api/v1/redistributions/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/rounds", "/api/v1/rounds/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/rounds", "/api/v1/rounds/**")
				.hasAnyRole("ADMIN", "OFFICER")
				.anyRequest()
				.hasAnyRole(ANY_ROLE))
			.httpBasic(basic -> basic.realmName("CSP Grants").authenticationEntryPoint(this::unauthorised))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(this::unauthorised)
				.accessDeniedHandler((request, response, denied) -> problem(response, HttpServletResponse.SC_FORBIDDEN,
						"Forbidden", "Your role does not allow this.")));
		return http.build();
	}

	/**
	 * The Content-Security-Policy of every page: scripts, styles, fonts and images only
	 * from this service, no inline script, and never inside another site's frame.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The API documentation's page (Swagger UI) under the same policy, but for the styles
	 * its script sets inline: its scripts are files of this service like every page's.
	 */
	static final String API_DOCUMENTATION_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	/**
	 * The pages. No session is made for anyone who has not signed in (with several nodes
	 * each session is a row in PostgreSQL, and an anonymous page view used to write one):
	 * the sign-in form's CSRF token is kept in an HttpOnly cookie and sent back in the
	 * form's hidden field, and the page asked for before signing in in a cookie
	 * ({@link SignInRequestCache}). Every redirect names a path, never a host: the
	 * {@code Host} header of a request decides nothing.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Environment environment,
			ObjectProvider<ClientRegistrationRepository> registrations, ProviderAccounts providerAccounts,
			SecondFactorGate secondFactorGate, SignedInAccounts signedInAccounts, SecondFactorProperties secondFactors,
			SignInEvents signInEvents, @Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout,
			SessionRecords sessionRecords) throws Exception {
		boolean production = environment.matchesProfiles("prod");
		boolean secureCookies = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false);
		CookieCsrfTokenRepository csrfTokens = csrfTokens(secureCookies);
		SignInRequestCache requestCache = secondFactorGate.requestCache();
		ClientRegistrationRepository providers = registrations.getIfAvailable();
		SingleSignOn singleSignOn = (providers != null)
				? new SingleSignOn(providers, providerAccounts, requestCache, signInEvents, sessionRecords) : null;
		LoginUrlAuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
		signInPage.setFavorRelativeUris(true);
		// someone not signed in who opens a page for applicants is sent to ask for a link
		LoginUrlAuthenticationEntryPoint applicantSignIn = new LoginUrlAuthenticationEntryPoint("/apply/sign-in");
		applicantSignIn.setFavorRelativeUris(true);
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// signing out of a form sends someone who signed in through the provider on to
		// the
		// provider's sign-out: the browser follows that redirect only if the policy names
		// it
		String contentSecurityPolicy = (singleSignOn != null)
				? CONTENT_SECURITY_POLICY.replace("form-action 'self'",
						"form-action 'self' " + String.join(" ", singleSignOn.signOutOrigins()))
				: CONTENT_SECURITY_POLICY;
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.requestCache(cache -> cache.requestCache(requestCache))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(applicantSignIn,
						new OrRequestMatcher(paths.matcher("/apply"), paths.matcher("/apply/**")))
				.defaultAuthenticationEntryPointFor(signInPage, AnyRequestMatcher.INSTANCE));
		http.headers(headers -> {
			headers.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !apiDocumentation(request),
						new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::apiDocumentation,
						new StaticHeadersWriter("Content-Security-Policy", API_DOCUMENTATION_POLICY)));
			if (production) {
				headers.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
			}
			else {
				headers.httpStrictTransportSecurity(hsts -> hsts.disable());
			}
		});
		http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_TO_ALL)
			.permitAll()
			.requestMatchers(APPLICANTS_SIGNING_IN)
			.permitAll()
			.requestMatchers("/login/second-factor", "/login/second-factor/set-up")
			.permitAll()
			.requestMatchers(SoleRolePaths.recipientContacts())
			.denyAll()
			.requestMatchers(SoleRolePaths.applicants())
			.denyAll()
			.requestMatchers(SoleRolePaths.reviewers())
			.denyAll()
			.requestMatchers("/apply", "/apply/**")
			.hasRole("APPLICANT")
			.requestMatchers("/review", "/review/**")
			.hasRole("REVIEWER")
			.requestMatchers("/monitoring/organisations/*/*/accept",
					"/monitoring/organisations/*/*/return-for-correction", "/monitoring/organisations/*/*/reopen")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.POST, "/monitoring/organisations/**")
			.hasAnyRole("ADMIN", "OFFICER", "RECIPIENT")
			.requestMatchers("/monitoring/organisations/*/*/check")
			.hasAnyRole("ADMIN", "OFFICER", "RECIPIENT")
			.requestMatchers(HttpMethod.GET, "/monitoring/organisations", "/monitoring/organisations/**")
			.hasAnyRole(STAFF_AND_RECIPIENTS)
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/account/no-role")
			.authenticated()
			.requestMatchers("/account/password")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers(ConfirmItIsYou.PAGE)
			.hasAnyRole(ANY_ROLE)
			.requestMatchers("/account/second-factor", "/account/second-factor/**")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers("/account/tokens", "/account/tokens/**")
			.hasAnyRole(TOKEN_HOLDERS)
			.requestMatchers(SessionsController.PAGE, SessionsController.PAGE + "/**")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers("/partnerships/new", "/partnerships/*/edit")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.POST, "/partnerships/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers("/partnership-groups/new", "/partnership-groups/*/edit", "/partnership-groups/*/archive")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.POST, "/partnership-groups/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/indicators", "/indicators/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/indicators/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/allocations/mine", "/allocations/runs/*/explain/*")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers(HttpMethod.POST, "/allocations/runs/*/approve")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.GET, "/allocations/runs/*/approve")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.GET, "/allocations/runs/*/discard")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/allocations", "/allocations/**")
			.hasAnyRole(STAFF)
			.requestMatchers(HttpMethod.POST, "/allocations/check")
			.hasAnyRole(STAFF)
			.requestMatchers("/allocations/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers("/monitoring/returns/*/*/*/check", "/monitoring/returns/*/*/*/submitted")
			.hasAnyRole("ADMIN", "OFFICER", "CSP_MANAGER")
			.requestMatchers(HttpMethod.POST, "/monitoring/returns/*/*/*", "/monitoring/returns/*/*/*/submit")
			.hasAnyRole("ADMIN", "OFFICER", "CSP_MANAGER")
			.requestMatchers("/monitoring/holds/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/monitoring", "/monitoring/payments")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers(HttpMethod.GET, "/grants", "/grants/**", "/monitoring/returns/**")
			.hasAnyRole(ANY_ROLE)
			.requestMatchers(HttpMethod.POST, "/monitoring/payments/**")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.GET, "/monitoring/payments/organisations/*", "/monitoring/payments/*/*")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.GET, "/monitoring", "/monitoring/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/grants/**", "/monitoring/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/organisations/new")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/commissioning/plans/new")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/commissioning/*/streams/new")
			.hasAnyRole("ADMIN", "OFFICER", "FINANCE")
			.requestMatchers(HttpMethod.GET, "/organisations", "/organisations/*", "/commissioning", "/commissioning/*",
					"/commissioning/*/schedule", "/commissioning/*/schedule/export.*", "/commissioning/*/streams",
					"/commissioning/*/streams/*", "/commissioning/plans", "/commissioning/plans/*")
			.hasAnyRole(STAFF)
			.requestMatchers("/commissioning/*/streams/**")
			.hasAnyRole("ADMIN", "OFFICER", "FINANCE")
			.requestMatchers("/organisations/**", "/commissioning/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/rounds/new", "/rounds/*/edit", "/rounds/*/criteria", "/rounds/*/scale")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.GET, "/rounds", "/rounds/*")
			.hasAnyRole(STAFF)
			.requestMatchers("/rounds", "/rounds/**")
			.hasAnyRole("ADMIN", "OFFICER")
			.requestMatchers(HttpMethod.POST, "/redistributions/*/approve")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.GET, "/redistributions/*/approve")
			.hasRole("FINANCE")
			.requestMatchers(HttpMethod.POST, "/underspend/*/close/check")
			.hasRole("FINANCE")
			.requestMatchers("/decisions", "/decisions/**", "/underspend", "/underspend/**", "/redistributions",
					"/redistributions/**")
			.hasAnyRole(STAFF)
			.anyRequest()
			.hasAnyRole(ANY_ROLE))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(secondFactorGate)
				.failureHandler(failureHandler(secureCookies))
				.permitAll())
			.logout(logout -> logout.addLogoutHandler(SingleSignOn::rememberIdToken)
				.addLogoutHandler((request, response, signedOut) -> signedOutHere(request, sessionRecords))
				.logoutSuccessHandler(
						(request, response, signedOut) -> signedOut(request, response, signedOut, singleSignOn))
				.permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		// every signed-in request meets the account as it is now (after signing out,
		// which
		// a session ended here may still do)
		http.addFilterAfter(
				new SignedInSessions(signedInAccounts, absoluteTimeout, secondFactors, requestCache, sessionRecords),
				LogoutFilter.class);
		if (singleSignOn != null) {
			singleSignOn.configure(http);
		}
		return http.build();
	}

	/**
	 * The CSRF token of the pages, kept in an HttpOnly cookie (no session needed before
	 * signing in); also what an applicant's sign-in replaces.
	 */
	static CookieCsrfTokenRepository csrfTokens(boolean secureCookies) {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> {
			cookie.sameSite("Lax");
			if (secureCookies) {
				cookie.secure(true);
			}
		});
		return csrfTokens;
	}

	/**
	 * After signing out: someone who signed in through the organisation's provider signs
	 * out there too (and comes back to the sign-in page); an applicant goes back to the
	 * page where they ask for a link, everyone else to the sign-in page.
	 */
	private static void signedOut(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.Authentication signedOut, SingleSignOn singleSignOn) throws IOException {
		java.util.Optional<String> atProvider = (singleSignOn != null) ? singleSignOn.providerSignOut(request)
				: java.util.Optional.empty();
		if (atProvider.isPresent()) {
			response.sendRedirect(atProvider.get());
			return;
		}
		boolean applicant = signedOut != null && signedOut.getAuthorities()
			.stream()
			.anyMatch(
					authority -> uk.opcc.cspgrants.shared.Role.APPLICANT.authority().equals(authority.getAuthority()));
		response.sendRedirect(request.getContextPath() + (applicant ? "/apply/sign-in?signedOut" : "/login?signedOut"));
	}

	/**
	 * Between the password and the second factor: the sign-in form's success, and what
	 * the second factor's pages sign in with; one cookie-kept record of the page asked
	 * for.
	 */
	@Bean
	SecondFactorGate secondFactorGate(SecondFactors secondFactors, SignInEvents events, Environment environment,
			SessionRecords sessionRecords) {
		return new SecondFactorGate(secondFactors, events,
				new SignInRequestCache(
						environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)),
				sessionRecords);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	ThrottledAuthenticationProvider authenticationProvider(UserAccountRepository users, PasswordEncoder passwordEncoder,
			PasswordAttempts attempts, SingleSignOnProperties signOn, SecondFactors secondFactors,
			SignInEvents events) {
		DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(new AccountLookup(users, signOn));
		passwordCheck.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(passwordCheck, attempts, secondFactors, events);
	}

	private static boolean apiDocumentation(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui");
	}

	/**
	 * Before signing out empties the session: its record is ended, so that it leaves the
	 * person's list of sessions.
	 */
	private static void signedOutHere(HttpServletRequest request, SessionRecords records) {
		long record = SignedInSession.recordIn(request.getSession(false));
		if (record != 0) {
			records.signedOut(record);
		}
	}

	/**
	 * Locked accounts get their own message, and so do passwords not checked as too many
	 * were at once and a username or password left empty; every other failure the same
	 * one. The username typed is kept for the page ({@link TypedUsername}).
	 */
	private static AuthenticationFailureHandler failureHandler(boolean secureCookies) {
		return (request, response, failure) -> {
			TypedUsername.keep(request, response, request.getParameter("username"), secureCookies);
			String why = (failure instanceof LockedException) ? "locked"
					: (failure instanceof ThrottledAuthenticationProvider.Busy) ? "busy"
							: (failure instanceof ThrottledAuthenticationProvider.Missing missing)
									? "missing=" + missing.field() : "error";
			response.sendRedirect(request.getContextPath() + "/login?" + why);
		};
	}

	private void unauthorised(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof ThrottledAuthenticationProvider.Busy) {
			response.setHeader("Retry-After", "10");
			problem(response, 429, "Too Many Requests",
					"Too many passwords of this username are being checked at once. Try again in a few seconds, "
							+ "or use an API token (Authorization: Bearer), which is not slowed like this.");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"CSP Grants\"");
		String detail = (failure instanceof LockedException)
				? "This account is locked after too many failed sign-ins. Try again later."
				: "Sign in with an API token (Authorization: Bearer) or HTTP Basic (a username and password).";
		problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		ApiTokenFilter.problem(response, status, title, detail);
	}

}
