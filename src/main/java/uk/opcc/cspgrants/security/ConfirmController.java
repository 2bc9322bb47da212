package uk.opcc.cspgrants.security;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;

/**
 * "Confirm it is you" ({@link ConfirmItIsYou}): the password typed again, checked like a
 * sign-in's (a wrong one counts towards the lock-out and is in the audit trail), or, for
 * someone who signs in through their organisation, a new sign-in there that asks for
 * their password whatever session the provider has ({@code prompt=login}); for an
 * applicant, who signs in by a link e-mailed each time, a new sign-in by link. Then on to
 * the page they were going to.
 */
@Controller
class ConfirmController {

	private final UserAccountRepository users;

	private final PasswordAgain passwordAgain;

	private final SignInRequestCache requestCache;

	private final ConfirmItIsYou rule;

	private final Clock realTime = Clock.systemUTC();

	ConfirmController(UserAccountRepository users, PasswordAgain passwordAgain, SecondFactorGate gate,
			ConfirmItIsYou rule) {
		this.users = users;
		this.passwordAgain = passwordAgain;
		this.requestCache = gate.requestCache();
		this.rule = rule;
	}

	@GetMapping(ConfirmItIsYou.PAGE)
	String page(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
		model.addAttribute("byLink", user.isApplicant());
		model.addAttribute("throughProvider", !user.isApplicant() && this.users.signsInThroughProvider(user.id()));
		HttpSession session = request.getSession(false);
		model.addAttribute("registration", (session != null) ? session.getAttribute(SingleSignOn.REGISTRATION) : null);
		model.addAttribute("minutes", this.rule.within().toMinutes());
		model.addAttribute("notDone", session != null && session.getAttribute(ConfirmItIsYou.NOT_DONE) != null);
		return "account/confirm";
	}

	@PostMapping(ConfirmItIsYou.PAGE)
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String refusal = refusal(user, password);
		if (refusal != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", Map.of("password", refusal));
			return page(user, request, model);
		}
		HttpSession session = request.getSession();
		RecentProof.confirmed(session, user.id(), this.realTime.instant());
		if (session.getAttribute(ConfirmItIsYou.NOT_DONE) != null) {
			session.removeAttribute(ConfirmItIsYou.NOT_DONE);
			// not a success: the page shows it under Important
			redirect.addFlashAttribute("problem",
					"You have confirmed it is you. What you pressed before was not done: do it again now");
		}
		SavedRequest going = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		return "redirect:" + ((going != null) ? going.getRedirectUrl() : "/");
	}

	/** Why the password typed does not confirm who they are; null when it does. */
	private String refusal(CurrentUser user, String password) {
		if (user.isApplicant()) {
			return "You sign in with a link emailed to you: sign out and sign in with a new link to confirm it is you";
		}
		if (this.users.signsInThroughProvider(user.id())) {
			return "You sign in with your organisation's account: sign in again there to confirm it is you";
		}
		return switch (this.passwordAgain.check(user, password, "confirming it is them")) {
			case EMPTY -> "Enter your password";
			case WRONG -> "The password is not right";
			case LOCKED -> "Too many wrong passwords have been typed for your account: try again in a few minutes";
			case BUSY -> "Too many passwords for your account are being checked at once: try again in a minute";
			case RIGHT -> null;
		};
	}

}
