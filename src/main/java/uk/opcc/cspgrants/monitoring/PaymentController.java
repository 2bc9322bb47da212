package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
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
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.OrganisationGrants;
import uk.opcc.cspgrants.grants.OrganisationPaymentRow;
import uk.opcc.cspgrants.grants.YearsWithGrants;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.DateParts;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/**
 * The payments of a year: totals per partnership and a grand total, then each grant's
 * payments, rendered once for each version of what they show (and for what the viewer may
 * do) and kept; finance records a due payment as paid on that payment's own page. A CSP
 * manager sees their own partnership's payments only.
 */
@Controller
@RequestMapping("/monitoring/payments")
class PaymentController {

	private final PaymentManagement payments;

	private final GrantManagement grants;

	private final Clock clock;

	private final PaymentHolds holds;

	private final OrganisationGrants organisationGrants;

	private final Dashboards dashboards;

	private final RenderedFragments fragments;

	PaymentController(PaymentManagement payments, GrantManagement grants, Clock clock, PaymentHolds holds,
			OrganisationGrants organisationGrants, Dashboards dashboards, RenderedFragments fragments) {
		this.organisationGrants = organisationGrants;
		this.payments = payments;
		this.grants = grants;
		this.clock = clock;
		this.holds = holds;
		this.dashboards = dashboards;
		this.fragments = fragments;
	}

	@GetMapping
	String paymentsPage(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		YearsWithGrants years = this.grants.years(year, user, today());
		FinancialYear shown = years.shown();
		Long only = user.isLimitedToOnePartnership() ? user.partnershipId() : null;
		boolean mayRelease = user.hasAny(Role.ADMIN, Role.OFFICER);
		boolean mayRecord = user.has(Role.FINANCE);
		Map<String, PaymentHold> holds = heldByCode();
		model.addAttribute("year", shown);
		model.addAttribute("years", years.choices());
		model.addAttribute("yearsWithGrants", years.withGrants());
		// recipients' contacts and applicants see no partnership's payments
		// (nor does a CSP manager with no partnership linked)
		boolean seesPartnerships = !user.isRecipientContact() && !user.isApplicant()
				&& !(user.isLimitedToOnePartnership() && only == null);
		boolean anyPayments = seesPartnerships && this.grants.anyGrants(shown, only);
		model.addAttribute("anyPayments", anyPayments);
		String holdsVersion = holds.values()
			.stream()
			.map(hold -> hold.id() + ":" + hold.version())
			.collect(Collectors.joining(","));
		if (anyPayments) {
			model.addAttribute("tables",
					this.fragments.render(
							"payments " + shown + " " + mayRelease + " " + mayRecord + " "
									+ this.dashboards.version(shown, today()) + " " + holdsVersion,
							user, "monitoring/payments-tables", "tables", () -> {
								List<PaymentSchedule> schedules = this.payments.schedulesAsSaved(shown)
									.stream()
									.filter(schedule -> only == null || schedule.partnershipId() == only)
									.toList();
								PaymentTotals totals = new PaymentTotals(schedules);
								return Map.of("year", shown, "schedules", totals.schedules(), "totals", totals, "holds",
										holds, "mayRelease", mayRelease, "mayRecord", mayRecord);
							}, request, response));
		}
		if (user.hasAny(Role.ADMIN, Role.OFFICER, Role.FINANCE, Role.MONITORING_OFFICER, Role.COMMISSIONER)) {
			// the payments of grants to other recipients: one query
			List<OrganisationPaymentRow> others = this.organisationGrants.payments(shown);
			model.addAttribute("organisationPayments", others);
			model.addAttribute("organisationPaymentsTotal",
					others.stream().map(OrganisationPaymentRow::amount).reduce(Money.ZERO, Money::plus));
			model.addAttribute("organisationPaymentsPaid",
					others.stream()
						.filter(OrganisationPaymentRow::paid)
						.map(OrganisationPaymentRow::amount)
						.reduce(Money.ZERO, Money::plus));
			model.addAttribute("mayPayOrganisations", mayRecord);
		}
		return "monitoring/payments";
	}

	/**
	 * A payment to a partnership (a quarter's, or with no quarter the annual payment in
	 * advance) with its form for finance to record it as paid, when it is due and the
	 * partnership's payments are not on hold.
	 */
	@GetMapping("/{year}/{code}")
	String paymentPage(@PathVariable String year, @PathVariable String code,
			@RequestParam(required = false) String quarter, Model model) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return page(financialYear, code, (quarter == null || quarter.isBlank()) ? null : Quarter.parse(quarter),
				new PaymentForm(quarter, DateParts.of(today()), ""), Map.of(), model);
	}

	@PostMapping("/{year}/{code}")
	String recordPaid(@PathVariable String year, @PathVariable String code, @ModelAttribute PaymentForm form,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			PaymentSchedule paid = this.payments.recordPaid(financialYear, code, form.paidQuarter(), form.date(),
					form.reference(), user);
			redirect.addFlashAttribute("success",
					"The " + ((form.paidQuarter() != null) ? form.paidQuarter() + " " : "annual ") + "payment to "
							+ paid.name() + " has been recorded as paid");
			return "redirect:/monitoring/payments?year=" + financialYear + "#payments-" + paid.code();
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			try {
				return page(financialYear, code, form.paidQuarter(), form, refusal.errors(), model);
			}
			catch (NotFoundException gone) {
				// the grant or its payment went while the page was open (a grant made
				// again from a new run, say): say so, with what was typed
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("year", financialYear);
				model.addAttribute("code", code.toUpperCase(java.util.Locale.ROOT));
				model.addAttribute("gone", gone.getMessage());
				model.addAttribute("typedPayment",
						(form.paidQuarter() != null) ? form.paidQuarter().name() : "The annual payment");
				model.addAttribute("typedPaidOn", typedDate(form.paidOn()));
				model.addAttribute("typedReference", form.reference());
				return "monitoring/payment-gone";
			}
		}
	}

	/**
	 * A date as typed, in words ("3 August 2009") when it is one, else as it was typed.
	 */
	private static String typedDate(DateParts typed) {
		try {
			return Dates.day(typed.toDate("paidOn", PaymentForm.WHAT));
		}
		catch (RuntimeException notADate) {
			return String.join(" ", typed.day(), typed.month(), typed.year()).strip();
		}
	}

	/**
	 * A payment's page, with what was typed and each refusal on its field; a refusal
	 * because of a hold links to the hold's warning.
	 */
	private String page(FinancialYear year, String code, Quarter quarter, PaymentForm form,
			Map<String, String> refusals, Model model) {
		PaymentSchedule schedule = this.payments.schedules(year)
			.stream()
			.filter(candidate -> candidate.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					"There is no grant to " + code.toUpperCase(java.util.Locale.ROOT) + " in " + year));
		PaymentSchedule.Instalment instalment = schedule.instalments()
			.stream()
			.filter(candidate -> candidate.quarter() == quarter)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no such payment to " + schedule.name() + " in " + year));
		PaymentHold hold = heldByCode().get(schedule.code());
		Map<String, String> errors = new LinkedHashMap<>();
		boolean formShown = hold == null && instalment.status() == PaymentSchedule.Status.DUE;
		// each message links to what is on the page: the hold's warning, or the payment's
		// status when there is no form (paid by someone else a moment ago)
		refusals.forEach((field, message) -> errors.merge(
				(hold != null && (field.equals("form") || !formShown)) ? "hold" : formShown ? field : "payment-status",
				message, (first, second) -> first + ". " + second));
		model.addAttribute("year", year);
		model.addAttribute("schedule", schedule);
		model.addAttribute("instalment", instalment);
		model.addAttribute("what", (quarter != null) ? quarter + " payment" : "annual payment");
		model.addAttribute("hold", hold);
		model.addAttribute("form", form);
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
		}
		return "monitoring/payment";
	}

	/** The active hold of each partnership whose payments are held, by its code. */
	private Map<String, PaymentHold> heldByCode() {
		Map<String, PaymentHold> held = new LinkedHashMap<>();
		this.holds.activeByPartnership().values().forEach(hold -> held.put(hold.code().toUpperCase(Locale.ROOT), hold));
		return held;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
