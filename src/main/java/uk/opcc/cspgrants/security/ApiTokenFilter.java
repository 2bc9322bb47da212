package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Signs an API request in as the user of the token it bears ({@code Authorization: Bearer
 * cspg_…}): one indexed look-up of the token's SHA-256, no password check. A token that
 * does not work is a 401 saying so; a read-only token asking to change something is a
 * 403. Where the organisation's provider's access tokens are accepted, a bearer token
 * that is not one of this service's is checked as one of those
 * ({@link ProviderAccessTokens}). A request without a bearer token goes on to HTTP Basic.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiTokenFilter.class);

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

	private final ApiTokens tokens;

	private final ProviderAccessTokens providerTokens;

	ApiTokenFilter(ApiTokens tokens, ProviderAccessTokens providerTokens) {
		this.tokens = tokens;
		this.providerTokens = providerTokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String presented = header.substring(7).strip();
		if (!presented.startsWith(TokenSecret.PREFIX) && this.providerTokens.accepted()) {
			providerToken(presented, request, response, chain);
			return;
		}
		Optional<ApiTokens.Bearer> bearer = this.tokens.bearer(presented);
		if (bearer.isEmpty()) {
			// never the token itself: a refused one may be a real one mistyped
			log.info("An API token was refused ({} {}) from {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr());
			response.setHeader("WWW-Authenticate", "Bearer realm=\"CSP Grants\", error=\"invalid_token\"");
			problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"The API token is not valid: it may have expired or been revoked, or its account may no longer "
							+ "sign in, or its holder, who signs in through their organisation, may not have signed in "
							+ "here lately.");
			return;
		}
		if (bearer.get().readOnly() && !READING.contains(request.getMethod())) {
			problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"This API token may only read: nothing was changed.");
			return;
		}
		signedInAs(bearer.get().user(), request, response, chain);
	}

	/** A request with the organisation's provider's access token. */
	private void providerToken(String token, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		ProviderAccessTokens.Checked checked = this.providerTokens.check(token);
		if (checked.user() == null) {
			log.info("A provider's access token was refused ({}) from {}", checked.refusal(), request.getRemoteAddr());
			response.setHeader("WWW-Authenticate", "Bearer realm=\"CSP Grants\", error=\"invalid_token\"");
			problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", checked.refusal());
			return;
		}
		if (checked.refusal() != null) {
			problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", checked.refusal());
			return;
		}
		signedInAs(checked.user(), request, response, chain);
	}

	private static void signedInAs(CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
