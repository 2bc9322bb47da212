package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.shared.Money;

/**
 * Officers' pages of a round's submitted applications: the list, and each one's answers.
 */
@Controller
@RequestMapping("/rounds/{reference}/applications")
class RoundApplicationsController {

	private final SubmittedApplications submitted;

	RoundApplicationsController(SubmittedApplications submitted) {
		this.submitted = submitted;
	}

	@GetMapping
	String list(@PathVariable String reference, Model model) {
		RoundView round = this.submitted.round(reference);
		model.addAttribute("round", round);
		List<ApplicationView> applications = this.submitted.of(round);
		model.addAttribute("applications", applications);
		model.addAttribute("total",
				applications.stream().map(ApplicationView::amountRequested).reduce(Money.ZERO, Money::plus));
		model.addAttribute("drafts", this.submitted.drafts(round));
		return "rounds/applications";
	}

	@GetMapping("/{application}")
	String one(@PathVariable String reference, @PathVariable String application, Model model) {
		RoundView round = this.submitted.round(reference);
		ApplicationView shown = this.submitted.one(round, application);
		model.addAttribute("round", round);
		model.addAttribute("grantApplication", shown);
		model.addAttribute("themeName",
				round.themes()
					.stream()
					.filter(theme -> Long.valueOf(theme.id()).equals(shown.themeId()))
					.map(theme -> theme.name())
					.findFirst()
					.orElse(""));
		return "rounds/application";
	}

}
