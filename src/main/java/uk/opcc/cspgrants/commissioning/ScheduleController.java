package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
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
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.organisations.OrganisationDirectory;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The award schedule of a year: the schedule by recipient with its totals and what is
 * unallocated; opening it; adding, changing and (after a check page) removing a line;
 * setting its tolerance. A refused change shows the page again with what was typed and
 * the message on its field (400), or with who changed the schedule first (409).
 */
@Controller
@RequestMapping("/commissioning/{year}/schedule")
class ScheduleController {

	private final AwardScheduleManagement management;

	private final AwardSchedules schedules;

	private final FundingStreams streams;

	private final PlanThemes themes;

	private final OrganisationDirectory organisations;

	private final CommissioningYears choices;

	private final AuditTrail auditTrail;

	ScheduleController(AwardScheduleManagement management, AwardSchedules schedules, FundingStreams streams,
			PlanThemes themes, OrganisationDirectory organisations, CommissioningYears choices, AuditTrail auditTrail) {
		this.management = management;
		this.schedules = schedules;
		this.streams = streams;
		this.themes = themes;
		this.organisations = organisations;
		this.choices = choices;
		this.auditTrail = auditTrail;
	}

	@GetMapping
	String schedule(@PathVariable String year, @AuthenticationPrincipal CurrentUser user, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		model.addAttribute("year", financialYear);
		boolean mayEdit = user.hasAny(Role.ADMIN, Role.OFFICER);
		model.addAttribute("mayEdit", mayEdit);
		this.schedules.schedule(financialYear).ifPresent(schedule -> {
			model.addAttribute("schedule", schedule);
			model.addAttribute("totals", this.management.totals(financialYear, schedule));
			if (mayEdit) {
				model.addAttribute("history",
						this.auditTrail.historyOf(AwardScheduleManagement.AUDIT_TYPE, schedule.id()));
			}
		});
		return "commissioning/schedule";
	}

	@GetMapping("/new")
	String openPage(@PathVariable String year, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		if (this.schedules.schedule(financialYear).isPresent()) {
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		return openPage(financialYear, "Police and Crime Commissioner funding allocations for " + financialYear, "0",
				model);
	}

	@PostMapping("/new")
	String open(@PathVariable String year, @RequestParam(required = false) String title,
			@RequestParam(required = false) String tolerancePercent, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			this.management.open(financialYear, title, percent(tolerancePercent), user);
			redirect.addFlashAttribute("success", "The " + financialYear + " award schedule has been opened");
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return openPage(financialYear, title, tolerancePercent, model);
		}
	}

	@GetMapping("/lines/new")
	String newLine(@PathVariable String year, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		ScheduleView schedule = schedule(financialYear);
		return linePage(financialYear, schedule, null, LineForm.empty(schedule.version()), model);
	}

	@PostMapping("/lines")
	String addLine(@PathVariable String year, @ModelAttribute("form") LineForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			AwardLineView added = this.management.addLine(financialYear, version(form.version()),
					form.toDraft(financialYear, List.of()), user);
			redirect.addFlashAttribute("success",
					"\"" + added.initiative() + "\" for " + added.organisationName() + " has been added");
			return "redirect:/commissioning/" + financialYear + "/schedule#line-" + added.id();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ScheduleView now = schedule(financialYear);
			return linePage(financialYear, now, null, keptVersion(form, refusal, now), model);
		}
	}

	@GetMapping("/lines/{id}/edit")
	String editLine(@PathVariable String year, @PathVariable("id") long lineId, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		ScheduleView schedule = schedule(financialYear);
		AwardLineView line = line(schedule, lineId);
		return linePage(financialYear, schedule, line, LineForm.of(line, financialYear, schedule.version()), model);
	}

	@PostMapping("/lines/{id}")
	String changeLine(@PathVariable String year, @PathVariable("id") long lineId, @ModelAttribute("form") LineForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		AwardLineView before = line(schedule(financialYear), lineId);
		try {
			AwardLineView changed = this.management.changeLine(financialYear, lineId, version(form.version()),
					form.toDraft(financialYear, before.periods()), user);
			redirect.addFlashAttribute("success", "The changes to \"" + changed.initiative() + "\" have been saved");
			return "redirect:/commissioning/" + financialYear + "/schedule#line-" + lineId;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ScheduleView now = schedule(financialYear);
			return linePage(financialYear, now, line(now, lineId), keptVersion(form, refusal, now), model);
		}
	}

	@GetMapping("/lines/{id}/remove")
	String removePage(@PathVariable String year, @PathVariable("id") long lineId, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		ScheduleView schedule = schedule(financialYear);
		return removePage(financialYear, schedule, line(schedule, lineId), schedule.version(), model);
	}

	@PostMapping("/lines/{id}/remove")
	String remove(@PathVariable String year, @PathVariable("id") long lineId,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		ScheduleView schedule = schedule(financialYear);
		if (schedule.lines().stream().noneMatch(each -> each.id() == lineId)) {
			// gone since the page was read (someone else removed it): the schedule's
			// version says who changed it (409), a line that never was is not found
			this.management.removeLine(financialYear, lineId, version(version), user);
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		AwardLineView line = line(schedule, lineId);
		try {
			this.management.removeLine(financialYear, lineId, version(version), user);
			redirect.addFlashAttribute("success",
					"\"" + line.initiative() + "\" for " + line.organisationName() + " has been removed");
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ScheduleView now = schedule(financialYear);
			return removePage(financialYear, now, line, refusal.conflict() ? now.version() : version, model);
		}
	}

	@GetMapping("/tolerance")
	String tolerancePage(@PathVariable String year, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		ScheduleView schedule = schedule(financialYear);
		return tolerancePage(financialYear, schedule, schedule.tolerancePercent().stripTrailingZeros().toPlainString(),
				schedule.version(), model);
	}

	@PostMapping("/tolerance")
	String setTolerance(@PathVariable String year, @RequestParam(required = false) String tolerancePercent,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			ScheduleView saved = this.management.setTolerance(financialYear, version(version),
					percent(tolerancePercent), user);
			redirect.addFlashAttribute("success", "The tolerance is now "
					+ saved.tolerancePercent().stripTrailingZeros().toPlainString() + "% of the year's streams");
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ScheduleView now = schedule(financialYear);
			return tolerancePage(financialYear, now, tolerancePercent, refusal.conflict() ? now.version() : version,
					model);
		}
	}

	private String openPage(FinancialYear year, String title, String tolerance, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("title", title);
		model.addAttribute("tolerancePercent", tolerance);
		return "commissioning/schedule-new";
	}

	private String linePage(FinancialYear year, ScheduleView schedule, AwardLineView line, LineForm form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("schedule", schedule);
		model.addAttribute("line", line);
		model.addAttribute("form", form);
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("partnerships", this.choices.partnerships());
		model.addAttribute("streams", this.streams.streams(year));
		model.addAttribute("themes", this.themes.themes(year));
		model.addAttribute("statuses", LineStatus.values());
		model.addAttribute("routes", PurchasingRoute.values());
		model.addAttribute("replaceable",
				schedule.lines()
					.stream()
					.filter(other -> line == null || other.id() != line.id())
					.filter(other -> other.counted() || (line != null && other.replacedByLineId() == line.id()))
					.toList());
		model.addAttribute("keptPeriods", (line != null) ? line.periods() : List.of());
		return "commissioning/line";
	}

	private String removePage(FinancialYear year, ScheduleView schedule, AwardLineView line, Long version,
			Model model) {
		model.addAttribute("year", year);
		model.addAttribute("schedule", schedule);
		model.addAttribute("line", line);
		model.addAttribute("version", version);
		model.addAttribute("totals", this.management.totals(year, schedule));
		return "commissioning/line-remove";
	}

	private String tolerancePage(FinancialYear year, ScheduleView schedule, String tolerance, Long version,
			Model model) {
		model.addAttribute("year", year);
		model.addAttribute("schedule", schedule);
		model.addAttribute("tolerancePercent", tolerance);
		model.addAttribute("version", version);
		model.addAttribute("totals", this.management.totals(year, schedule));
		return "commissioning/tolerance";
	}

	/**
	 * After a clash the form carries the version now, so that saving again is possible.
	 */
	private static LineForm keptVersion(LineForm form, Refusal refusal, ScheduleView now) {
		if (!refusal.conflict()) {
			return form;
		}
		return new LineForm(form.section(), form.organisationId(), form.partnershipId(), form.initiative(),
				form.status(), form.streamId(), form.themeId(), form.route(), form.businessCaseRef(),
				form.contractRef(), form.roundRef(), form.inKind(), form.comments(), form.replacesLineId(),
				form.periodKind(), form.firstHalf(), form.secondHalf(), form.statedFrom(), form.statedTo(),
				form.statedAmount(), now.version());
	}

	private ScheduleView schedule(FinancialYear year) {
		return this.schedules.schedule(year)
			.orElseThrow(() -> new NotFoundException("There is no award schedule for " + year));
	}

	private static AwardLineView line(ScheduleView schedule, long lineId) {
		return schedule.lines()
			.stream()
			.filter(line -> line.id() == lineId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					"There is no line " + lineId + " in the " + schedule.year() + " schedule"));
	}

	static long version(Long version) {
		if (version == null) {
			throw new ValidationException("form", "Open the page again: it did not say which version you changed");
		}
		return version;
	}

	static BigDecimal percent(String text) {
		String typed = (text == null) ? "" : text.strip().replace("%", "").strip();
		if (typed.isEmpty()) {
			throw new ValidationException("tolerancePercent", "Enter the tolerance as a percentage, like 10");
		}
		try {
			return new BigDecimal(typed);
		}
		catch (NumberFormatException notANumber) {
			throw new ValidationException("tolerancePercent", "Enter the tolerance as a number, like 10 or 7.5");
		}
	}

}
