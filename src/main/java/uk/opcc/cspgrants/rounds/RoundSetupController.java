package uk.opcc.cspgrants.rounds;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * A draft round's criteria (added, changed and removed in one form, with their weights
 * and total) and its scoring scale.
 */
@Controller
@RequestMapping("/rounds/{reference}")
class RoundSetupController {

	private final RoundManagement management;

	RoundSetupController(RoundManagement management) {
		this.management = management;
	}

	@GetMapping("/criteria")
	String criteria(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return criteriaForm(round, CriteriaForm.of(round), model);
	}

	@PostMapping("/criteria")
	String setCriteria(@PathVariable String reference, @RequestParam MultiValueMap<String, String> sent,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CriteriaForm form = CriteriaForm.from(sent);
		try {
			RoundView changed = this.management.setCriteria(reference, form.toCriteria(), form.version(), user);
			redirect.addFlashAttribute("success", "The " + changed.criteria().size() + " criteria of "
					+ changed.reference() + " have been saved, weighing " + changed.totalWeight() + " between them");
			return "redirect:/rounds/" + changed.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView now = this.management.get(reference);
			return criteriaForm(now, refusal.conflict() ? form.withVersion(now.version()) : form, model);
		}
	}

	@GetMapping("/scale")
	String scale(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return scaleForm(round, ScaleForm.of(round), model);
	}

	@PostMapping("/scale")
	String setScale(@PathVariable String reference, @RequestParam MultiValueMap<String, String> sent,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ScaleForm form = ScaleForm.from(sent);
		try {
			RoundView changed = this.management.setScale(reference, form.toScale(), form.version(), user);
			redirect.addFlashAttribute("success",
					"The scale of " + changed.reference() + " has been saved: 0 to " + changed.scaleMax());
			return "redirect:/rounds/" + changed.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView now = this.management.get(reference);
			return scaleForm(now, refusal.conflict() ? form.withVersion(now.version()) : form, model);
		}
	}

	private String criteriaForm(RoundView round, CriteriaForm form, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("form", form);
		return "rounds/round-criteria";
	}

	private String scaleForm(RoundView round, ScaleForm form, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("form", form);
		model.addAttribute("points", java.util.stream.IntStream.rangeClosed(0, RoundScale.HIGHEST).boxed().toList());
		return "rounds/round-scale";
	}

}
