package uk.opcc.cspgrants.commissioning;

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
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.decision.SimpleText;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Putting a year's award schedule to the Commissioner: a check page showing the decision
 * record that will be drafted (its words, the funding streams, what a Supported decision
 * makes, the schedule as its attached table); confirming drafts it and attaches the
 * schedule, once, then shows the record.
 */
@Controller
@RequestMapping("/commissioning/{year}/schedule/decision")
class ScheduleDecisionController {

	private final ScheduleDecisions decisions;

	ScheduleDecisionController(ScheduleDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping
	String check(@PathVariable String year, Model model) {
		ScheduleDecisionProposal proposal = this.decisions.proposal(FinancialYear.parse(year));
		return page(proposal, proposal.schedule().version(), model);
	}

	@PostMapping
	String draft(@PathVariable String year, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			DecisionView record = this.decisions.draft(financialYear, version, user);
			redirect.addFlashAttribute("success",
					"The award schedule " + financialYear + " is attached to decision record " + record.reference()
							+ ". Check its words, then it goes to finance to be consulted.");
			return "redirect:/decisions/" + record.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ScheduleDecisionProposal now = this.decisions.proposal(financialYear);
			return page(now, refusal.conflict() ? Long.valueOf(now.schedule().version()) : version, model);
		}
	}

	private static String page(ScheduleDecisionProposal proposal, Long version, Model model) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("year", proposal.schedule().year());
		model.addAttribute("version", version);
		model.addAttribute("summaryHtml", SimpleText.toHtml(proposal.draft().summary()));
		model.addAttribute("recommendationsHtml", SimpleText.toHtml(proposal.draft().recommendations()));
		model.addAttribute("implicationsHtml", SimpleText.toHtml(proposal.draft().financialImplications()));
		return "commissioning/schedule-decision";
	}

}
