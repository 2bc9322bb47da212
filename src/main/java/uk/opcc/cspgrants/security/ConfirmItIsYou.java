package uk.opcc.cspgrants.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * Before a change to how someone signs in (their API tokens, setting up or turning off
 * their second factor) or to anyone's account (an administrator's users, tokens for
 * others and sign-in mappings), the person must have proved who they are in the last 15
 * minutes (OWASP ASVS 3.7.1): signed in, or typed their password again on
 * {@code /account/confirm}. Otherwise they are sent there first, and back to the page
 * after. A form opened (a page of these shown) while the proof was recent may be sent up
 * to the idle timeout later, so nothing typed is lost to the check; a form sent with no
 * such page opened is not.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmItIsYou implements WebMvcConfigurer {

	/** The pages that change how someone signs in. */
	static final String[] SENSITIVE = { "/account/tokens", "/account/tokens/**", "/account/second-factor/set-up",
			"/account/second-factor/turn-off", "/account/second-factor/recovery-codes", "/admin/users",
			"/admin/users/**", "/admin/tokens", "/admin/tokens/**", "/admin/sign-in-mappings",
			"/admin/sign-in-mappings/**", "/account/sessions/*/end", "/account/sessions/end-others" };

	static final String PAGE = "/account/confirm";

	/**
	 * Pages that are not sensitive to open but hold forms that are: opened while the
	 * proof is recent, their forms may be sent later as a sensitive page's may.
	 */
	static final String[] HOLDING_SENSITIVE_FORMS = { "/account/sessions" };

	/**
	 * Set in the session when a form was sent and not acted on, to be confirmed first:
	 * the confirm page says so, and so does the page after.
	 */
	static final String NOT_DONE = ConfirmItIsYou.class.getName() + ".NOT_DONE";

	private final Duration within;

	private final Duration idle;

	private final SignInRequestCache requestCache;

	private final Clock realTime = Clock.systemUTC();

	ConfirmItIsYou(@Value("${csp-grants.sessions.confirm-within:15m}") Duration within,
			@Value("${server.servlet.session.timeout:30m}") Duration idle, SecondFactorGate gate) {
		this.within = within;
		this.idle = idle;
		this.requestCache = gate.requestCache();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws Exception {
				return check(request, response);
			}

		}).addPathPatterns(SENSITIVE);
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				formsShown(request);
				return true;
			}

		}).addPathPatterns(HOLDING_SENSITIVE_FORMS);
	}

	/**
	 * A page holding sensitive forms is shown: they may be sent later if it is recent.
	 */
	private void formsShown(HttpServletRequest request) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || signedIn == null || !(signedIn.getPrincipal() instanceof CurrentUser user)
				|| !"GET".equals(request.getMethod())) {
			return;
		}
		java.time.Instant now = this.realTime.instant();
		if (RecentProof.recent(session, user.id(), now, this.within)) {
			RecentProof.formOpened(session, user.id(), now);
		}
	}

	/** How long a proof lasts: 15 minutes by default. */
	Duration within() {
		return this.within;
	}

	private boolean check(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || signedIn == null || !(signedIn.getPrincipal() instanceof CurrentUser user)) {
			return true;
		}
		boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		java.time.Instant now = this.realTime.instant();
		if (RecentProof.recent(session, user.id(), now, this.within)) {
			// confirmed (here, or at the organisation's provider): nothing waits to be
			// said
			session.removeAttribute(NOT_DONE);
			if (reading) {
				RecentProof.formOpened(session, user.id(), now);
			}
			return true;
		}
		// a form opened while the proof was recent may be sent until the idle timeout
		if (!reading && RecentProof.formOpenedWithin(session, user.id(), now, this.idle)) {
			return true;
		}
		if (reading) {
			this.requestCache.saveRequest(request, response);
			session.removeAttribute(NOT_DONE);
		}
		else {
			this.requestCache.saveReferringPage(request, response);
			session.setAttribute(NOT_DONE, Boolean.TRUE);
		}
		response.sendRedirect(request.getContextPath() + PAGE);
		return false;
	}

}
