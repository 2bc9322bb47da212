package uk.opcc.cspgrants.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * HTTP Basic is a password alone: an account that signs in with a second factor may not
 * use it, or the API would be a way round the second factor. Such an account's programs
 * use an API token, made after signing in with both. Nor may an account whose password an
 * administrator set, until its person has chosen their own on a page.
 */
final class BasicNeedsNoSecondFactor extends OncePerRequestFilter {

	private final SecondFactors factors;

	private final SignedInAccounts accounts;

	BasicNeedsNoSecondFactor(SecondFactors factors, SignedInAccounts accounts) {
		this.factors = factors;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && authentication != null
				&& authentication.getPrincipal() instanceof CurrentUser user && this.factors.needed(user)) {
			SecurityContextHolder.clearContext();
			response.setHeader("WWW-Authenticate", "Bearer");
			ApiTokenFilter
				.problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", user.mayHoldApiTokens()
						? "This account signs in with a second factor, so HTTP Basic (a password alone) is refused. "
								+ "Make an API token at /account/tokens and send it as Authorization: Bearer."
						: "This account signs in with a second factor, so HTTP Basic (a password alone) is refused, "
								+ "and its role holds no API tokens: turn the second factor off to use the API.");
			return;
		}
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && authentication != null
				&& authentication.getPrincipal() instanceof CurrentUser user) {
			SignedInSession.Account account = this.accounts.now(user.id());
			if (account != null && account.passwordToChange()) {
				SecurityContextHolder.clearContext();
				ApiTokenFilter.problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
						"This account's password was set by an administrator: sign in on a page and choose your own "
								+ "first.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
