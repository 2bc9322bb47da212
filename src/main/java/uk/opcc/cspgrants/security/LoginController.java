package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;

/**
 * The sign-in page (Spring Security checks the form it posts, and the organisation's
 * provider its own sign-in), and the page for someone signed in who holds no role yet.
 */
@Controller
class LoginController {

	private final SignInProperties signIn;

	private final SingleSignOnProperties signOn;

	private final List<SingleSignOn.Provider> providers;

	private final Duration absoluteTimeout;

	private final SignInThrottle throttle;

	LoginController(SignInProperties signIn, SingleSignOnProperties signOn, SignInProviders providers,
			@Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout, SignInThrottle throttle) {
		this.throttle = throttle;
		this.absoluteTimeout = absoluteTimeout;
		this.signIn = signIn;
		this.signOn = signOn;
		this.providers = providers.all();
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request) {
		boolean refused = request.getParameter("error") != null || request.getParameter("locked") != null
				|| request.getParameter("busy") != null || request.getParameter("missing") != null;
		if (refused) {
			// what was typed, but the password, stays; a lock-out says when it ends
			TypedUsername.read(request).ifPresent(typed -> {
				model.addAttribute("typedUsername", typed);
				if (request.getParameter("locked") != null) {
					this.throttle.lockedUntil(typed)
						.ifPresent(until -> model.addAttribute("lockedUntil", Dates.timeOfDay(until)));
				}
			});
		}
		model.addAttribute("refused", refused);
		model.addAttribute("anyError", refused || request.getParameter("providerError") != null
				|| request.getParameter("disabled") != null || request.getParameter("expired") != null);
		model.addAttribute("lockoutMinutes", this.signIn.lockoutMinutes());
		model.addAttribute("maxFailedAttempts", this.signIn.maxFailedAttempts());
		model.addAttribute("providers", this.providers);
		model.addAttribute("sessionHours", this.absoluteTimeout.toHours());
		// with local accounts off, the password form is only for the break-glass
		// administrator, folded away
		model.addAttribute("passwordsFolded", !this.signOn.localAccounts() && !this.providers.isEmpty());
		return "login";
	}

	/**
	 * Someone who signed in through the organisation's provider before any sign-in
	 * mapping gives them a role: who they are here, and what to ask for.
	 */
	@GetMapping("/account/no-role")
	String noRole(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
		if (!user.roles().isEmpty()) {
			return "redirect:/";
		}
		model.addAttribute("problem", session.getAttribute(SingleSignOn.PROBLEM));
		return "account/no-role";
	}

}
