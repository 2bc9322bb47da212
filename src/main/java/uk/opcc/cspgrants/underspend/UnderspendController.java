package uk.opcc.cspgrants.underspend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.allocation.FormulaManagement;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.partnership.PartnershipSet;
import uk.opcc.cspgrants.monitoring.OrganisationReturnManagement;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/**
 * The underspend page of a year, the proposal editor, finance's approval queue and the
 * history.
 */
@Controller
class UnderspendController {

	static final int TOP_SLICE_ROWS = 5;

	private final YearEndManagement yearEnds;

	private final RedistributionManagement redistributions;

	private final FormulaManagement formulas;

	private final PartnershipGroupManagement groups;

	private final Clock clock;

	private final OrganisationReturnManagement organisationReturns;

	private final RenderedFragments fragments;

	UnderspendController(YearEndManagement yearEnds, RedistributionManagement redistributions,
			FormulaManagement formulas, PartnershipGroupManagement groups, Clock clock,
			OrganisationReturnManagement organisationReturns, RenderedFragments fragments) {
		this.fragments = fragments;
		this.clock = clock;
		this.organisationReturns = organisationReturns;
		this.groups = groups;
		this.yearEnds = yearEnds;
		this.redistributions = redistributions;
		this.formulas = formulas;
	}

	/**
	 * A year's underspend: by default the latest year with grants, so that the page opens
	 * on figures; the picker lists the years that have grants.
	 */
	@GetMapping("/underspend")
	String underspend(@RequestParam(required = false) String year, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		FinancialYear shown;
		try {
			shown = (year != null && !year.isBlank()) ? FinancialYear.parse(year) : null;
		}
		catch (IllegalArgumentException notAYear) {
			shown = null;
		}
		if (shown == null) {
			List<FinancialYear> years = this.yearEnds.yearsWithGrants();
			shown = years.isEmpty() ? FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)).previous()
					: years.get(0);
		}
		return yearPage(shown, Map.of(), model, request, response);
	}

	/**
	 * Checks the answers to closing a year and shows what closing it will do; nothing is
	 * closed until that page's button is pressed. A refusal is shown on the year's page,
	 * on its field.
	 */
	@PostMapping("/underspend/{year}/close/check")
	String checkClose(@PathVariable String year, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			YearEnd yearEnd = this.yearEnds.checkClose(financialYear, form.get("missingReason"), user);
			model.addAttribute("yearEnd", yearEnd);
			model.addAttribute("missingReason",
					(form.get("missingReason") != null) ? form.get("missingReason").strip() : "");
			model.addAttribute("carryOverspend", "true".equals(form.get("carryOverspend")));
			return "underspend/close";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return yearPage(financialYear, form, model, request, response);
		}
	}

	@PostMapping("/underspend/{year}/close")
	String close(@PathVariable String year, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			YearEnd closed = this.yearEnds.close(financialYear, form.get("missingReason"),
					"true".equals(form.get("carryOverspend")), user);
			redirect.addFlashAttribute("success", closedWords(closed));
			return "redirect:/underspend?year=" + financialYear;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return yearPage(financialYear, form, model, request, response);
		}
	}

	@PostMapping("/underspend/{year}/reopen")
	String reopen(@PathVariable String year, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			this.yearEnds.reopen(financialYear, form.get("reason"), user);
			redirect.addFlashAttribute("success", financialYear + " has been re-opened");
			return "redirect:/underspend?year=" + financialYear;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return yearPage(financialYear, form, model, request, response);
		}
	}

	/** What closing a year did, for the confirmation. */
	private static String closedWords(YearEnd closed) {
		return closed.year() + " has been closed and its underspend of " + closed.totalUnderspend().format()
				+ " frozen: "
				+ ((closed.policy() == YearSettings.UnderspendPolicy.RETURN_TO_POT)
						? closed.returnedPot().format() + " has been returned to the pot for redistribution."
						: "each partnership's underspend is its carry forward into " + closed.year().next() + ".");
	}

	/**
	 * A year's page; its table of 300 partnerships is rendered once for each version of
	 * what it shows, and kept.
	 */
	private String yearPage(FinancialYear year, Map<String, String> typed, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String version = this.yearEnds.version(year);
		YearEnd yearEnd = this.yearEnds.yearEndShown(year, version);
		model.addAttribute("yearEnd", yearEnd);
		model.addAttribute("table", this.fragments.render("underspend " + year + " " + version, "underspend/year-table",
				"table", () -> Map.of("y", yearEnd), request, response));
		model.addAttribute("organisations", OrganisationUnderspend.of(this.organisationReturns.yearEnd(year)));
		model.addAttribute("years", this.yearEnds.yearsWithGrants());
		model.addAttribute("typed", typed);
		return "underspend/year";
	}

	@GetMapping("/redistributions")
	String history(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("proposals", this.redistributions.list());
		model.addAttribute("awaiting", this.redistributions.awaitingApproval(user));
		return "underspend/redistributions";
	}

	@GetMapping("/redistributions/new")
	String newProposal(@RequestParam(required = false) String year, Model model) {
		model.addAttribute("typed", (year != null) ? Map.of("sourceYear", year) : Map.of());
		return editor(model, null);
	}

	@PostMapping("/redistributions")
	String propose(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RedistributionView created = this.redistributions.propose(checked(form), user);
			redirect.addFlashAttribute("success",
					"Redistribution proposal " + created.id() + " has been saved for finance to approve");
			return "redirect:/redistributions/" + created.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("typed", form);
			return editor(model, null);
		}
	}

	@GetMapping("/redistributions/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("proposal", this.redistributions.get(id));
		return "underspend/redistribution";
	}

	@GetMapping("/redistributions/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("typed", Map.of());
		return editor(model, this.redistributions.get(id));
	}

	@PostMapping("/redistributions/{id}")
	String revise(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.redistributions.revise(id, checked(form), user);
			redirect.addFlashAttribute("success", "The proposal has been revised");
			return "redirect:/redistributions/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("typed", form);
			return editor(model, this.redistributions.get(id));
		}
	}

	/**
	 * Asks before finance approves a proposal: the amounts, the formula run that is
	 * approved with it, and the decision record it drafts.
	 */
	@GetMapping("/redistributions/{id}/approve")
	String confirmApprove(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		RedistributionView proposal = this.redistributions.get(id);
		if (proposal.status() != RedistributionView.Status.DRAFT) {
			Refusal.show(new ConflictException(null, "Redistribution proposal " + id + " is "
					+ proposal.status().label().toLowerCase() + ": only a draft is approved"), model, response);
			return show(id, model);
		}
		if (uk.opcc.cspgrants.shared.SeparationOfDuties.samePerson(proposal.createdBy(), user.getUsername())) {
			Refusal.show(
					new ConflictException(null,
							"You proposed this redistribution: a finance user who did not " + "propose it approves it"),
					model, response);
			return show(id, model);
		}
		model.addAttribute("proposal", proposal);
		return "underspend/approve";
	}

	@PostMapping("/redistributions/{id}/approve")
	String approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			RedistributionView approved = this.redistributions.approve(id, user);
			redirect.addFlashAttribute("success", "Redistribution proposal " + id + " has been approved: formula run "
					+ approved.run().id() + " (" + approved.run().total().format()
					+ ") is approved, and decision record " + approved.decisionReference()
					+ " has been drafted for the proposer to add the key discussion points before the sign-offs");
			return "redirect:/redistributions/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return show(id, model);
		}
	}

	/**
	 * The proposal as typed, with every refusal of the form at once, in the form's order:
	 * what cannot be read (a pot that is not money) and what does not add up (top slices
	 * over the pot) together.
	 */
	private RedistributionRequest checked(Map<String, String> form) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		RedistributionRequest request = request(form, errors);
		errors.putAll(this.redistributions.refusals(request, errors.keySet()));
		if (!errors.isEmpty()) {
			Map<String, String> ordered = new java.util.LinkedHashMap<>();
			FORM_ORDER.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
			errors.forEach(ordered::putIfAbsent);
			throw new ValidationException(ordered);
		}
		return request;
	}

	/** The fields of the proposal form, in the order the page shows them. */
	private static final List<String> FORM_ORDER = List.of("sourceYear", "pot", "potReason", "topSliceBudget",
			"topSlices", "formulaVersionId", PartnershipSet.FIELD, "form");

	private String editor(Model model, RedistributionView proposal) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("sourceYears", this.yearEnds.closedYears());
		model.addAttribute("formulas", this.formulas.latestVersions());
		model.addAttribute("allActiveLabel", this.groups.allActiveLabel());
		model.addAttribute("groups", this.groups.list(false));
		model.addAttribute("rows", TOP_SLICE_ROWS);
		return "underspend/editor";
	}

	static RedistributionRequest request(Map<String, String> form) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		RedistributionRequest request = request(form, errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return request;
	}

	/**
	 * The proposal as typed; what cannot be read is put in {@code errors} by field and
	 * left out of the request.
	 */
	static RedistributionRequest request(Map<String, String> form, Map<String, String> errors) {
		FinancialYear year = null;
		try {
			year = FinancialYear.parse(form.get("sourceYear"));
		}
		catch (IllegalArgumentException notAYear) {
			errors.put("sourceYear", "Choose the year whose underspend is redistributed");
		}
		Money pot = money(form.get("pot"), "pot", errors);
		Money budget = money(form.get("topSliceBudget"), "topSliceBudget", errors);
		List<TopSlice> slices = new ArrayList<>();
		for (int i = 0; i < TOP_SLICE_ROWS; i++) {
			String recipient = form.get("recipient" + i);
			String purpose = form.get("purpose" + i);
			String amount = form.get("amount" + i);
			boolean balance = "on".equals(form.get("balance" + i)) || "true".equals(form.get("balance" + i));
			if (isBlank(recipient) && isBlank(purpose) && isBlank(amount) && !balance) {
				continue;
			}
			slices.add(new TopSlice(recipient, purpose, balance ? null : money(amount, "topSlices", errors), balance));
		}
		Long formula = null;
		if (!isBlank(form.get("formulaVersionId"))) {
			try {
				formula = Long.valueOf(form.get("formulaVersionId").strip());
			}
			catch (NumberFormatException notAFormula) {
				errors.put("formulaVersionId", "Choose the formula from the list");
			}
		}
		Long group = null;
		if (!isBlank(form.get(PartnershipSet.FIELD))) {
			try {
				group = Long.valueOf(form.get(PartnershipSet.FIELD).strip());
			}
			catch (NumberFormatException notAGroup) {
				errors.put(PartnershipSet.FIELD, "Choose the partnerships from the list");
			}
		}
		return new RedistributionRequest(year, pot, form.get("potReason"), budget, slices, formula, null, group);
	}

	private static Money money(String text, String field, Map<String, String> errors) {
		if (isBlank(text)) {
			return null;
		}
		try {
			return Money.parse(text);
		}
		catch (InvalidMoneyException refused) {
			errors.putIfAbsent(field, refused.getMessage());
			return null;
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
