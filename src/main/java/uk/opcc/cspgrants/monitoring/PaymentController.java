package uk.opcc.cspgrants.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The payments of a year: totals per partnership and a grand total, then each grant's
 * payments; finance records a due payment as paid. A CSP manager sees their own
 * partnership's payments only.
 */
@Controller
@RequestMapping("/monitoring/payments")
class PaymentController {

	private final PaymentManagement payments;

	private final GrantManagement grants;

	private final Clock clock;

	private final PaymentHolds holds;

	private final OrganisationGrants organisationGrants;

	PaymentController(PaymentManagement payments, GrantManagement grants, Clock clock, PaymentHolds holds,
			OrganisationGrants organisationGrants) {
		this.organisationGrants = organisationGrants;
		this.payments = payments;
		this.grants = grants;
		this.clock = clock;
		this.holds = holds;
	}

	@GetMapping
	String paymentsPage(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return page(this.grants.years(year, user, today()), user, model);
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
			return "redirect:/monitoring/payments?year=" + financialYear;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			String row = code.toUpperCase(Locale.ROOT) + "-" + form.paidQuarter();
			// each message links to the field of the payment's own row, the date first
			Map<String, String> onTheRow = new LinkedHashMap<>();
			String dateError = refusal.errors().get("paidOn");
			if (dateError != null) {
				onTheRow.put("paid-" + row, dateError);
			}
			boolean held = heldByCode().containsKey(code.toUpperCase(Locale.ROOT));
			refusal.errors().forEach((field, message) -> {
				if (held && field.equals("form")) {
					// the partnership's payments are on hold: the message links to the
					// hold
					onTheRow.put("hold-" + code.toUpperCase(Locale.ROOT), message);
				}
				else if (!field.equals("paidOn")) {
					onTheRow.put((field.equals("reference") ? "ref-" : "paid-") + row, message);
				}
			});
			model.addAttribute("errors", onTheRow);
			model.addAttribute("typed", form);
			model.addAttribute("typedCode", code.toUpperCase(Locale.ROOT));
			return page(this.grants.years(year, user, today()), user, model);
		}
	}

	private String page(YearsWithGrants years, CurrentUser user, Model model) {
		FinancialYear shown = years.shown();
		PaymentTotals totals = new PaymentTotals(this.payments.schedules(shown)
			.stream()
			.filter(schedule -> user.maySee(schedule.partnershipId()))
			.toList());
		model.addAttribute("year", shown);
		model.addAttribute("years", years.choices());
		model.addAttribute("yearsWithGrants", years.withGrants());
		model.addAttribute("totals", totals);
		model.addAttribute("schedules", totals.schedules());
		model.addAttribute("today", today());
		model.addAttribute("holds", heldByCode());
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
			model.addAttribute("mayPayOrganisations", user.has(Role.FINANCE));
		}
		return "monitoring/payments";
	}

	/** The active hold of each partnership whose payments are held, by its code. */
	private Map<String, PaymentHold> heldByCode() {
		Map<String, PaymentHold> held = new LinkedHashMap<>();
		this.holds.activeByPartnership().values().forEach(hold -> held.put(hold.code(), hold));
		return held;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
