package uk.opcc.cspgrants.grants;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The grant schedule of a year, one grant's page, and creating grants from an approved
 * run.
 */
@Controller
@RequestMapping("/grants")
class GrantController {

	private final GrantManagement grants;

	GrantController(GrantManagement grants) {
		this.grants = grants;
	}

	@GetMapping
	String schedule(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		FinancialYear shown = (year != null) ? FinancialYear.parse(year) : FinancialYear.of(LocalDate.now());
		List<GrantView> grants = this.grants.grants(shown, user);
		model.addAttribute("year", shown);
		model.addAttribute("years", FinancialYear.choices(shown, LocalDate.now()));
		model.addAttribute("grants", grants);
		model.addAttribute("allocation", grants.stream().map(GrantView::allocation).reduce(Money.ZERO, Money::plus));
		model.addAttribute("carryForward",
				grants.stream().map(GrantView::carryForward).reduce(Money.ZERO, Money::plus));
		model.addAttribute("total", grants.stream().map(GrantView::totalAvailable).reduce(Money.ZERO, Money::plus));
		model.addAttribute("settings", this.grants.settings(shown));
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			model.addAttribute("runsWithoutGrants", this.grants.runsWithoutGrants());
		}
		return "grants/schedule";
	}

	@PostMapping("/from-run")
	String createFromRun(@RequestParam long runId, RedirectAttributes redirect) {
		try {
			List<GrantView> created = this.grants.createFromRun(runId);
			FinancialYear year = created.isEmpty() ? FinancialYear.of(LocalDate.now()) : created.get(0).year();
			redirect.addFlashAttribute("success",
					"Grants for " + created.size() + " partnerships have been created from run " + runId);
			return "redirect:/grants?year=" + year;
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
			return "redirect:/grants";
		}
	}

	@GetMapping("/{year}/{code}")
	String grant(@PathVariable String year, @PathVariable String code, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		model.addAttribute("year", financialYear);
		model.addAttribute("grant", this.grants.grant(financialYear, code, user));
		return "grants/grant";
	}

	@PostMapping("/{year}/{code}")
	String setHistoric(@PathVariable String year, @PathVariable String code,
			@RequestParam(required = false) String allocation, @RequestParam(required = false) String carryForward,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			this.grants.setHistoric(financialYear, code, money("allocation", allocation),
					money("carryForward", carryForward), note, version);
			redirect.addFlashAttribute("success", "The grant has been saved");
			return "redirect:/grants/" + financialYear + "/" + code;
		}
		catch (ValidationException | ConflictException refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
			return "redirect:/grants/" + financialYear + "/" + code;
		}
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam String year, @RequestParam YearSettings.PaymentProfile paymentProfile,
			@RequestParam String returnDueDays, @RequestParam YearSettings.UnderspendPolicy underspendPolicy,
			@RequestParam long version, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			int days;
			try {
				days = Integer.parseInt(returnDueDays.strip());
			}
			catch (NumberFormatException notANumber) {
				throw new ValidationException("returnDueDays", "Enter the number of days, like 30");
			}
			this.grants.saveSettings(new YearSettings(financialYear, paymentProfile, days, underspendPolicy, version));
			redirect.addFlashAttribute("success", "The settings for " + financialYear + " have been saved");
		}
		catch (ValidationException | ConflictException refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		return "redirect:/grants?year=" + financialYear;
	}

	static Money money(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Money.parse(text);
		}
		catch (InvalidMoneyException refused) {
			throw new ValidationException(field, refused.getMessage());
		}
	}

}
