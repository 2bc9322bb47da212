package uk.opcc.cspgrants.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
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
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.Refusal;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/** The monitoring pages: dashboard, returns, payments and the quarterly reports. */
@Controller
@RequestMapping("/monitoring")
class MonitoringController {

	private final ReturnManagement returns;

	private final PaymentManagement payments;

	private final QuarterlyReports reports;

	private final Clock clock;

	private final RenderedFragments fragments;

	private final Dashboards dashboards;

	MonitoringController(ReturnManagement returns, PaymentManagement payments, QuarterlyReports reports,
			Dashboards dashboards, Clock clock, RenderedFragments fragments) {
		this.dashboards = dashboards;
		this.returns = returns;
		this.payments = payments;
		this.reports = reports;
		this.clock = clock;
		this.fragments = fragments;
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String year, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		FinancialYear shown = (year != null) ? FinancialYear.parse(year) : FinancialYear.of(today());
		LocalDate today = today();
		model.addAttribute("year", shown);
		model.addAttribute("years", FinancialYear.choices(shown, today));
		model.addAttribute("quarters", Quarter.values());
		model.addAttribute("table",
				this.fragments.render("returns-dashboard " + shown + " " + this.dashboards.version(shown, today),
						"monitoring/dashboard-table", "table", () -> Map.of("dashboard",
								this.dashboards.dashboard(shown, today), "quarters", Quarter.values()),
						request, response));
		return "monitoring/dashboard";
	}

	@GetMapping("/returns/{year}/{quarter}/{code}")
	String showReturn(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ReturnView view = this.returns.get(FinancialYear.parse(year), Quarter.parse(quarter), code, user);
		model.addAttribute("view", view);
		model.addAttribute("form", ReturnForm.from(view));
		return "monitoring/return";
	}

	@PostMapping("/returns/{year}/{quarter}/{code}")
	String saveReturn(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@ModelAttribute("form") ReturnForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter q = Quarter.parse(quarter);
		try {
			this.returns.save(financialYear, q, code, form.toDetails());
			redirect.addFlashAttribute("success", "The " + q + " return has been saved as a draft");
			return "redirect:" + path(financialYear, q, code);
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			ReturnView current = this.returns.get(financialYear, q, code, user);
			model.addAttribute("view", current);
			if (refusal.conflict()) {
				model.addAttribute("current", current);
			}
			form.padActivities();
			return "monitoring/return";
		}
	}

	@PostMapping("/returns/{year}/{quarter}/{code}/{action}")
	String moveReturn(@PathVariable String year, @PathVariable String quarter, @PathVariable String code,
			@PathVariable String action, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter q = Quarter.parse(quarter);
		try {
			ReturnView moved = switch (action) {
				case "submit" -> this.returns.submit(financialYear, q, code);
				case "accept" -> this.returns.accept(financialYear, q, code);
				case "return-for-correction" -> this.returns.returnForCorrection(financialYear, q, code, reason);
				case "reopen" -> this.returns.reopen(financialYear, q, code, reason);
				default -> throw new NotFoundException("There is no such step: " + action);
			};
			redirect.addFlashAttribute("success",
					"The " + q + " return of " + moved.name() + " is now " + moved.status().label().toLowerCase());
			return "redirect:" + path(financialYear, q, code);
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			ReturnView current = this.returns.get(financialYear, q, code, user);
			model.addAttribute("view", current);
			model.addAttribute("form", ReturnForm.from(current));
			model.addAttribute("typedReason", (reason != null) ? reason : "");
			model.addAttribute("typedAction", action);
			return "monitoring/return";
		}
	}

	@GetMapping("/payments")
	String paymentsPage(@RequestParam(required = false) String year, Model model) {
		FinancialYear shown = (year != null) ? FinancialYear.parse(year) : FinancialYear.of(today());
		return paymentsPage(shown, model);
	}

	@PostMapping("/payments/{year}/{code}")
	String recordPaid(@PathVariable String year, @PathVariable String code,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String paidOn,
			@RequestParam(required = false) String reference, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter paidQuarter = (quarter == null || quarter.isBlank()) ? null : Quarter.parse(quarter);
		try {
			this.payments.recordPaid(financialYear, code, paidQuarter, date(paidOn), reference, user);
			redirect.addFlashAttribute("success", "The payment has been recorded as paid");
			return "redirect:/monitoring/payments?year=" + financialYear;
		}
		catch (RuntimeException refused) {
			Refusal refusal = Refusal.show(refused, model, response);
			Typed typed = new Typed(code.toUpperCase(java.util.Locale.ROOT), paidQuarter,
					(paidOn != null) ? paidOn : "", (reference != null) ? reference : "");
			// each message links to the field of the payment's own row
			Map<String, String> onTheRow = new java.util.LinkedHashMap<>();
			refusal.errors()
				.forEach((field, message) -> onTheRow
					.put((field.equals("reference") ? "ref-" : "paid-") + typed.code() + "-" + paidQuarter, message));
			model.addAttribute("errors", onTheRow);
			model.addAttribute("typed", typed);
			return paymentsPage(financialYear, model);
		}
	}

	/** What finance typed into one payment's row, shown again when it is refused. */
	record Typed(String code, Quarter quarter, String paidOn, String reference) {

		public boolean isFor(String code, Quarter quarter) {
			return this.code.equals(code) && this.quarter == quarter;
		}

	}

	private String paymentsPage(FinancialYear shown, Model model) {
		model.addAttribute("year", shown);
		model.addAttribute("years", FinancialYear.choices(shown, today()));
		model.addAttribute("schedules", this.payments.schedules(shown));
		model.addAttribute("today", today());
		return "monitoring/payments";
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException notADate) {
			throw new ValidationException("paidOn", "Enter the date it was paid, like 2024-07-31");
		}
	}

	/**
	 * The report page; its tables and charts are rendered once for each version of the
	 * year's grants, returns and partnerships, and kept.
	 */
	@GetMapping("/reports/{year}/{quarter}")
	String report(@PathVariable String year, @PathVariable String quarter, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter shown = Quarter.parse(quarter);
		model.addAttribute("year", financialYear);
		model.addAttribute("quarter", shown);
		model.addAttribute("tables",
				this.fragments.render(
						"quarterly-report " + financialYear + " " + shown + " " + this.reports.version(financialYear),
						"monitoring/report-tables", "tables", () -> {
							QuarterlyReport report = this.reports.report(financialYear, shown);
							return Map.of("report", report, "table1", QuarterlyReportExport.table1Header(report),
									"table2", QuarterlyReportExport.table2Header(report), "charts",
									ReportCharts.of(report));
						}, request, response));
		return "monitoring/report";
	}

	@GetMapping("/reports/{year}/{quarter}.csv")
	ResponseEntity<byte[]> reportCsv(@PathVariable String year, @PathVariable String quarter) {
		QuarterlyReport report = this.reports.report(FinancialYear.parse(year), Quarter.parse(quarter));
		return Downloads.attachment(QuarterlyReportExport.csv(report).getBytes(StandardCharsets.UTF_8), Downloads.CSV,
				"quarterly-report-" + year + "-" + report.quarter() + ".csv");
	}

	@GetMapping("/reports/{year}/{quarter}.xlsx")
	ResponseEntity<byte[]> reportXlsx(@PathVariable String year, @PathVariable String quarter) {
		QuarterlyReport report = this.reports.report(FinancialYear.parse(year), Quarter.parse(quarter));
		return Downloads.attachment(QuarterlyReportExport.xlsx(report), Downloads.XLSX,
				"quarterly-report-" + year + "-" + report.quarter() + ".xlsx");
	}

	private static String path(FinancialYear year, Quarter quarter, String code) {
		return "/monitoring/returns/" + year + "/" + quarter + "/" + code;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
