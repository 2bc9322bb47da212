package uk.opcc.cspgrants.notifications;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * A person chooses how they are told: by e-mail and in CSP Grants or in CSP Grants only,
 * an e-mail for each message or one summary each working day.
 */
@Controller
@RequestMapping("/notifications/settings")
class PreferencesController {

	private final Preferences preferences;

	PreferencesController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		Preferences.Choice choice = this.preferences.of(user.id());
		model.addAttribute("form", PreferencesForm.from(choice));
		model.addAttribute("choice", choice);
		return "notifications/settings";
	}

	@PostMapping
	String save(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") PreferencesForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		// an answer that is not one of the radios' values counts as no answer
		Boolean byEmail = binding.hasFieldErrors("byEmail") ? null : form.byEmail();
		Boolean dailyDigest = binding.hasFieldErrors("dailyDigest") ? null : form.dailyDigest();
		try {
			this.preferences.save(user.id(), byEmail, dailyDigest, form.versionOrNew());
			redirect.addFlashAttribute("success", "Your choices have been saved. They apply to new messages.");
			return "redirect:/notifications/settings";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			Preferences.Choice current = this.preferences.of(user.id());
			model.addAttribute("choice", current);
			PreferencesForm typed = new PreferencesForm(byEmail, dailyDigest, form.versionOrNew());
			// what they chose stays chosen; saving it again now means replacing the
			// choice
			// shown as saved
			model.addAttribute("form", refusal.conflict() ? typed.withVersion(current.version()) : typed);
			model.addAttribute("saved", refusal.conflict() ? current : null);
			return "notifications/settings";
		}
	}

}
