package uk.opcc.cspgrants.security;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Between the password and the second factor. A right password of an account that needs a
 * second factor does not sign in: the session remembers, for five minutes, whose password
 * it was, and the person is asked for a code (or to set up the app, the first time). Only
 * the code signs them in, in a new session id.
 */
final class SecondFactorGate implements AuthenticationSuccessHandler {

	static final String PENDING = SecondFactorGate.class.getName() + ".PENDING";

	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	private final SecondFactors factors;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler toPageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SignInRequestCache requestCache;

	private final SignInEvents events;

	private final SessionRecords sessionRecords;

	SecondFactorGate(SecondFactors factors, SignInEvents events, SignInRequestCache requestCache,
			SessionRecords sessionRecords) {
		this.factors = factors;
		this.sessionRecords = sessionRecords;
		this.events = events;
		this.requestCache = requestCache;
		this.toPageAskedFor.setRequestCache(requestCache);
	}

	/** Where the page asked for before signing in is kept. */
	SignInRequestCache requestCache() {
		return this.requestCache;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		// the right password: the username typed before is not kept for the next person
		TypedUsername.forget(request, response);
		if (!this.factors.needed(user)) {
			this.events.signedIn(user, "a password");
			this.sessionRecords.started(request, user.id(), "a password", false);
			this.toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		this.contexts.saveContext(empty, request, response);
		request.getSession().setAttribute(PENDING, new Pending(user.id(), user.getUsername(), Instant.now()));
		response.sendRedirect(request.getContextPath()
				+ (this.factors.status(user.id()).setUp() ? "/login/second-factor" : "/login/second-factor/set-up"));
	}

	/** Whose password was right in this session, if it was in the last five minutes. */
	static Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return Optional.empty();
		}
		if (pending.at().plus(PENDING_FOR).isBefore(Instant.now())) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	/**
	 * Signs in the person whose password was right, now that the second factor is: a new
	 * session id, the session holding the account, and on to the page they asked for.
	 */
	void signIn(CurrentUser user, String how, HttpServletRequest request, HttpServletResponse response,
			boolean toPageAskedFor) throws IOException, ServletException {
		this.events.signedIn(user, how);
		request.getSession().removeAttribute(PENDING);
		request.changeSessionId();
		this.sessionRecords.started(request, user.id(), how, true);
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		if (toPageAskedFor) {
			this.toPageAskedFor.onAuthenticationSuccess(request, response, authentication);
		}
	}

	/** A password that was right, waiting for the second factor. */
	record Pending(long userId, String username, Instant at) implements Serializable {

	}

}
