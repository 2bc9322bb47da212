package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Returns for grants to organisations. Officers see every grant's returns of a year by
 * quarter; a recipient's contact sees "Your returns": their own organisation's grants,
 * payments and returns only. A return is one form whose "Continue to submit" saves it and
 * shows a check page; officers accept it, return it for correction or re-open it from a
 * check page that says what will happen. Every successful POST redirects with a message.
 */
@Controller
@RequestMapping("/monitoring/organisations")
class OrganisationReturnController {

	private static final List<String> STEPS = List.of("accept", "return-for-correction", "reopen");

	private final OrganisationReturnManagement returns;

	private final Clock clock;

	OrganisationReturnController(OrganisationReturnManagement returns, Clock clock) {
		this.returns = returns;
		this.clock = clock;
	}

	@GetMapping
	String year(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		List<FinancialYear> years = this.returns.years(user);
		FinancialYear shown = shown(year, years);
		model.addAttribute("year", shown);
		model.addAttribute("years", years.contains(shown) ? years
				: java.util.stream.Stream.concat(years.stream(), java.util.stream.Stream.of(shown)).toList());
		model.addAttribute("rows", this.returns.year(shown, user));
		return "monitoring/organisations";
	}

	@GetMapping("/{id}/{quarter}")
	String show(@PathVariable("id") long grantId, @PathVariable String quarter,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		OrganisationReturnView view = this.returns.get(grantId, Quarter.parse(quarter), user);
		model.addAttribute("form", OrganisationReturnForm.from(view));
		model.addAttribute("view", view);
		return "monitoring/organisation-return";
	}

	/**
	 * Saves what is on screen: as a draft, or ({@code action=submit}) before the check
	 * page. A refusal shows the form again with the messages and what was typed.
	 */
	@PostMapping("/{id}/{quarter}")
	String save(@PathVariable("id") long grantId, @PathVariable String quarter,
			@ModelAttribute("form") OrganisationReturnForm form, @RequestParam(required = false) String action,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Quarter q = Quarter.parse(quarter);
		try {
			OrganisationReturnView saved = this.returns.save(grantId, q, form.toDetails(), user);
			if ("submit".equals(action)) {
				return "redirect:" + path(saved) + "/check";
			}
			redirect.addFlashAttribute("success", "The " + q + " return has been saved as a draft");
			return "redirect:" + path(saved);
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			OrganisationReturnView current = this.returns.get(grantId, q, user);
			if (refusal.conflict()) {
				model.addAttribute("current", current);
			}
			model.addAttribute("view", current);
			return "monitoring/organisation-return";
		}
	}

	/** Check your answers before submitting. */
	@GetMapping("/{id}/{quarter}/check")
	String check(@PathVariable("id") long grantId, @PathVariable String quarter,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		OrganisationReturnView view = this.returns.get(grantId, Quarter.parse(quarter), user);
		if (!view.started() || !view.status().editable()) {
			return "redirect:" + path(view);
		}
		model.addAttribute("view", view);
		return "monitoring/organisation-check";
	}

	@PostMapping("/{id}/{quarter}/submit")
	String submit(@PathVariable("id") long grantId, @PathVariable String quarter,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Quarter q = Quarter.parse(quarter);
		try {
			OrganisationReturnView submitted = this.returns.submit(grantId, q, version, user);
			redirect.addFlashAttribute("success", "The " + q + " return of " + submitted.organisationName()
					+ " has been submitted. The OPCC will accept it or return it for correction.");
			return "redirect:" + path(submitted);
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("view", this.returns.get(grantId, q, user));
			return "monitoring/organisation-check";
		}
	}

	/**
	 * An officer's step, shown first: what accepting, returning or re-opening will do.
	 */
	@GetMapping("/{id}/{quarter}/{action}")
	String stepCheck(@PathVariable("id") long grantId, @PathVariable String quarter, @PathVariable String action,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		if (!STEPS.contains(action)) {
			throw new NotFoundException("There is no such step: " + action);
		}
		model.addAttribute("view", this.returns.get(grantId, Quarter.parse(quarter), user));
		model.addAttribute("action", action);
		return "monitoring/organisation-step";
	}

	@PostMapping("/{id}/{quarter}/{action}")
	String step(@PathVariable("id") long grantId, @PathVariable String quarter, @PathVariable String action,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Quarter q = Quarter.parse(quarter);
		try {
			OrganisationReturnView moved = switch (action) {
				case "accept" -> this.returns.accept(grantId, q, version, user);
				case "return-for-correction" -> this.returns.returnForCorrection(grantId, q, reason, user);
				case "reopen" -> this.returns.reopen(grantId, q, reason, user);
				default -> throw new NotFoundException("There is no such step: " + action);
			};
			redirect.addFlashAttribute("success", "The " + q + " return of " + moved.organisationName() + " is now "
					+ moved.status().label().toLowerCase());
			return "redirect:" + path(moved);
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("view", this.returns.get(grantId, q, user));
			model.addAttribute("action", action);
			model.addAttribute("typedReason", (reason != null) ? reason : "");
			return "monitoring/organisation-step";
		}
	}

	private FinancialYear shown(String year, List<FinancialYear> years) {
		if (year != null && !year.isBlank()) {
			try {
				return FinancialYear.parse(year);
			}
			catch (IllegalArgumentException notAYear) {
				// the latest year with grants instead
			}
		}
		return years.isEmpty() ? FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)) : years.get(0);
	}

	static String path(OrganisationReturnView view) {
		return "/monitoring/organisations/" + view.grantId() + "/" + view.quarter();
	}

}
