package uk.opcc.cspgrants.rounds.applying;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * An officer's decision on whether a submitted application is eligible: the service's
 * checks beside the question, a page to check the decision (the applicant is told a "not
 * eligible"), then the decision recorded from the version read. A refusal shows the
 * question again with what was chosen and typed.
 */
@Controller
@RequestMapping("/rounds/{reference}/applications/{application}/eligibility")
class EligibilityController {

	private final SubmittedApplications submitted;

	private final EligibilityDecisions decisions;

	EligibilityController(SubmittedApplications submitted, EligibilityDecisions decisions) {
		this.submitted = submitted;
		this.decisions = decisions;
	}

	@GetMapping
	String form(@PathVariable String reference, @PathVariable String application, Model model) {
		RoundView round = this.submitted.round(reference);
		ApplicationView shown = this.submitted.one(round, application);
		return form(round, shown, EligibilityForm.of(shown), model);
	}

	@PostMapping
	String check(@PathVariable String reference, @PathVariable String application,
			@RequestParam(required = false) String eligible, @RequestParam(required = false) String reasons,
			@RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
		RoundView round = this.submitted.round(reference);
		ApplicationView shown = this.submitted.one(round, application);
		EligibilityForm form = new EligibilityForm(eligible, reasons, version);
		try {
			this.decisions.validated(round, shown, form.answer());
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return form(round, shown, form, model);
		}
		model.addAttribute("round", round);
		model.addAttribute("grantApplication", shown);
		model.addAttribute("form", form);
		return "rounds/eligibility-check";
	}

	@PostMapping("/confirm")
	String decide(@PathVariable String reference, @PathVariable String application,
			@RequestParam(required = false) String eligible, @RequestParam(required = false) String reasons,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		EligibilityForm form = new EligibilityForm(eligible, reasons, version);
		try {
			ApplicationView decided = this.decisions.decide(reference, application, form.answer(), version, officer);
			redirect.addFlashAttribute("success",
					decided.reference() + " has been found " + decided.status().label().toLowerCase());
			return "redirect:/rounds/" + reference + "/applications/" + decided.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView round = this.submitted.round(reference);
			ApplicationView now = this.submitted.one(round, application);
			return form(round, now, refusal.conflict() ? form.withVersion(now.version()) : form, model);
		}
	}

	private String form(RoundView round, ApplicationView shown, EligibilityForm form, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("grantApplication", shown);
		model.addAttribute("checks", this.decisions.checks(round, shown));
		model.addAttribute("form", form);
		return "rounds/eligibility";
	}

}
