package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Funding streams and Police and Crime Plans in JSON: a year's streams with what is
 * allocated from each and its total (the commissioning budget), a stream with its
 * history, adding a stream, topping one up or reducing it, linking a formula run; the
 * plans with their themes, adding a plan or a theme, renaming a theme, adopting a plan
 * for a year.
 */
@RestController
@Tag(name = "Commissioning", description = "Funding streams, Police and Crime Plans and the award schedule")
class StreamApiController {

	private final FundingStreamManagement management;

	private final FundingStreams streams;

	private final PlanManagement plans;

	StreamApiController(FundingStreamManagement management, FundingStreams streams, PlanManagement plans) {
		this.management = management;
		this.streams = streams;
		this.plans = plans;
	}

	@GetMapping("/api/v1/commissioning/{year}/streams")
	@Operation(summary = "A year's funding streams, reserves last, with what is allocated from each (counted award "
			+ "lines and approved formula pots), the sub-total before reserves and the total: the commissioning budget")
	StreamsPage year(@PathVariable String year) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return StreamsPage.of(financialYear, this.streams.streams(financialYear),
				this.streams.allocations(financialYear), this.streams.drawnByRuns(financialYear));
	}

	@PostMapping("/api/v1/commissioning/{year}/streams")
	@Operation(summary = "Add a funding stream to a year; 400 with a message per field, 409 when the year has a "
			+ "stream of that name")
	ResponseEntity<FundingStreamView> create(@PathVariable String year, @RequestBody StreamBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.management.create(FinancialYear.parse(year), new StreamDetails(body.name(), body.funder(),
					body.kind(), body.amount(), body.conditions(), Boolean.TRUE.equals(body.ringFenced())), user));
	}

	@GetMapping("/api/v1/commissioning/{year}/streams/{id}")
	@Operation(summary = "A funding stream with what is allocated from it, the formula runs drawn on it and its "
			+ "changes of amount, oldest first")
	StreamJson stream(@PathVariable String year, @PathVariable long id) {
		FundingStreamView stream = this.management.get(FinancialYear.parse(year), id);
		return new StreamJson(stream, this.streams.allocation(id), this.streams.drawnByRuns(id),
				this.streams.changes(id));
	}

	@PostMapping("/api/v1/commissioning/{year}/streams/{id}/changes")
	@Operation(summary = "Top a stream up or reduce it with a reason, once for the version you read: 400 with a "
			+ "message per field (a reduction below what is allocated from the stream is refused on the amount), "
			+ "409 naming who changed the stream since")
	FundingStreamView change(@PathVariable String year, @PathVariable long id, @RequestBody ChangeBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.management.change(FinancialYear.parse(year), id,
				new StreamChange(body.direction(), body.amount(), body.reason(), body.version()), user);
	}

	@PostMapping("/api/v1/commissioning/{year}/streams/{id}/runs")
	@Operation(summary = "Link an approved formula run of the year to the stream its pot draws on, once per run: 409 "
			+ "saying which stream when the run is linked already; 400 when the pot would over-allocate the stream")
	ResponseEntity<RunDraw> link(@PathVariable String year, @PathVariable long id, @RequestBody LinkBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.management.linkRun(FinancialYear.parse(year), id, body.runId(), user));
	}

	@GetMapping("/api/v1/commissioning/plans")
	@Operation(summary = "The Police and Crime Plans, the latest published first, with their themes")
	List<PlanView> plans() {
		return this.plans.plans();
	}

	@PostMapping("/api/v1/commissioning/plans")
	@Operation(summary = "Add a plan with its themes (priorities in order; \"All themes\" and \"Discretionary\" "
			+ "when asked); 409 when a plan has the name")
	ResponseEntity<PlanView> createPlan(@RequestBody PlanBody body, @AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.plans.create(new PlanDetails(body.name(), body.publishedOn(),
					(body.themes() != null) ? String.join("\n", body.themes()) : "",
					Boolean.TRUE.equals(body.allThemes()), Boolean.TRUE.equals(body.discretionary())), user));
	}

	@GetMapping("/api/v1/commissioning/plans/{id}")
	@Operation(summary = "A plan with its themes, the award lines linked to each and the years that adopted it")
	PlanView plan(@PathVariable long id) {
		return this.plans.get(id);
	}

	@PostMapping("/api/v1/commissioning/plans/{id}/themes")
	@Operation(summary = "Add a theme at the end of a plan, with the plan's version read; 409 when it changed since")
	ResponseEntity<PlanView> addTheme(@PathVariable long id, @RequestBody ThemeBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.plans.addTheme(id, body.name(), body.kind(), body.version()));
	}

	@PostMapping("/api/v1/commissioning/plans/{id}/themes/rename")
	@Operation(summary = "Rename a theme no award line links to, with the plan's version read; 409 when an award "
			+ "links to it or the plan changed since")
	PlanView renameTheme(@PathVariable long id, @RequestBody RenameBody body) {
		if (body.themeId() == null) {
			throw new ValidationException("themeId", "Send the id of the theme to rename");
		}
		return this.plans.renameTheme(id, body.themeId(), body.name(), body.version());
	}

	@GetMapping("/api/v1/commissioning/{year}/plan")
	@Operation(summary = "The plan a year commissions against, with the version of that choice; 404 when none")
	PlanManagement.YearPlan yearPlan(@PathVariable String year) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return this.plans.planOf(financialYear)
			.orElseThrow(() -> new NotFoundException(financialYear + " has not adopted a Police and Crime Plan"));
	}

	@PutMapping("/api/v1/commissioning/{year}/plan")
	@Operation(summary = "Adopt a plan for a year: the first choice once (409 naming who made it), a change with the "
			+ "version read, refused while the year's award lines link to its plan's themes")
	PlanManagement.YearPlan adopt(@PathVariable String year, @RequestBody AdoptBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.plans.adopt(FinancialYear.parse(year), body.planId(), body.version(), user);
	}

	/** A new stream. */
	record StreamBody(String name, String funder, StreamKind kind, Money amount, String conditions,
			Boolean ringFenced) {
	}

	/** A top-up or reduction. */
	record ChangeBody(StreamChange.Direction direction, Money amount, String reason, Long version) {
	}

	/** The run to link. */
	record LinkBody(Long runId) {
	}

	/** A stream with its allocation, runs and history. */
	record StreamJson(FundingStreamView stream, StreamAllocation allocation, List<RunDraw> draws,
			List<StreamChangeView> changes) {
	}

	/** A new plan. */
	record PlanBody(String name, LocalDate publishedOn, List<String> themes, Boolean allThemes, Boolean discretionary) {
	}

	/** A theme to add or a new name. */
	record ThemeBody(String name, ThemeKind kind, Long version) {
	}

	/** A theme's new name. */
	record RenameBody(Long themeId, String name, Long version) {
	}

	/**
	 * The plan to adopt, and the version of the year's choice read (none for a first
	 * choice).
	 */
	record AdoptBody(Long planId, Long version) {
	}

}
