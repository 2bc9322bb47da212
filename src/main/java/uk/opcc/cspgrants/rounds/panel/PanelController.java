package uk.opcc.cspgrants.rounds.panel;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.rounds.RoundStatus;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.applying.ApplicationModel;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.web.DateParts;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The Review Panel's pages for officers (who clerk the panel): its members and the ranked
 * applications with their recommendations; taking the assessed round to the panel on the
 * day it meets, from a page that checks it first; and each application's recommendation
 * and the interests declared in it.
 */
@Controller
@RequestMapping("/rounds/{reference}/panel")
class PanelController {

	private final PanelRecommendations panel;

	private final PanelMembers members;

	PanelController(PanelRecommendations panel, PanelMembers members) {
		this.panel = panel;
		this.members = members;
	}

	@GetMapping
	String paper(@PathVariable String reference, Model model) {
		return paperPage(this.panel.round(reference), model);
	}

	@PostMapping("/members")
	String addMember(@PathVariable String reference, @RequestParam(required = false) String name,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String chair,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RoundView round = this.panel.round(reference);
		try {
			this.members.add(round, name, organisation, "yes".equals(chair), officer);
			redirect.addFlashAttribute("success", name.strip() + " has been added to the panel");
			return "redirect:/rounds/" + round.reference() + "/panel#members";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("member", Map.of("name", (name != null) ? name : "", "organisation",
					(organisation != null) ? organisation : "", "chair", "yes".equals(chair)));
			return paperPage(round, model);
		}
	}

	@PostMapping("/members/{id}/remove")
	String removeMember(@PathVariable String reference, @PathVariable long id,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RoundView round = this.panel.round(reference);
		try {
			this.members.remove(round, id, officer);
			redirect.addFlashAttribute("success", "The member has been taken off the panel");
			return "redirect:/rounds/" + round.reference() + "/panel#members";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return paperPage(round, model);
		}
	}

	@GetMapping("/start")
	String checkStart(@PathVariable String reference, Model model) {
		RoundView round = this.panel.round(reference);
		return startPage(round, DateParts.empty(), round.version(), model);
	}

	@PostMapping("/start")
	String start(@PathVariable String reference, @ModelAttribute("form") StartForm form,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		DateParts meets = (form.meets() != null) ? form.meets() : DateParts.empty();
		try {
			LocalDate meetsOn = meets.toDate("meets", "the date the panel meets");
			RoundView started = this.panel.takeToPanel(reference, form.version(), meetsOn, officer);
			redirect.addFlashAttribute("success", started.reference() + " is at the panel, which meets on "
					+ Dates.day(started.progress().panelMeetsOn()));
			return "redirect:/rounds/" + started.reference() + "/panel";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView now = this.panel.round(reference);
			return startPage(now, meets, refusal.conflict() ? now.version() : form.version(), model);
		}
	}

	@GetMapping("/applications/{application}")
	String recommendation(@PathVariable String reference, @PathVariable String application, Model model) {
		RoundView round = this.panel.round(reference);
		PanelPaper.Row row = this.panel.row(round, application);
		return recommendationPage(round, row, RecommendationForm.of(row.recommendation()), model);
	}

	@PostMapping("/applications/{application}")
	String record(@PathVariable String reference, @PathVariable String application,
			@ModelAttribute("form") RecommendationForm form, @AuthenticationPrincipal CurrentUser officer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RecommendationView recorded = this.panel.record(reference, application, form, officer);
			redirect.addFlashAttribute("success",
					"The panel's recommendation on " + application.toUpperCase() + " has been recorded: "
							+ recorded.outcome().label().toLowerCase()
							+ (recorded.outcome().funds() ? ", " + recorded.funded().format() : ""));
			return "redirect:/rounds/" + this.panel.round(reference).reference() + "/panel";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView round = this.panel.round(reference);
			PanelPaper.Row row = this.panel.row(round, application);
			RecommendationForm kept = (refusal.conflict() && row.recommendation() != null)
					? form.withVersion(row.recommendation().version()) : form;
			return recommendationPage(round, row, kept, model);
		}
	}

	@PostMapping("/applications/{application}/interests")
	String declare(@PathVariable String reference, @PathVariable String application,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) String interest,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RoundView round = this.panel.round(reference);
		PanelPaper.Row row = this.panel.row(round, application);
		try {
			this.members.declare(round, row.application(), memberId, interest, officer);
			redirect.addFlashAttribute("success", "The interest has been recorded");
			return "redirect:/rounds/" + round.reference() + "/panel/applications/" + row.application().reference();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("interestMember", memberId);
			model.addAttribute("interestText", interest);
			return recommendationPage(round, row, RecommendationForm.of(row.recommendation()), model);
		}
	}

	private String paperPage(RoundView round, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("paper", this.panel.paper(round));
		model.addAttribute("membersChange", PanelMembers.changes(round));
		if (!model.containsAttribute("member")) {
			model.addAttribute("member", Map.of("name", "", "organisation", "", "chair", false));
		}
		return "rounds/panel";
	}

	private String startPage(RoundView round, DateParts meets, Long version, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("meets", meets);
		model.addAttribute("version", version);
		model.addAttribute("allowed", round.status().canBecome(RoundStatus.AT_PANEL));
		model.addAttribute("missing",
				round.status() == RoundStatus.ASSESSED ? this.panel.missingBeforePanel(round) : java.util.List.of());
		return "rounds/panel-start";
	}

	private String recommendationPage(RoundView round, PanelPaper.Row row, RecommendationForm form, Model model) {
		ApplicationModel.put(model, round, row.application());
		model.addAttribute("row", row);
		model.addAttribute("form", form);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("members", this.members.of(round));
		model.addAttribute("mayRecord", round.status() == RoundStatus.AT_PANEL);
		model.addAttribute("membersChange", PanelMembers.changes(round));
		return "rounds/panel-application";
	}

	/** The date the panel meets, as typed, and the version of the round read. */
	record StartForm(DateParts meets, Long version) {
	}

}
