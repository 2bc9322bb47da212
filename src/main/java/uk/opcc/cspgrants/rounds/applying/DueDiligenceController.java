package uk.opcc.cspgrants.rounds.applying;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The due diligence page of an eligible application: five questions, the overall risk and
 * notes, saved as a whole from the version read; a refusal shows the page again with the
 * answers given.
 */
@Controller
@RequestMapping("/rounds/{reference}/applications/{application}/due-diligence")
class DueDiligenceController {

	private final SubmittedApplications submitted;

	private final DueDiligenceRecords records;

	DueDiligenceController(SubmittedApplications submitted, DueDiligenceRecords records) {
		this.submitted = submitted;
		this.records = records;
	}

	@GetMapping
	String form(@PathVariable String reference, @PathVariable String application, Model model) {
		RoundView round = this.submitted.round(reference);
		ApplicationView shown = this.submitted.one(round, application);
		if (shown.status() != ApplicationStatus.ELIGIBLE) {
			return "redirect:/rounds/" + reference + "/applications/" + shown.reference();
		}
		DueDiligenceForm form = this.records.of(shown).map(DueDiligenceForm::of).orElseGet(DueDiligenceForm::empty);
		return form(round, shown, form, model);
	}

	@PostMapping
	String save(@PathVariable String reference, @PathVariable String application,
			@ModelAttribute("form") DueDiligenceForm form, @AuthenticationPrincipal CurrentUser officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.records.record(reference, application, form.answers(), form.version(), officer);
			redirect.addFlashAttribute("success", "The due diligence on " + application + " has been saved");
			return "redirect:/rounds/" + reference + "/applications/" + application;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView round = this.submitted.round(reference);
			ApplicationView now = this.submitted.one(round, application);
			DueDiligenceForm shown = form;
			if (refusal.conflict()) {
				shown = this.records.of(now).map(recorded -> form.withVersion(recorded.version())).orElse(form);
			}
			return form(round, now, shown, model);
		}
	}

	private String form(RoundView round, ApplicationView shown, DueDiligenceForm form, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("grantApplication", shown);
		model.addAttribute("form", form);
		model.addAttribute("questions", DueDiligenceAnswers.QUESTIONS);
		model.addAttribute("risks", DueDiligenceAnswers.Risk.values());
		return "rounds/due-diligence";
	}

}
