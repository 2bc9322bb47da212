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
 * Matches a request by someone holding a sole role (a recipient's contact, an applicant,
 * a themed reviewer) for anything outside the few addresses that role may use. Placed
 * first in each chain with {@code denyAll()}, right after what everyone may see, it keeps
 * them from every page and endpoint meant for the OPCC's staff or a CSP manager,
 * including those added later that only say "authenticated": what such a person may reach
 * is listed here, not left out elsewhere. Whose data they see is decided where the data
 * is read ({@code CurrentUser.maySeeOrganisation}, an applicant's own account).
 */
final class SoleRolePaths implements RequestMatcher {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/** Setting up, or turning off, one's own second factor. */
	private static final String SECOND_FACTOR = "/account/second-factor";

	private final Role role;

	private final List<RequestMatcher> allowed;

	private SoleRolePaths(Role role, List<RequestMatcher> allowed) {
		this.role = role;
		this.allowed = allowed;
	}

	/**
	 * A recipient's contact: their organisation's returns (pages and the read API), their
	 * password, second factor and sessions, and signing out.
	 */
	static SoleRolePaths recipientContacts() {
		return new SoleRolePaths(Role.RECIPIENT,
				List.of(PATHS.matcher("/monitoring/organisations"), PATHS.matcher("/monitoring/organisations/**"),
						PATHS.matcher(HttpMethod.GET, "/api/v1/returns/organisations"),
						PATHS.matcher(HttpMethod.GET, "/api/v1/returns/organisations/**"),
						PATHS.matcher("/account/password"), PATHS.matcher(ConfirmItIsYou.PAGE),
						PATHS.matcher(SessionsController.PAGE), PATHS.matcher(SessionsController.PAGE + "/**"),
						PATHS.matcher(SECOND_FACTOR), PATHS.matcher(SECOND_FACTOR + "/**"), PATHS.matcher("/logout")));
	}

	/**
	 * An applicant to a grant round: the pages for applying, their messages (not the
	 * settings: a sign-in link kept in the application instead of e-mailed would lock
	 * them out), their sessions and signing out. No API at all.
	 */
	static SoleRolePaths applicants() {
		return new SoleRolePaths(Role.APPLICANT,
				List.of(PATHS.matcher("/apply"), PATHS.matcher("/apply/**"),
						PATHS.matcher(HttpMethod.GET, "/notifications"),
						PATHS.matcher(HttpMethod.GET, "/notifications/{id:[0-9]+}"),
						PATHS.matcher(HttpMethod.POST, "/notifications/read"), PATHS.matcher(ConfirmItIsYou.PAGE),
						PATHS.matcher(SessionsController.PAGE), PATHS.matcher(SessionsController.PAGE + "/**"),
						PATHS.matcher("/logout")));
	}

	/**
	 * A themed reviewer of grant rounds: their reviews (the pages and the reviewers'
	 * API), their messages, their password, second factor and sessions, and signing out.
	 */
	static SoleRolePaths reviewers() {
		return new SoleRolePaths(Role.REVIEWER,
				List.of(PATHS.matcher("/review"), PATHS.matcher("/review/**"), PATHS.matcher("/api/v1/review"),
						PATHS.matcher("/api/v1/review/**"), PATHS.matcher(HttpMethod.GET, "/notifications"),
						PATHS.matcher(HttpMethod.GET, "/notifications/{id:[0-9]+}"),
						PATHS.matcher(HttpMethod.POST, "/notifications/read"), PATHS.matcher("/account/password"),
						PATHS.matcher(ConfirmItIsYou.PAGE), PATHS.matcher(SessionsController.PAGE),
						PATHS.matcher(SessionsController.PAGE + "/**"), PATHS.matcher(SECOND_FACTOR),
						PATHS.matcher(SECOND_FACTOR + "/**"), PATHS.matcher("/logout")));
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || signedIn.getAuthorities()
			.stream()
			.noneMatch(authority -> this.role.authority().equals(authority.getAuthority()))) {
			return false;
		}
		return this.allowed.stream().noneMatch(allowed -> allowed.matches(request));
	}

}
