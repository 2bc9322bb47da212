package uk.opcc.cspgrants.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.opcc.cspgrants.shared.Role;

/**
 * Matches a request by a recipient's contact for anything outside the few addresses they
 * may use: their home page, their organisation's returns (pages and the read API) and
 * what everyone may see. Placed first in each chain with {@code denyAll()}, it keeps them
 * from every page meant for the OPCC's staff or a CSP manager, including pages added
 * later that only say "authenticated": what a recipient contact may reach is listed here,
 * not left out elsewhere. Which organisation's returns they see is decided where the data
 * is read ({@code CurrentUser.maySeeOrganisation}).
 */
final class RecipientContactPaths implements RequestMatcher {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final List<RequestMatcher> ALLOWED = List.of(PATHS.matcher("/monitoring/organisations"),
			PATHS.matcher("/monitoring/organisations/**"),
			PATHS.matcher(HttpMethod.GET, "/api/v1/returns/organisations"),
			PATHS.matcher(HttpMethod.GET, "/api/v1/returns/organisations/**"), PATHS.matcher("/logout"));

	@Override
	public boolean matches(HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || signedIn.getAuthorities()
			.stream()
			.noneMatch(authority -> Role.RECIPIENT.authority().equals(authority.getAuthority()))) {
			return false;
		}
		return ALLOWED.stream().noneMatch(allowed -> allowed.matches(request));
	}

}
