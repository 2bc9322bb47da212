package uk.opcc.cspgrants.monitoring;

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
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * One quarterly return: one form whose "Save draft" keeps what is typed and whose
 * "Continue to submit" saves what is on screen and shows it on a check-your-answers page;
 * "Submit the return" there submits exactly what was checked and leads to a confirmation.
 * Officers enter returns on a partnership's behalf and accept them or send them back for
 * correction; a CSP manager drafts and submits their own partnership's returns only.
 * Every successful POST redirects, so Back and reload never submit twice.
 */
@Controller
@RequestMapping("/monitoring/returns/{year}/{quarter}/{code}")
class ReturnController {

	private final ReturnManagement returns;

	private final ReturnHistory history;

	ReturnController(ReturnManagement returns, ReturnHistory history) {
		this.returns = returns;
		this.history = history;
	}

	@GetMapping
	String show(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ReturnView view = this.returns.get(FinancialYear.parse(year), Quarter.parse(quarter), code, user);
		model.addAttribute("form", ReturnForm.from(view));
		return page(view, model);
	}

	/**
	 * Saves what is on screen: as a draft, or (with {@code action=submit}) before the
	 * check page. A refusal shows the form again with every message and what was typed.
	 */
	@PostMapping
	String save(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@ModelAttribute("form") ReturnForm form, @RequestParam(required = false) String action,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter q = Quarter.parse(quarter);
		try {
			ReturnView saved = this.returns.save(financialYear, q, code, form.toDetails(), user);
			if ("submit".equals(action)) {
				return "redirect:" + path(saved) + "/check";
			}
			redirect.addFlashAttribute("success", "The " + q + " return has been saved as a draft");
			return "redirect:" + path(saved);
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ReturnView current = this.returns.get(financialYear, q, code, user);
			if (refusal.conflict()) {
				model.addAttribute("current", current);
			}
			form.padActivities();
			return page(current, model);
		}
	}

	/** Check your answers: the figures as they will be submitted, with their flags. */
	@GetMapping("/check")
	String check(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ReturnView view = this.returns.get(FinancialYear.parse(year), Quarter.parse(quarter), code, user);
		if (!view.started() || !view.status().editable()) {
			return "redirect:" + path(view);
		}
		model.addAttribute("view", view);
		return "monitoring/check";
	}

	@PostMapping("/submit")
	String submit(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter q = Quarter.parse(quarter);
		try {
			ReturnView submitted = this.returns.submit(financialYear, q, code, version, user);
			return "redirect:" + path(submitted) + "/submitted";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			model.addAttribute("view", this.returns.get(financialYear, q, code, user));
			return "monitoring/check";
		}
	}

	/** The confirmation: what happened and what happens next. */
	@GetMapping("/submitted")
	String submitted(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ReturnView view = this.returns.get(FinancialYear.parse(year), Quarter.parse(quarter), code, user);
		if (!view.status().received()) {
			return "redirect:" + path(view);
		}
		model.addAttribute("view", view);
		return "monitoring/submitted";
	}

	/** An officer's step: accept, return for correction (with a reason) or re-open. */
	@PostMapping("/{action}")
	String move(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@PathVariable("action") String step, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter q = Quarter.parse(quarter);
		try {
			ReturnView moved = switch (step) {
				case "accept" -> this.returns.accept(financialYear, q, code);
				case "return-for-correction" -> this.returns.returnForCorrection(financialYear, q, code, reason);
				case "reopen" -> this.returns.reopen(financialYear, q, code, reason);
				default -> throw new NotFoundException("There is no such step: " + step);
			};
			redirect.addFlashAttribute("success",
					"The " + q + " return of " + moved.name() + " is now " + moved.status().label().toLowerCase());
			return "redirect:" + path(moved);
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			ReturnView current = this.returns.get(financialYear, q, code, user);
			model.addAttribute("form", ReturnForm.from(current));
			model.addAttribute("typedReason", (reason != null) ? reason : "");
			model.addAttribute("typedAction", step);
			return page(current, model);
		}
	}

	private String page(ReturnView view, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("history", this.history.of(view));
		return "monitoring/return";
	}

	static String path(ReturnView view) {
		return "/monitoring/returns/" + view.year() + "/" + view.quarter() + "/" + view.code();
	}

}
