package uk.opcc.cspgrants.commissioning;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Role;

/**
 * Commissioning's front pages: the years it has anything for, and a year's whole picture
 * (its streams, the formula pots drawn on them, its award schedule's totals and what is
 * left unallocated).
 */
@Controller
@RequestMapping("/commissioning")
class CommissioningController {

	private final CommissioningYears years;

	private final AwardSchedules schedules;

	private final AwardScheduleManagement management;

	private final FundingStreams streams;

	private final PlanThemes themes;

	CommissioningController(CommissioningYears years, AwardSchedules schedules, AwardScheduleManagement management,
			FundingStreams streams, PlanThemes themes) {
		this.years = years;
		this.schedules = schedules;
		this.management = management;
		this.streams = streams;
		this.themes = themes;
	}

	@GetMapping
	String years(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		if (year != null) {
			try {
				return "redirect:/commissioning/" + FinancialYear.parse(year);
			}
			catch (IllegalArgumentException notAYear) {
				// told on the field, with what was typed kept
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("errors", Map.of("year", notAYear.getMessage()));
				model.addAttribute("typedYear", year);
			}
		}
		model.addAttribute("years", this.years.years());
		model.addAttribute("mayEdit", user.hasAny(Role.ADMIN, Role.OFFICER));
		return "commissioning/years";
	}

	@GetMapping("/{year}")
	String year(@PathVariable String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Optional<ScheduleView> schedule = this.schedules.schedule(financialYear);
		model.addAttribute("year", financialYear);
		model.addAttribute("schedule", schedule.orElse(null));
		model.addAttribute("streams", this.streams.streams(financialYear));
		model.addAttribute("themes", this.themes.themes(financialYear));
		model.addAttribute("totals", this.management.totals(financialYear, schedule.orElseGet(() -> new ScheduleView(0,
				financialYear, "", ScheduleStatus.DRAFT, java.math.BigDecimal.ZERO, null, 0, java.util.List.of()))));
		model.addAttribute("mayEdit", user.hasAny(Role.ADMIN, Role.OFFICER));
		return "commissioning/year";
	}

}
