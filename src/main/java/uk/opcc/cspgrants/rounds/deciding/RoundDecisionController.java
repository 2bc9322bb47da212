package uk.opcc.cspgrants.rounds.deciding;

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
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Putting a round at the panel to the Commissioner: a check page showing the decision
 * record that will be drafted (its words, the panel's recommendations as its table, what
 * a Supported decision makes, what is still missing); confirming drafts it and puts the
 * round in it, once, then shows the record.
 */
@Controller
@RequestMapping("/rounds/{reference}/decision")
class RoundDecisionController {

	private final RoundDecisions decisions;

	RoundDecisionController(RoundDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping
	String check(@PathVariable String reference, Model model) {
		RoundDecisionProposal proposal = this.decisions.proposal(reference);
		return page(proposal, proposal.round().version(), model);
	}

	@PostMapping
	String draft(@PathVariable String reference, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			DecisionView record = this.decisions.draft(reference, version, user);
			redirect.addFlashAttribute("success", "The grant round " + reference + " is in decision record "
					+ record.reference() + ". Check its words, then it goes to finance to be consulted.");
			return "redirect:/decisions/" + record.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundDecisionProposal now = this.decisions.proposal(reference);
			return page(now, refusal.conflict() ? Long.valueOf(now.round().version()) : version, model);
		}
	}

	private static String page(RoundDecisionProposal proposal, Long version, Model model) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("round", proposal.round());
		model.addAttribute("version", version);
		model.addAttribute("summaryHtml", SimpleText.toHtml(proposal.draft().summary()));
		model.addAttribute("recommendationsHtml", SimpleText.toHtml(proposal.draft().recommendations()));
		model.addAttribute("implicationsHtml", SimpleText.toHtml(proposal.draft().financialImplications()));
		return "rounds/decision";
	}

}
