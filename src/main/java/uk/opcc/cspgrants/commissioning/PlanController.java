package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * Police and Crime Plan pages: the plans, a new plan with its themes, a plan with its
 * themes (add one, rename one no award links to), and the plan a year commissions
 * against.
 */
@Controller
class PlanController {

	private final PlanManagement plans;

	private final AuditTrail auditTrail;

	PlanController(PlanManagement plans, AuditTrail auditTrail) {
		this.plans = plans;
		this.auditTrail = auditTrail;
	}

	@GetMapping("/commissioning/plans")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("mayChange", mayChange(user));
		return "commissioning/plans";
	}

	@GetMapping("/commissioning/plans/new")
	String newPlan(Model model) {
		return newPage(new PlanForm("", DateParts.empty(), "", false, false), model);
	}

	@PostMapping("/commissioning/plans")
	String create(@ModelAttribute("form") PlanForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			PlanView created = this.plans.create(form.toDetails(), user);
			redirect.addFlashAttribute("success",
					created.name() + " has been added with " + created.themes().size() + " themes");
			return "redirect:/commissioning/plans/" + created.id();
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return newPage(form, model);
		}
	}

	@GetMapping("/commissioning/plans/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return page(this.plans.get(id), user, null, "", null, "", model);
	}

	@PostMapping("/commissioning/plans/{id}/themes")
	String addTheme(@PathVariable long id, @RequestParam(required = false) String themeName,
			@RequestParam(required = false) ThemeKind kind, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			PlanView plan = this.plans.addTheme(id, themeName, kind, version);
			redirect.addFlashAttribute("success",
					"The theme " + themeName.strip() + " has been added to " + plan.name());
			return "redirect:/commissioning/plans/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(this.plans.get(id), user, null, "", version, themeName, model);
		}
	}

	@PostMapping("/commissioning/plans/{id}/themes/rename")
	String renameTheme(@PathVariable long id, @RequestParam long themeId,
			@RequestParam(required = false) String themeName, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			PlanView plan = this.plans.renameTheme(id, themeId, themeName, version);
			redirect.addFlashAttribute("success",
					"The theme is now called " + themeName.strip() + " in " + plan.name());
			return "redirect:/commissioning/plans/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(this.plans.get(id), user, themeId, themeName, version, "", model);
		}
	}

	@GetMapping("/commissioning/{year}/plan")
	String yearPlan(@PathVariable String year, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		PlanManagement.YearPlan current = this.plans.planOf(financialYear).orElse(null);
		return yearPage(financialYear, current, (current != null) ? current.planId() : null,
				(current != null) ? current.version() : null, model);
	}

	@PostMapping("/commissioning/{year}/plan")
	String adopt(@PathVariable String year, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			PlanManagement.YearPlan adopted = this.plans.adopt(financialYear, planId, version, user);
			redirect.addFlashAttribute("success", financialYear + " now commissions against " + adopted.planName());
			return "redirect:/commissioning/" + financialYear + "/streams";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			PlanManagement.YearPlan current = this.plans.planOf(financialYear).orElse(null);
			Long kept = (refusal.conflict() && current != null) ? Long.valueOf(current.version()) : version;
			return yearPage(financialYear, current, planId, kept, model);
		}
	}

	private String yearPage(FinancialYear year, PlanManagement.YearPlan current, Long chosen, Long version,
			Model model) {
		model.addAttribute("year", year);
		model.addAttribute("current", current);
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("chosen", chosen);
		model.addAttribute("version", version);
		return "commissioning/year-plan";
	}

	private String page(PlanView plan, CurrentUser user, Long renaming, String renameTo, Long version, String newTheme,
			Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("mayChange", mayChange(user));
		model.addAttribute("renaming", renaming);
		model.addAttribute("renameTo", renameTo);
		model.addAttribute("newTheme", newTheme);
		model.addAttribute("version", (version != null) ? version : plan.version());
		model.addAttribute("kinds", ThemeKind.values());
		if (mayChange(user)) {
			model.addAttribute("history", this.auditTrail.historyOf(PlanManagement.AUDIT_TYPE, plan.id()));
		}
		return "commissioning/plan";
	}

	private String newPage(PlanForm form, Model model) {
		model.addAttribute("form", form);
		return "commissioning/plan-new";
	}

	private static boolean mayChange(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER);
	}

	/** The new-plan form, as typed. */
	record PlanForm(String name, DateParts publishedOn, String priorities, Boolean allThemes, Boolean discretionary) {

		PlanForm {
			publishedOn = (publishedOn != null) ? publishedOn : DateParts.empty();
		}

		PlanDetails toDetails() {
			LocalDate published = null;
			Map<String, String> errors = new LinkedHashMap<>();
			try {
				published = this.publishedOn.toDateOrNull("publishedOn", "the date the plan was published");
			}
			catch (ValidationException refused) {
				errors.putAll(refused.fieldErrors());
			}
			PlanDetails details = new PlanDetails(this.name, published, this.priorities,
					Boolean.TRUE.equals(this.allThemes), Boolean.TRUE.equals(this.discretionary));
			try {
				details.check();
			}
			catch (ValidationException refused) {
				Map<String, String> all = new LinkedHashMap<>();
				if (refused.fieldErrors().containsKey("name")) {
					all.put("name", refused.fieldErrors().get("name"));
				}
				all.putAll(errors);
				all.putAll(refused.fieldErrors());
				throw new ValidationException(all);
			}
			if (!errors.isEmpty()) {
				throw new ValidationException(errors);
			}
			return details;
		}

	}

}
