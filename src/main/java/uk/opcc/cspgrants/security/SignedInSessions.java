package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * Checks a signed-in session on each of its requests against the account as it is now
 * ({@link SignedInSession}): a session of a disabled account, or one whose sessions an
 * administrator ended, or signed in longer ago than the absolute timeout, is ended and
 * sent to sign in again, saying why (a page asked for is opened after signing in); a
 * session whose roles, partnership or organisation changed goes on with the new ones. So
 * taking a role away, or switching off the single sign-on mapping that gave it, closes
 * its pages at once, not at the next sign-in.
 */
final class SignedInSessions extends OncePerRequestFilter {

	private static final List<String> ASSETS = List.of("/assets/", "/webjars/", "/css/", "/js/", "/favicon.ico");

	private static final List<String> SIGNING_IN = List.of("/login", "/oauth2/", "/apply/sign-in", "/apply/link/");

	/** What opens while the password is one an administrator set. */
	private static final List<String> WHILE_PASSWORD_TO_CHANGE = List.of(OwnPasswordController.PAGE, "/logout",
			"/login", "/public", "/error");

	private final SignedInAccounts accounts;

	private final Duration absoluteTimeout;

	private final RequestCache requestCache;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final Clock realTime = Clock.systemUTC();

	private final SecondFactorProperties secondFactors;

	private final SessionRecords records;

	SignedInSessions(SignedInAccounts accounts, Duration absoluteTimeout, SecondFactorProperties secondFactors,
			RequestCache requestCache, SessionRecords records) {
		this.accounts = accounts;
		this.records = records;
		this.secondFactors = secondFactors;
		this.absoluteTimeout = absoluteTimeout;
		this.requestCache = requestCache;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = (session != null) ? SecurityContextHolder.getContext().getAuthentication()
				: null;
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.realTime.instant();
		SignedInSession.Account account = this.accounts.now(user.id());
		SignedInSession signedIn = SignedInSession.of(session, user.id(), now);
		if (account != null && account.sessionsEndedAt() != null && !signedIn.at().isAfter(account.sessionsEndedAt())
				&& account.keeps(session.getId())) {
			// the session in which its person changed the password goes on, as if signed
			// in again just after every other session ended
			signedIn = SignedInSession.started(session, user.id(), account.sessionsEndedAt().plus(1, ChronoUnit.MICROS),
					signedIn.secondFactor(), signedIn.recordId());
			if (signedIn.recordId() != 0) {
				// its record too, so that it stays on the person's list and can be signed
				// out
				this.records.restamped(signedIn.recordId(), signedIn.at());
			}
		}
		switch (signedIn.check(user, account, now, this.absoluteTimeout, this.secondFactors.requiredFor())) {
			case KEEP -> {
				seen(signedIn, now);
				if (!passwordToChangeFirst(request, response, account)) {
					chain.doFilter(request, response);
				}
			}
			case REFRESH -> {
				seen(signedIn, now);
				if (passwordToChangeFirst(request, response, account)) {
					return;
				}
				CurrentUser refreshed = SignedInSession.refreshed(user, account);
				UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken
					.authenticated(refreshed, null, refreshed.getAuthorities());
				replaced.setDetails(authentication.getDetails());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(replaced);
				SecurityContextHolder.setContext(context);
				this.contexts.saveContext(context, request, response);
				chain.doFilter(request, response);
			}
			case ENDED -> end(request, response, chain, user, "ended");
			case SIGNED_OUT_ELSEWHERE -> end(request, response, chain, user, "signedOutElsewhere");
			case TIMED_OUT -> end(request, response, chain, user, "timedOut");
		}
	}

	/**
	 * While the account's password is one an administrator set, every page but Password
	 * (and signing out, and the public pages) sends its person there first: true when
	 * this request was sent.
	 */
	private static boolean passwordToChangeFirst(HttpServletRequest request, HttpServletResponse response,
			SignedInSession.Account account) throws IOException {
		if (account == null || !account.passwordToChange() || account.roles().contains(Role.APPLICANT)) {
			// (an applicant has no password, whatever the flag says)
			return false;
		}
		String path = path(request);
		if (WHILE_PASSWORD_TO_CHANGE.stream().anyMatch(path::startsWith)) {
			return false;
		}
		response.sendRedirect(request.getContextPath() + OwnPasswordController.PAGE);
		return true;
	}

	private void seen(SignedInSession signedIn, Instant now) {
		if (signedIn.recordId() != 0) {
			this.records.seen(signedIn.recordId(), now);
		}
	}

	/**
	 * The application's own files (styles, scripts, images) need no account, and in
	 * production looking one up would read the session from the database for each.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return ASSETS.stream().anyMatch(path::startsWith);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Ends the session and sends its browser to sign in again, to the page that says why;
	 * a page it asked for opens after signing in.
	 */
	private void end(HttpServletRequest request, HttpServletResponse response, FilterChain chain, CurrentUser user,
			String why) throws IOException, ServletException {
		request.getSession().invalidate();
		SecurityContextHolder.clearContext();
		String path = path(request);
		if (SIGNING_IN.stream().anyMatch(path::startsWith)) {
			// signing in (again), with a password, at the provider or by an applicant's
			// link: it goes on, in a new session
			chain.doFilter(request, response);
			return;
		}
		if (user.isApplicant()) {
			// applicants sign in by a link sent to their address
			response.sendRedirect(request.getContextPath() + "/apply/sign-in?" + why);
			return;
		}
		if ("GET".equals(request.getMethod()) && !path.startsWith("/public")) {
			this.requestCache.saveRequest(request, response);
		}
		response.sendRedirect(request.getContextPath() + "/login?" + why);
	}

}
