package uk.opcc.cspgrants.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The Commissioner's decision, in three steps: a page that says what deciding will do
 * (the grants a Supported decision creates, and that a decided record never changes) with
 * the decision form, the decision itself, and a confirmation of what it did.
 */
@Controller
@RequestMapping("/decisions/{reference}")
class DecidePages {

	private final DecisionManagement decisions;

	private final DecisionConsequences consequences;

	private final People people;

	private final Clock clock;

	DecidePages(DecisionManagement decisions, DecisionConsequences consequences, People people, Clock clock) {
		this.clock = clock;
		this.decisions = decisions;
		this.consequences = consequences;
		this.people = people;
	}

	@GetMapping("/decide")
	String check(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user, Model model) {
		requireCommissioner(user);
		DecisionView record = this.decisions.get(reference);
		if (record.status() == DecisionStatus.DECIDED) {
			return "redirect:/decisions/" + record.reference() + "/decided";
		}
		if (record.status() != DecisionStatus.PUBLICATION_DECIDED) {
			return "redirect:/decisions/" + record.reference();
		}
		model.addAttribute("typed", Map.of("version", Long.toString(record.version())));
		model.addAttribute("on", DateParts.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		return page(record, model);
	}

	@PostMapping("/decide")
	String decide(@PathVariable String reference, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		requireCommissioner(user);
		Map<String, String> read = new LinkedHashMap<>();
		try {
			DecisionView decided = this.decisions.decide(reference, version(form),
					DecisionForms.choice(Outcome.class, form.get("decision"), "decision",
							"Choose Supported or Not supported"),
					DecisionForms.date(form, "on", "the date of the decision", read), form.get("comment"), user);
			return "redirect:/decisions/" + decided.reference() + "/decided";
		}
		catch (RuntimeException refused) {
			DecisionController.refuse(refused, read, DecisionForms.DECIDE, model, response);
			model.addAttribute("typed", form);
			model.addAttribute("on", DecisionForms.dateParts(form, "on"));
			return page(this.decisions.get(reference), model);
		}
	}

	@GetMapping("/decided")
	String decided(@PathVariable String reference, Model model) {
		DecisionView record = this.decisions.get(reference);
		if (record.status() != DecisionStatus.DECIDED) {
			return "redirect:/decisions/" + record.reference();
		}
		model.addAttribute("record", record);
		model.addAttribute("effect", this.consequences.of(record));
		model.addAttribute("decidedBy", People.nameOf(this.people.names(), record.decision().by()));
		return "decision/decided";
	}

	private String page(DecisionView record, Model model) {
		model.addAttribute("record", record);
		model.addAttribute("effect", this.consequences.of(record));
		return "decision/decide";
	}

	private static Long version(Map<String, String> form) {
		String version = form.get("version");
		if (version == null || !version.strip().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(version.strip());
	}

	private static void requireCommissioner(CurrentUser user) {
		if (!user.has(Role.COMMISSIONER)) {
			throw new AccessDeniedException("Only the Commissioner decides a record");
		}
	}

}
