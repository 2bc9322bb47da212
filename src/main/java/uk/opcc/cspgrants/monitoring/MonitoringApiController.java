package uk.opcc.cspgrants.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.KeptJson;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/** Quarterly returns, payments and the quarterly report in JSON. */
@RestController
@Tag(name = "Monitoring", description = "Quarterly returns, payments and quarterly reports")
class MonitoringApiController {

	private final ReturnManagement returns;

	private final PaymentManagement payments;

	private final QuarterlyReports reports;

	private final KeptJson kept;

	MonitoringApiController(ReturnManagement returns, PaymentManagement payments, QuarterlyReports reports,
			KeptJson kept) {
		this.kept = kept;
		this.returns = returns;
		this.payments = payments;
		this.reports = reports;
	}

	@GetMapping("/api/v1/returns/{year}/{quarter}/{partnership}")
	@Operation(summary = "A quarterly return (or an empty one not started), with its flags")
	ReturnResponse get(@PathVariable String year, @PathVariable String quarter, @PathVariable String partnership,
			@AuthenticationPrincipal CurrentUser user) {
		return ReturnResponse
			.of(this.returns.get(FinancialYear.parse(year), Quarter.parse(quarter), partnership, user));
	}

	@PutMapping("/api/v1/returns/{year}/{quarter}/{partnership}")
	@Operation(summary = "Save a return's figures as a draft; send the version you read (none for a new return)")
	ReturnResponse put(@PathVariable String year, @PathVariable String quarter, @PathVariable String partnership,
			@RequestBody ReturnBody body) {
		return ReturnResponse.of(this.returns.save(FinancialYear.parse(year), Quarter.parse(quarter), partnership,
				new ReturnDetails(body.plannedAllocation(), body.cumulativeSpend(), body.activities(), body.comment(),
						body.spendFallReason(), body.version())));
	}

	@PostMapping("/api/v1/returns/{year}/{quarter}/{partnership}/submit")
	@Operation(summary = "Submit a draft or returned return")
	ReturnResponse submit(@PathVariable String year, @PathVariable String quarter, @PathVariable String partnership) {
		return ReturnResponse.of(this.returns.submit(FinancialYear.parse(year), Quarter.parse(quarter), partnership));
	}

	@PostMapping("/api/v1/returns/{year}/{quarter}/{partnership}/accept")
	@Operation(summary = "Accept a submitted return; its quarterly payment falls due")
	ReturnResponse accept(@PathVariable String year, @PathVariable String quarter, @PathVariable String partnership) {
		return ReturnResponse.of(this.returns.accept(FinancialYear.parse(year), Quarter.parse(quarter), partnership));
	}

	@PostMapping("/api/v1/returns/{year}/{quarter}/{partnership}/return-for-correction")
	@Operation(summary = "Send a submitted return back for correction, with a reason")
	ReturnResponse returnForCorrection(@PathVariable String year, @PathVariable String quarter,
			@PathVariable String partnership, @RequestBody ReasonBody body) {
		return ReturnResponse.of(this.returns.returnForCorrection(FinancialYear.parse(year), Quarter.parse(quarter),
				partnership, body.reason()));
	}

	@PostMapping("/api/v1/returns/{year}/{quarter}/{partnership}/reopen")
	@Operation(summary = "Re-open an accepted return, with a reason")
	ReturnResponse reopen(@PathVariable String year, @PathVariable String quarter, @PathVariable String partnership,
			@RequestBody ReasonBody body) {
		return ReturnResponse
			.of(this.returns.reopen(FinancialYear.parse(year), Quarter.parse(quarter), partnership, body.reason()));
	}

	@GetMapping("/api/v1/payments")
	@Operation(summary = "Every grant's payments for a year: paid, due and not yet due")
	List<PaymentSchedule> payments(@RequestParam String year) {
		return this.payments.schedules(FinancialYear.parse(year));
	}

	/**
	 * The report as JSON, written once for each version of the year's grants, returns and
	 * partnerships and kept (as the report page keeps its tables).
	 */
	@GetMapping("/api/v1/reports/quarterly/{year}/{quarter}")
	@Operation(summary = "Tables 1 and 2 of the quarterly report, rows and totals")
	@ApiResponse(responseCode = "200", description = "The report",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportResponse.class)))
	ResponseEntity<byte[]> report(@PathVariable String year, @PathVariable String quarter) {
		FinancialYear financialYear = FinancialYear.parse(year);
		Quarter shown = Quarter.parse(quarter);
		return this.kept.answer(
				"quarterly-report " + financialYear + " " + shown + " " + this.reports.version(financialYear),
				() -> ReportResponse.of(this.reports.report(financialYear, shown)));
	}

	@GetMapping("/api/v1/reports/quarterly/{year}/{quarter}.csv")
	@Operation(summary = "The quarterly report as CSV")
	ResponseEntity<byte[]> reportCsv(@PathVariable String year, @PathVariable String quarter) {
		QuarterlyReport report = this.reports.report(FinancialYear.parse(year), Quarter.parse(quarter));
		return Downloads.attachment(QuarterlyReportExport.csv(report).getBytes(StandardCharsets.UTF_8), Downloads.CSV,
				"quarterly-report-" + year + "-" + report.quarter() + ".csv");
	}

	@GetMapping("/api/v1/reports/quarterly/{year}/{quarter}.xlsx")
	@Operation(summary = "The quarterly report as an Excel workbook")
	ResponseEntity<byte[]> reportXlsx(@PathVariable String year, @PathVariable String quarter) {
		QuarterlyReport report = this.reports.report(FinancialYear.parse(year), Quarter.parse(quarter));
		return Downloads.attachment(QuarterlyReportExport.xlsx(report), Downloads.XLSX,
				"quarterly-report-" + year + "-" + report.quarter() + ".xlsx");
	}

	/** A return's figures as sent. */
	record ReturnBody(Money plannedAllocation, Money cumulativeSpend, List<ReturnDetails.Activity> activities,
			String comment, String spendFallReason, Long version) {
	}

	/** A reason for a step. */
	record ReasonBody(String reason) {
	}

	/** A return as answered. */
	record ReturnResponse(String partnership, String name, FinancialYear year, Quarter quarter, ReturnStatus status,
			Money plannedAllocation, Money cumulativeSpend, List<ReturnDetails.Activity> activities, String comment,
			String spendFallReason, String statusReason, Money totalAvailable, String dueDate, List<String> flags,
			long version) {

		static ReturnResponse of(ReturnView view) {
			return new ReturnResponse(view.code(), view.name(), view.year(), view.quarter(),
					view.started() ? view.status() : null, view.details().plannedAllocation(),
					view.details().cumulativeSpend(), view.details().activities(), view.details().comments(),
					view.details().spendFallReason(), view.statusReason(), view.totalAvailable(),
					view.dueDate().toString(), view.flags(), view.version());
		}

	}

	/** The report in JSON: each row with its computed columns, and the totals. */
	record ReportResponse(FinancialYear year, Quarter quarter, List<Row> rows, Totals totals) {

		record Row(String localAuthority, Money allocation, Money carryForward, Money totalAllocation, Money planned,
				Money remainder, Integer percentAllocated, List<Money> spendByQuarter, Integer percentSpent,
				String comment) {
		}

		record Totals(Money allocation, Money carryForward, Money totalAllocation, Money planned, Money remainder,
				List<Money> spendByQuarter) {
		}

		static ReportResponse of(QuarterlyReport report) {
			return new ReportResponse(report.year(), report.quarter(),
					report.rows()
						.stream()
						.map(row -> new Row(row.name(), row.allocation(), row.carryForward(), row.totalAllocation(),
								row.planned(), row.remainder(), row.percentAllocated(), row.spendByQuarter(),
								row.percentSpent(), row.comment()))
						.toList(),
					new Totals(report.totalAllocation(), report.totalCarryForward(), report.totalTotalAllocation(),
							report.totalPlanned(), report.totalRemainder(), report.totalSpendByQuarter()));
		}

	}

}
