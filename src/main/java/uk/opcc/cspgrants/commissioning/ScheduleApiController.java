package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The award schedule of a year in JSON: read it with its totals, open it, change its
 * lines.
 */
@RestController
@RequestMapping("/api/v1/commissioning/{year}/schedule")
@Tag(name = "Commissioning", description = "Funding streams, Police and Crime Plan themes and the award schedule")
class ScheduleApiController {

	private final AwardScheduleManagement management;

	private final AwardSchedules schedules;

	ScheduleApiController(AwardScheduleManagement management, AwardSchedules schedules) {
		this.management = management;
		this.schedules = schedules;
	}

	@GetMapping
	@Operation(summary = "The award schedule of a year (e.g. 2013-14): its lines in order (a replaced line is listed "
			+ "with counted false), and its totals by half-year, purchasing route, theme and stream, with what is "
			+ "unallocated")
	ScheduleResponse schedule(@PathVariable String year) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return response(this.schedules.schedule(financialYear)
			.orElseThrow(() -> new NotFoundException("There is no award schedule for " + financialYear)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the (empty, draft) award schedule of a year; 409 when the year has one")
	ScheduleResponse open(@PathVariable String year, @RequestBody OpenBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.management.open(FinancialYear.parse(year), body.title(), body.tolerancePercent(), user));
	}

	@PostMapping("/lines")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a line to a draft schedule; send the schedule's version. 400 with a message per field "
			+ "(periods: the amounts, including a stream over-allocated, with the figures), 409 when the schedule "
			+ "changed since, saying who changed it, or is not a draft")
	LineResponse addLine(@PathVariable String year, @RequestBody LineBody body,
			@AuthenticationPrincipal CurrentUser user) {
		FinancialYear financialYear = FinancialYear.parse(year);
		AwardLineView line = this.management.addLine(financialYear, version(body.version()), body.draft(), user);
		return lineResponse(financialYear, line.id());
	}

	@PutMapping("/lines/{id}")
	@Operation(summary = "Change a line of a draft schedule; send the schedule's version")
	LineResponse changeLine(@PathVariable String year, @PathVariable("id") long lineId, @RequestBody LineBody body,
			@AuthenticationPrincipal CurrentUser user) {
		FinancialYear financialYear = FinancialYear.parse(year);
		this.management.changeLine(financialYear, lineId, version(body.version()), body.draft(), user);
		return lineResponse(financialYear, lineId);
	}

	@DeleteMapping("/lines/{id}")
	@Operation(summary = "Remove a line of a draft schedule; send the schedule's version. 409 when another line "
			+ "replaces it")
	ScheduleResponse removeLine(@PathVariable String year, @PathVariable("id") long lineId,
			@RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user) {
		return response(this.management.removeLine(FinancialYear.parse(year), lineId, version(version), user));
	}

	@PutMapping("/tolerance")
	@Operation(summary = "Set the over-allocation a draft schedule allows, 0 to 25 per cent of its streams")
	ScheduleResponse setTolerance(@PathVariable String year, @RequestBody ToleranceBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return response(this.management.setTolerance(FinancialYear.parse(year), version(body.version()),
				body.tolerancePercent(), user));
	}

	private static long version(Long version) {
		if (version == null) {
			throw new ValidationException("version", "Send the version of the schedule you read");
		}
		return version;
	}

	private LineResponse lineResponse(FinancialYear year, long lineId) {
		ScheduleView schedule = this.schedules.schedule(year).orElseThrow();
		AwardLineView line = schedule.lines().stream().filter(each -> each.id() == lineId).findFirst().orElseThrow();
		return new LineResponse(line, line.total(), line.counted(), schedule.version());
	}

	private ScheduleResponse response(ScheduleView schedule) {
		ScheduleTotals totals = this.management.totals(schedule.year(), schedule);
		Map<String, Money> byRoute = new LinkedHashMap<>();
		totals.byRoute().forEach((route, amount) -> byRoute.put(route.name(), amount));
		List<StreamTotals> byStream = totals.byStream()
			.stream()
			.map(balance -> new StreamTotals(balance.stream().id(), balance.stream().name(), balance.stream().amount(),
					balance.lines(), balance.pots(), balance.unallocated(), balance.limit(), balance.overAllocated()))
			.toList();
		Totals summed = new Totals(
				totals.columns()
					.stream()
					.map(column -> new HalfYear(column.startsOn(), column.endsOn(),
							totals.total().byColumn().get(totals.columns().indexOf(column))))
					.toList(),
				totals.total().total(), byRoute, totals.byTheme(), byStream, totals.streamsTotal(), totals.potsTotal(),
				totals.unallocated(), totals.limit(), totals.overAllocated());
		return new ScheduleResponse(schedule.id(), schedule.year(), schedule.title(), schedule.status(),
				schedule.tolerancePercent(), schedule.decisionReference(), schedule.version(),
				schedule.lines()
					.stream()
					.map(line -> new LineResponse(line, line.total(), line.counted(), null))
					.toList(),
				summed);
	}

	/** Opening a schedule. */
	record OpenBody(String title, BigDecimal tolerancePercent) {
	}

	/** Setting the tolerance, with the version read. */
	record ToleranceBody(BigDecimal tolerancePercent, Long version) {
	}

	/** A period of a line: its first and last day and its amount. */
	record PeriodBody(LocalDate startsOn, LocalDate endsOn, Money amount) {
	}

	/** A line as sent, with the version of the schedule read. */
	record LineBody(String section, Long organisationId, Long partnershipId, String initiative, LineStatus status,
			Long streamId, Long themeId, PurchasingRoute route, String businessCaseRef, String contractRef,
			String roundRef, Boolean inKind, String comments, Long replacesLineId, List<PeriodBody> periods,
			Long version) {

		AwardLineDraft draft() {
			List<AwardLineDraft.PeriodDraft> drafts = (this.periods == null) ? List.of()
					: this.periods.stream()
						.map(period -> (period == null) ? null
								: new AwardLineDraft.PeriodDraft(period.startsOn(), period.endsOn(), period.amount()))
						.toList();
			return new AwardLineDraft(this.section, this.organisationId, this.partnershipId, this.initiative,
					this.status, this.streamId, this.themeId, this.route, this.businessCaseRef, this.contractRef,
					this.roundRef, Boolean.TRUE.equals(this.inKind), this.comments, this.replacesLineId, null, drafts);
		}

	}

	/**
	 * A line with its total and whether it is counted; after a change, the schedule's
	 * version to send next.
	 */
	record LineResponse(AwardLineView line, Money total, boolean counted, Long scheduleVersion) {
	}

	/** A half-year's total. */
	record HalfYear(LocalDate startsOn, LocalDate endsOn, Money amount) {
	}

	/** A stream's money. */
	record StreamTotals(long streamId, String name, Money amount, Money awardLines, Money formulaPots,
			Money unallocated, Money mostAllowed, boolean overAllocated) {
	}

	/** The schedule's totals. */
	record Totals(List<HalfYear> byHalfYear, Money total, Map<String, Money> byRoute, Map<String, Money> byTheme,
			List<StreamTotals> byStream, Money streams, Money formulaPots, Money unallocated, Money mostAllowed,
			boolean overAllocated) {
	}

	/** A schedule with its lines and totals. */
	record ScheduleResponse(long id, FinancialYear year, String title, ScheduleStatus status,
			BigDecimal tolerancePercent, String decisionReference, long version, List<LineResponse> lines,
			Totals totals) {
	}

}
