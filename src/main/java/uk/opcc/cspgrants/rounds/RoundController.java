package uk.opcc.cspgrants.rounds;

import java.time.Clock;
import java.time.LocalDate;

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
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.commissioning.FundingStreams;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.PurchasingRoute;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The grant round pages: a year's rounds, drafting a round, a round with everything about
 * it, and changing a draft's details and themes.
 */
@Controller
@RequestMapping("/rounds")
class RoundController {

	private final RoundManagement management;

	private final Rounds rounds;

	private final FundingStreams streams;

	private final PlanThemes themes;

	private final AuditTrail auditTrail;

	private final Clock clock;

	RoundController(RoundManagement management, Rounds rounds, FundingStreams streams, PlanThemes themes,
			AuditTrail auditTrail, Clock clock) {
		this.management = management;
		this.rounds = rounds;
		this.streams = streams;
		this.themes = themes;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(Dates.UK));
		FinancialYear shown = (year != null && !year.isBlank()) ? FinancialYear.parse(year)
				: this.rounds.years().stream().findFirst().orElse(FinancialYear.of(today));
		model.addAttribute("year", shown);
		model.addAttribute("rows", this.rounds.rounds(shown));
		model.addAttribute("years", FinancialYear.choices(shown, today));
		model.addAttribute("yearsWithRounds", this.rounds.years());
		model.addAttribute("hasStreams", !this.streams.streams(shown).isEmpty());
		model.addAttribute("mayChange", mayChange(user));
		return "rounds/rounds";
	}

	@GetMapping("/new")
	String newRound(@RequestParam(required = false) String year, Model model) {
		FinancialYear financialYear = (year != null && !year.isBlank()) ? FinancialYear.parse(year)
				: FinancialYear.of(LocalDate.now(this.clock.withZone(Dates.UK)));
		return form(financialYear, null, DetailsForm.empty(), model);
	}

	@PostMapping
	String create(@RequestParam String year, @ModelAttribute("form") DetailsForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			RoundView created = this.management.create(financialYear, form.reference(), form.toNewDetails(), user);
			redirect.addFlashAttribute("success", created.reference() + " (" + created.title()
					+ ") has been drafted. Set its criteria and check its scale before it opens");
			return "redirect:/rounds/" + created.reference();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return form(financialYear, null, form, model);
		}
	}

	@GetMapping("/{reference}")
	String show(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user, Model model) {
		RoundView round = this.management.get(reference);
		model.addAttribute("round", round);
		model.addAttribute("mayChange", mayChange(user) && round.status().setupChanges());
		model.addAttribute("mayTakeSteps", mayChange(user));
		model.addAttribute("history", this.auditTrail.historyOf(RoundManagement.AUDIT_TYPE, round.id()));
		return "rounds/round";
	}

	@GetMapping("/{reference}/edit")
	String edit(@PathVariable String reference, Model model) {
		RoundView round = this.management.get(reference);
		return form(round.year(), round, DetailsForm.of(round), model);
	}

	@PostMapping("/{reference}/edit")
	String change(@PathVariable String reference, @ModelAttribute("form") DetailsForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			RoundView changed = this.management.change(reference, form.toDetails(), form.version(), user);
			redirect.addFlashAttribute("success", "The details of " + changed.reference() + " have been saved");
			return "redirect:/rounds/" + changed.reference();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			RoundView now = this.management.get(reference);
			return form(now.year(), now, refusal.conflict() ? form.withVersion(now.version()) : form, model);
		}
	}

	private String form(FinancialYear year, RoundView round, DetailsForm form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("round", round);
		model.addAttribute("form", form);
		model.addAttribute("routes", PurchasingRoute.values());
		model.addAttribute("streams", this.streams.streams(year));
		model.addAttribute("themes", this.themes.themes(year));
		return (round == null) ? "rounds/round-new" : "rounds/round-edit";
	}

	static boolean mayChange(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER);
	}

}
