package uk.opcc.cspgrants.grants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.partnership.PartnershipView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.InvalidMoneyException;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/**
 * The grant schedule of a year, one grant's page, and creating grants from an approved
 * run. A refused change shows the page again with the messages on its fields and what was
 * typed (400, or 409 when someone else saved first).
 */
@Controller
@RequestMapping("/grants")
class GrantController {

	private final GrantManagement grants;

	private final PartnershipManagement partnerships;

	private final Clock clock;

	private final OrganisationGrants organisationGrants;

	private final AuditTrail auditTrail;

	private final RenderedFragments fragments;

	GrantController(GrantManagement grants, PartnershipManagement partnerships, Clock clock,
			OrganisationGrants organisationGrants, AuditTrail auditTrail, RenderedFragments fragments) {
		this.fragments = fragments;
		this.auditTrail = auditTrail;
		this.organisationGrants = organisationGrants;
		this.grants = grants;
		this.partnerships = partnerships;
		this.clock = clock;
	}

	@GetMapping
	String schedule(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return schedulePage(this.grants.years(year, user, LocalDate.now(this.clock)), user, model, null, request,
				response);
	}

	@PostMapping("/from-run")
	String createFromRun(@RequestParam long runId, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			List<GrantView> created = this.grants.createFromRun(runId);
			FinancialYear year = created.isEmpty()
					? FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK)) : created.get(0).year();
			redirect.addFlashAttribute("success",
					"Grants for " + created.size() + " partnerships have been created from run " + runId);
			return "redirect:/grants?year=" + year;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return schedulePage(this.grants.years(null, user, LocalDate.now(this.clock)), user, model, null, request,
					response);
		}
	}

	@GetMapping("/{year}/{code}")
	String grant(@PathVariable String year, @PathVariable String code, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		// an officer may open a year with no grant yet, to enter a historic allocation
		GrantView grant = user.hasAny(Role.ADMIN, Role.OFFICER) ? this.grants.grantOrEmpty(financialYear, code, user)
				: this.grants.grant(financialYear, code, user);
		model.addAttribute("year", financialYear);
		model.addAttribute("grant", grant);
		model.addAttribute("form",
				historicForm(null, grant.carryForward().amount().toPlainString(), null, grant.version()));
		return "grants/grant";
	}

	@PostMapping("/{year}/{code}")
	String setHistoric(@PathVariable String year, @PathVariable String code,
			@RequestParam(required = false) String allocation, @RequestParam(required = false) String carryForward,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			Map<String, String> unreadable = new LinkedHashMap<>();
			Money allocated = read(unreadable, () -> money("allocation", allocation));
			Money carried = read(unreadable, () -> money("carryForward", carryForward));
			if (!unreadable.isEmpty()) {
				throw new ValidationException(unreadable);
			}
			this.grants.setHistoric(financialYear, code, allocated, carried, note, version);
			redirect.addFlashAttribute("success", "The grant has been saved");
			return "redirect:/grants/" + financialYear + "/" + code;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			GrantView current = this.grants.grantOrEmpty(financialYear, code, user);
			model.addAttribute("year", financialYear);
			model.addAttribute("grant", current);
			model.addAttribute("form", historicForm(allocation, carryForward, note,
					refusal.conflict() ? Long.valueOf(current.version()) : version));
			return "grants/grant";
		}
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam String year, @RequestParam(required = false) String paymentProfile,
			@RequestParam(required = false) String returnDueDays,
			@RequestParam(required = false) String underspendPolicy,
			@RequestParam(required = false) String reminderDays,
			@RequestParam(required = false) String escalateAfterDays,
			@RequestParam(required = false) String holdAfterDays, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("paymentProfile", paymentProfile);
		typed.put("returnDueDays", returnDueDays);
		typed.put("underspendPolicy", underspendPolicy);
		// a field not sent at all (a script that knows only the older fields) keeps what
		// is saved
		YearSettings.Reminders saved = this.grants.settingsAsSaved(financialYear).reminders();
		typed.put("reminderDays", (reminderDays != null) ? reminderDays : saved.daysBeforeText());
		typed.put("escalateAfterDays",
				(escalateAfterDays != null) ? escalateAfterDays : String.valueOf(saved.escalateAfter()));
		typed.put("holdAfterDays", (holdAfterDays != null) ? holdAfterDays : String.valueOf(saved.holdAfter()));
		try {
			Map<String, String> unreadable = new LinkedHashMap<>();
			YearSettings.PaymentProfile profile = read(unreadable, () -> choice(YearSettings.PaymentProfile.class,
					paymentProfile, "paymentProfile", "Choose how grants are paid"));
			Integer dueDays = read(unreadable,
					() -> days("returnDueDays", returnDueDays, "Enter the number of days, like 30"));
			YearSettings.UnderspendPolicy policy = read(unreadable, () -> choice(YearSettings.UnderspendPolicy.class,
					underspendPolicy, "underspendPolicy", "Choose what happens to underspend"));
			List<Integer> before = read(unreadable, () -> dayList(typed.get("reminderDays")));
			Integer escalate = read(unreadable, () -> days("escalateAfterDays", typed.get("escalateAfterDays"),
					"Enter the number of working days, like 5"));
			Integer hold = read(unreadable, () -> days("holdAfterDays", typed.get("holdAfterDays"),
					"Enter the number of working days, like 15"));
			if (!unreadable.isEmpty()) {
				throw new ValidationException(unreadable);
			}
			this.grants.saveSettings(new YearSettings(financialYear, profile, dueDays, policy,
					new YearSettings.Reminders(before, escalate, hold), (version != null) ? version : -1));
			redirect.addFlashAttribute("success", "The settings for " + financialYear + " have been saved");
			return "redirect:/grants?year=" + financialYear;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			YearSettings current = this.grants.settingsAsSaved(financialYear);
			typed.put("version", String.valueOf(refusal.conflict() ? current.version() : version));
			model.addAttribute("settingsConflict", refusal.conflict());
			return schedulePage(this.grants.years(year, user, LocalDate.now(this.clock)), user, model, typed, request,
					response);
		}
	}

	/**
	 * The schedule; its table of grants to the partnerships is rendered once for each
	 * version of the year's grants and of the partnerships and kept (a CSP manager's, of
	 * their own partnership alone, is rendered each time).
	 */
	private String schedulePage(YearsWithGrants years, CurrentUser user, Model model, Map<String, String> typed,
			HttpServletRequest request, HttpServletResponse response) {
		FinancialYear shown = years.shown();
		Long only = user.isLimitedToOnePartnership() ? user.partnershipId() : null;
		boolean none = !this.grants.anyGrants(shown, only);
		YearSettings settings = this.grants.settings(shown);
		model.addAttribute("year", shown);
		model.addAttribute("years", years.choices());
		model.addAttribute("yearsWithGrants", years.withGrants());
		model.addAttribute("noGrants", none);
		if (!none) {
			model.addAttribute("table",
					this.fragments.render(
							"grant-schedule " + shown + " " + this.grants.version(shown) + " "
									+ this.partnerships.version(),
							user, "grants/schedule-table", "table", () -> scheduleTable(shown, user), request,
							response));
		}
		model.addAttribute("settings", settings);
		model.addAttribute("settingsForm",
				(typed != null) ? typed : Map.of("paymentProfile", settings.paymentProfile().name(), "returnDueDays",
						String.valueOf(settings.returnDueDays()), "underspendPolicy",
						settings.underspendPolicy().name(), "reminderDays", settings.reminders().daysBeforeText(),
						"escalateAfterDays", String.valueOf(settings.reminders().escalateAfter()), "holdAfterDays",
						String.valueOf(settings.reminders().holdAfter()), "version",
						String.valueOf(settings.version())));
		if (staff(user)) {
			// grants to organisations other than the CSPs, made from the award schedule:
			// one query
			List<OrganisationGrantSummary> others = this.organisationGrants.summaries(shown);
			model.addAttribute("otherGrants", others);
			model.addAttribute("otherTotal",
					others.stream().map(OrganisationGrantSummary::amount).reduce(Money.ZERO, Money::plus));
			model.addAttribute("otherPaid",
					others.stream().map(OrganisationGrantSummary::paid).reduce(Money.ZERO, Money::plus));
		}
		if (user.hasAny(Role.ADMIN, Role.OFFICER)) {
			model.addAttribute("runsWithoutGrants", this.grants.runsWithoutGrants());
			if (none) {
				model.addAttribute("partnerships",
						this.partnerships.all().stream().filter(PartnershipView::active).toList());
			}
		}
		return "grants/schedule";
	}

	/** What the kept table of grants to the partnerships shows, with its totals. */
	private Map<String, Object> scheduleTable(FinancialYear year, CurrentUser user) {
		List<GrantView> grants = this.grants.grants(year, user);
		return Map.of("year", year, "grants", grants, "allocation",
				grants.stream().map(GrantView::allocation).reduce(Money.ZERO, Money::plus), "carryForward",
				grants.stream().map(GrantView::carryForward).reduce(Money.ZERO, Money::plus), "total",
				grants.stream().map(GrantView::totalAvailable).reduce(Money.ZERO, Money::plus));
	}

	/** A grant to an organisation other than a CSP, with its payments: staff only. */
	@GetMapping("/{year}/organisations/{id}")
	String organisationGrant(@PathVariable String year, @PathVariable long id,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		if (!staff(user)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Grants to other recipients are for the OPCC's staff");
		}
		OrganisationGrantSummary summary = this.organisationGrants.summary(id)
			.filter(found -> found.year().equals(financialYear))
			.orElseThrow(() -> new uk.opcc.cspgrants.shared.NotFoundException(
					"There is no grant " + id + " to an organisation in " + financialYear));
		model.addAttribute("year", financialYear);
		model.addAttribute("summary", summary);
		model.addAttribute("grant", this.organisationGrants.grant(id).orElseThrow());
		model.addAttribute("mayPay", user.has(Role.FINANCE));
		model.addAttribute("history", this.auditTrail.historyOf(OrganisationGrantManagement.AUDIT_TYPE, id));
		return "grants/organisation-grant";
	}

	private static boolean staff(CurrentUser user) {
		return user.hasAny(Role.ADMIN, Role.OFFICER, Role.FINANCE, Role.MONITORING_OFFICER, Role.COMMISSIONER);
	}

	private static Map<String, String> historicForm(String allocation, String carryForward, String note, Long version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("allocation", (allocation != null) ? allocation : "");
		form.put("carryForward", (carryForward != null) ? carryForward : "");
		form.put("note", (note != null) ? note : "");
		form.put("version", (version != null) ? version.toString() : "");
		return form;
	}

	private static int days(String field, String text, String message) {
		try {
			return Integer.parseInt((text == null) ? "" : text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new ValidationException(field, message);
		}
	}

	/** "10, 3" (or "10 3") as a list of numbers of working days. */
	private static List<Integer> dayList(String text) {
		String[] parts = (text == null) ? new String[0] : text.strip().split("[,\\s]+");
		try {
			List<Integer> days = new java.util.ArrayList<>();
			for (String part : parts) {
				days.add(Integer.parseInt(part));
			}
			return days;
		}
		catch (NumberFormatException notANumber) {
			throw new ValidationException("reminderDays",
					"Enter the working days before the due date as numbers separated by commas, like 10, 3");
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String name, String field, String message) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(name)) {
				return value;
			}
		}
		throw new ValidationException(field, message);
	}

	/**
	 * What one field reads as, or null with its message added to {@code errors}: every
	 * field of a form is read before any is refused, so all its mistakes show at once.
	 */
	private static <T> T read(Map<String, String> errors, java.util.function.Supplier<T> field) {
		try {
			return field.get();
		}
		catch (ValidationException refused) {
			refused.fieldErrors().forEach(errors::putIfAbsent);
			return null;
		}
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
