package uk.opcc.cspgrants.allocation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
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
import uk.opcc.cspgrants.allocation.formula.FormulaException;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.SeparationOfDuties;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/**
 * The allocation pages: formulas, runs, approval, explanations, scenarios and the table.
 */
@Controller
@RequestMapping("/allocations")
class AllocationController {

	private final FormulaManagement formulas;

	private final RunManagement runs;

	private final RenderedFragments fragments;

	private final PartnershipGroupManagement groups;

	private final IndicatorYears indicatorYears;

	private final Clock clock;

	AllocationController(FormulaManagement formulas, RunManagement runs, RenderedFragments fragments,
			PartnershipGroupManagement groups, IndicatorYears indicatorYears, Clock clock) {
		this.clock = clock;
		this.indicatorYears = indicatorYears;
		this.fragments = fragments;
		this.groups = groups;
		this.formulas = formulas;
		this.runs = runs;
	}

	@ModelAttribute("indicatorLabels")
	Map<String, String> indicatorLabels() {
		return IndicatorLabels.builtIn();
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("runs", this.runs.list());
		model.addAttribute("formulas", this.formulas.latestVersions());
		return "allocation/overview";
	}

	@GetMapping("/formulas/new")
	String newFormula(Model model) {
		model.addAttribute("form", new FormulaForm());
		return "allocation/formula";
	}

	@PostMapping("/formulas")
	String createFormula(@ModelAttribute("form") FormulaForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormulaVersionView created = this.formulas.create(form.toDetails());
			redirect.addFlashAttribute("success", created.label() + " has been saved");
			return "redirect:/allocations/formulas/" + created.formulaId();
		}
		catch (ValidationException | ConflictException refused) {
			model.addAttribute("errors", errors(refused, response));
			return "allocation/formula";
		}
	}

	@GetMapping("/formulas/{id}")
	String formula(@PathVariable long id, Model model) {
		List<FormulaVersionView> versions = this.formulas.versionsOf(id);
		model.addAttribute("versions", versions);
		model.addAttribute("form", FormulaForm.from(versions.get(0)));
		return "allocation/formula";
	}

	@PostMapping("/formulas/{id}")
	String changeFormula(@PathVariable long id, @ModelAttribute("form") FormulaForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormulaVersionView changed = this.formulas.change(id, form.toDetails());
			redirect.addFlashAttribute("success", changed.label() + " has been saved");
			return "redirect:/allocations/formulas/" + id;
		}
		catch (ValidationException | ConflictException refused) {
			model.addAttribute("versions", this.formulas.versionsOf(id));
			model.addAttribute("errors", errors(refused, response));
			return "allocation/formula";
		}
	}

	@GetMapping("/runs/new")
	String newRun(Model model) {
		model.addAttribute("form", RunForm.blank());
		return runForm(model);
	}

	private String runForm(Model model) {
		model.addAttribute("formulas", this.formulas.latestVersions());
		model.addAttribute("years", FinancialYear.choices(null, LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		model.addAttribute("indicatorYears", this.indicatorYears.withData());
		model.addAttribute("thisYear", FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)));
		model.addAttribute("purposes", RunPurpose.values());
		offerPartnershipSets(model);
		return "allocation/run-new";
	}

	/**
	 * Runs the formula, once per form: the form sent again (Back and the button again)
	 * makes no second draft but names the one it made.
	 */
	@PostMapping("/runs")
	String createRun(@ModelAttribute("form") RunForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			RunView run = this.runs.create(form.toRequest(), form.token());
			redirect.addFlashAttribute("success", "Formula run " + run.id()
					+ " has been made as a draft. A finance user who did not make it can now approve it.");
			return "redirect:/allocations/runs/" + run.id();
		}
		catch (ValidationException | ConflictException | FormulaException | IllegalArgumentException refused) {
			model.addAttribute("errors", errors(refused, response));
			if (refused instanceof RunManagement.AlreadyMadeException already) {
				model.addAttribute("alreadyMade", (already.runId() != null) ? already.runId()
						: this.runs.madeFromForm(form.token()).orElse(null));
			}
			return runForm(model);
		}
	}

	/** A run; its allocation table never changes, so it is rendered once and kept. */
	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		RunView run = this.runs.get(id, user);
		model.addAttribute("run", run);
		model.addAttribute("table", this.fragments.render("allocation-table " + run.id() + " " + run.createdAt(),
				"allocation/run-table", "table", () -> Map.of("run", run), request, response));
		model.addAttribute("mayApprove", user.has(Role.FINANCE) && run.status() == RunStatus.DRAFT
				&& !SeparationOfDuties.samePerson(run.createdBy(), user.getUsername()));
		model.addAttribute("mayRun", user.hasAny(Role.ADMIN, Role.OFFICER));
		return "allocation/run";
	}

	/**
	 * Asks before a run is approved: what it becomes, and which approved run it replaces
	 * for the year, with when and by whom that one was approved.
	 */
	@GetMapping("/runs/{id}/approve")
	String confirmApprove(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		RunView run = this.runs.get(id, user);
		if (run.status() != RunStatus.DRAFT) {
			return refusedOnTheRunPage(new ConflictException(null, "Formula run " + id + " is "
					+ run.status().label().toLowerCase() + ": only a draft can be approved"), id, user, model, request,
					response);
		}
		if (SeparationOfDuties.samePerson(run.createdBy(), user.getUsername())) {
			return refusedOnTheRunPage(
					new ConflictException(null,
							"You made formula run " + id + ": a finance user who did not make it approves it"),
					id, user, model, request, response);
		}
		model.addAttribute("run", run);
		model.addAttribute("replaces", this.runs.approvedFor(run.year(), run.purpose()).orElse(null));
		return "allocation/approve";
	}

	/**
	 * Approves a run as checked: {@code replaces} is the approved run the check page
	 * named ("none" for none), and if another has been approved since, nothing is done
	 * and the user is told.
	 */
	@PostMapping("/runs/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String replaces,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RunView approved = this.runs.approve(id, user, replaces);
			redirect.addFlashAttribute("success", this.runs.approvedWords(approved));
			return "redirect:/allocations/runs/" + id;
		}
		catch (RuntimeException refused) {
			return refusedOnTheRunPage(refused, id, user, model, request, response);
		}
	}

	/** Asks before a draft is discarded: it cannot be undone. */
	@GetMapping("/runs/{id}/discard")
	String confirmDiscard(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		RunView run = this.runs.get(id, user);
		if (run.status() != RunStatus.DRAFT) {
			return refusedOnTheRunPage(new ConflictException(null, "Formula run " + id + " is "
					+ run.status().label().toLowerCase() + ": only a draft can be discarded"), id, user, model, request,
					response);
		}
		model.addAttribute("run", run);
		return "allocation/discard";
	}

	@PostMapping("/runs/{id}/discard")
	String discard(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.runs.discard(id);
			redirect.addFlashAttribute("success", "Draft formula run " + id
					+ " has been discarded: its figures are deleted and its number is not used again");
			return "redirect:/allocations";
		}
		catch (RuntimeException refused) {
			return refusedOnTheRunPage(refused, id, user, model, request, response);
		}
	}

	/**
	 * The run's page with what was refused in its error summary, sent with 409 (or 400);
	 * a run discarded since has no page, so the refusal is shown on its own.
	 */
	private String refusedOnTheRunPage(RuntimeException refused, long id, CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Refusal refusal = Refusal.show(refused, model, response);
		try {
			return run(id, user, model, request, response);
		}
		catch (NotFoundException discarded) {
			response.setStatus(refusal.status().value());
			model.addAttribute("message", refusal.errors().values().iterator().next());
			return "error/409";
		}
	}

	@GetMapping("/runs/{id}/explain/{code}")
	String explain(@PathVariable long id, @PathVariable String code, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		RunView.Line line = this.runs.explain(id, code, user);
		RunView run = this.runs.get(id, user);
		model.addAttribute("explanation", this.runs.explanation(run, line));
		model.addAttribute("line", line);
		model.addAttribute("run", run);
		return "allocation/explain";
	}

	@GetMapping("/mine")
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Map.Entry<RunView, RunView.Line>> mine = new ArrayList<>();
		for (RunView run : this.runs.approved()) {
			RunView full = this.runs.get(run.id(), user);
			full.lines()
				.stream()
				.filter(line -> user.maySee(line.partnershipId()))
				.forEach(line -> mine.add(Map.entry(full, line)));
		}
		model.addAttribute("mine", mine);
		return "allocation/mine";
	}

	@GetMapping("/runs/{id}/scenario")
	String scenario(@PathVariable long id, @ModelAttribute("form") FormulaForm form,
			@RequestParam(required = false) String compare, @RequestParam(required = false) String partnerships,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RunView run = this.runs.get(id, user);
		model.addAttribute("run", run);
		model.addAttribute("years", this.indicatorYears.withData(run.window().get(run.window().size() - 1)));
		model.addAttribute("chosenPartnerships", (partnerships != null) ? partnerships : ScenarioPartnerships.RUN);
		offerPartnershipSets(model);
		if (compare == null) {
			model.addAttribute("form", FormulaForm.from(run));
			return "allocation/scenario";
		}
		try {
			model.addAttribute("comparison", this.runs.scenario(id, form.potOrNull(), form.toDetails(),
					form.windowEndOrNull(), ScenarioPartnerships.parse(partnerships), user));
		}
		catch (ValidationException | FormulaException | IllegalArgumentException refused) {
			model.addAttribute("errors", errors(refused));
		}
		return "allocation/scenario";
	}

	@PostMapping("/runs/{id}/scenario")
	String saveScenario(@PathVariable long id, @ModelAttribute("form") FormulaForm form,
			@RequestParam(required = false) String partnerships, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RunView saved = this.runs.saveScenario(id, form.potOrNull(), form.toDetails(), form.windowEndOrNull(),
					ScenarioPartnerships.parse(partnerships));
			redirect.addFlashAttribute("success", "The scenario has been saved as draft formula run " + saved.id());
			return "redirect:/allocations/runs/" + saved.id();
		}
		catch (ValidationException | FormulaException | IllegalArgumentException refused) {
			RunView shown = this.runs.get(id, user);
			model.addAttribute("run", shown);
			model.addAttribute("years", this.indicatorYears.withData(shown.window().get(shown.window().size() - 1)));
			model.addAttribute("chosenPartnerships", (partnerships != null) ? partnerships : ScenarioPartnerships.RUN);
			offerPartnershipSets(model);
			model.addAttribute("errors", errors(refused, response));
			return "allocation/scenario";
		}
	}

	@GetMapping("/runs/{id}/sensitivity")
	String sensitivity(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("run", this.runs.get(id, user));
		model.addAttribute("rows", this.runs.sensitivity(id, user));
		return "allocation/sensitivity";
	}

	@GetMapping("/runs/{id}/table.csv")
	ResponseEntity<byte[]> tableCsv(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		RunView run = this.runs.get(id, user);
		return Downloads.attachment(AllocationTable.csv(run).getBytes(StandardCharsets.UTF_8), Downloads.CSV,
				"allocation-run-" + id + ".csv");
	}

	@GetMapping("/runs/{id}/table.xlsx")
	ResponseEntity<byte[]> tableXlsx(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.attachment(AllocationTable.xlsx(this.runs.get(id, user)), Downloads.XLSX,
				"allocation-run-" + id + ".xlsx");
	}

	/** The sets of partnerships a run may cover: every active one, or an active group. */
	private void offerPartnershipSets(Model model) {
		model.addAttribute("allActiveLabel", this.groups.allActiveLabel());
		model.addAttribute("groups", this.groups.list(false));
	}

	/**
	 * The messages of a refused form, with the page's status set: 409 when it clashes
	 * with what is saved, 400 otherwise.
	 */
	private static Map<String, String> errors(RuntimeException refused, HttpServletResponse response) {
		response.setStatus((refused instanceof ConflictException) ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST);
		return errors(refused);
	}

	private static Map<String, String> errors(RuntimeException refused) {
		if (refused instanceof ValidationException validation) {
			return validation.fieldErrors();
		}
		if (refused instanceof ConflictException conflict && conflict.field() != null) {
			return Map.of(conflict.field(), conflict.getMessage());
		}
		return Map.of("form", refused.getMessage());
	}

}
