package uk.opcc.cspgrants.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.FormErrors;

/**
 * The page where someone signed in changes their own password ({@link OwnPassword}). The
 * session that changed it goes on; every other one ends.
 */
@Controller
class OwnPasswordController {

	static final String PAGE = "/account/password";

	private final OwnPassword passwords;

	OwnPasswordController(OwnPassword passwords) {
		this.passwords = passwords;
	}

	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		PasswordChangeForm form = new PasswordChangeForm();
		form.setVersion(this.passwords.account(user).version());
		model.addAttribute("form", form);
		return show(user, model);
	}

	@PostMapping(PAGE)
	String change(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			boolean first = this.passwords.account(user).toChange();
			this.passwords.change(user, form.getCurrentPassword(), form.getNewPassword(), form.getConfirmPassword(),
					form.getVersion(), request.getSession().getId(), request.getRemoteAddr());
			if (first) {
				redirect.addFlashAttribute("success", "Your password has been changed: only you know it now");
				return "redirect:/";
			}
			redirect.addFlashAttribute("success",
					"Your password has been changed. Any other session signed in to your account has been signed out");
			return "redirect:" + PAGE;
		}
		catch (RuntimeException refusal) {
			if (FormErrors.addTo(result, refusal, response)) {
				model.addAttribute("refused", true);
				form.forgetPasswords();
				if (response.getStatus() == HttpServletResponse.SC_CONFLICT) {
					form.setVersion(this.passwords.account(user).version());
				}
				return show(user, model);
			}
			throw refusal;
		}
	}

	private String show(CurrentUser user, Model model) {
		model.addAttribute("account", this.passwords.account(user));
		return "account/password";
	}

}
