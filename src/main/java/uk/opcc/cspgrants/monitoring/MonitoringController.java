package uk.opcc.cspgrants.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.YearsWithGrants;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.RenderedFragments;

/** The monitoring pages: the returns dashboard and the quarterly reports. */
@Controller
@RequestMapping("/monitoring")
class MonitoringController {

	private final QuarterlyReports reports;

	private final Clock clock;

	private final RenderedFragments fragments;

	private final Dashboards dashboards;

	private final GrantManagement grants;

	private final PaymentHolds holds;

	MonitoringController(GrantManagement grants, QuarterlyReports reports, Dashboards dashboards, Clock clock,
			RenderedFragments fragments, PaymentHolds holds) {
		this.grants = grants;
		this.holds = holds;
		this.dashboards = dashboards;
		this.reports = reports;
		this.clock = clock;
		this.fragments = fragments;
	}

	/**
	 * The returns of a year, the latest year with grants unless another is asked for; a
	 * CSP manager sees their own partnership's only.
	 */
	@GetMapping({ "", "/returns" })
	String dashboard(@RequestParam(required = false) String year, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		LocalDate today = today();
		YearsWithGrants years = this.grants.years(year, user, today);
		FinancialYear shown = years.shown();
		Long only = user.isLimitedToOnePartnership() ? user.partnershipId() : null;
		model.addAttribute("year", shown);
		model.addAttribute("years", years.choices());
		model.addAttribute("yearsWithGrants", years.withGrants());
		model.addAttribute("quarters", Quarter.values());
		model.addAttribute("holds",
				this.holds.active().stream().filter(hold -> only == null || hold.partnershipId() == only).toList());
		model.addAttribute("table",
				this.fragments.render("returns-dashboard " + shown + " " + this.dashboards.version(shown, today), user,
						"monitoring/dashboard-table", "table", () -> Map.of("dashboard",
								this.dashboards.dashboard(shown, today, only), "quarters", Quarter.values()),
						request, response));
		return "monitoring/dashboard";
	}

	/**
	 * The report page; its tables and charts are rendered once for each version of the
	 * year's grants, returns and partnerships, and kept.
	 */
	@GetMapping("/reports/{year}/{quarter}")
	String report(@PathVariable String year, @PathVariable String quarter, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter shown = Quarter.parse(quarter);
		model.addAttribute("year", financialYear);
		model.addAttribute("yearsWithGrants", this.grants.years(year, user, today()).withGrants());
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

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
