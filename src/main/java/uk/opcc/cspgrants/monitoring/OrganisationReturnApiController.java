package uk.opcc.cspgrants.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;

/**
 * Returns for grants to organisations in JSON: a year's, one, saving one's figures and
 * its steps. A recipient contact reads only their own organisation's; the figures and
 * steps are the OPCC officers' through the API.
 */
@RestController
@Tag(name = "Monitoring", description = "Quarterly returns, payments and quarterly reports")
class OrganisationReturnApiController {

	private final OrganisationReturnManagement returns;

	private final Clock clock;

	OrganisationReturnApiController(OrganisationReturnManagement returns, Clock clock) {
		this.returns = returns;
		this.clock = clock;
	}

	@GetMapping("/api/v1/returns/organisations")
	@Operation(summary = "A year's grants to organisations, each with its payments and its four quarterly returns "
			+ "(a quarter not started has id 0); a recipient contact gets their own organisation's only. "
			+ "Without a year, the current financial year")
	List<OrganisationGrantReturns> year(@RequestParam(required = false) String year,
			@AuthenticationPrincipal CurrentUser user) {
		FinancialYear shown = (year != null && !year.isBlank()) ? FinancialYear.parse(year)
				: FinancialYear.of(LocalDate.ofInstant(this.clock.instant(), Dates.UK));
		return this.returns.year(shown, user);
	}

	@GetMapping("/api/v1/returns/organisations/{id}/{quarter}")
	@Operation(summary = "One quarterly return of a grant to an organisation; 404 for a grant that does not exist "
			+ "or that a recipient contact may not see")
	OrganisationReturnView get(@PathVariable long id, @PathVariable String quarter,
			@AuthenticationPrincipal CurrentUser user) {
		return this.returns.get(id, Quarter.parse(quarter), user);
	}

	@PutMapping("/api/v1/returns/organisations/{id}/{quarter}")
	@Operation(summary = "Save the figures of a draft or returned return; send the version you read (none for a "
			+ "new one). 400 with the fields refused, 409 when it was changed since or is no longer a draft")
	OrganisationReturnView save(@PathVariable long id, @PathVariable String quarter, @RequestBody FiguresBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.returns.save(id, Quarter.parse(quarter),
				new OrganisationReturnDetails((body.spendToDate() != null) ? Money.fromJson(body.spendToDate()) : null,
						body.outcomes(), body.comments(), body.version()),
				user);
	}

	@PostMapping("/api/v1/returns/organisations/{id}/{quarter}/submit")
	@Operation(summary = "Submit a return, once; with the version checked. 409 when it is already submitted "
			+ "(saying by whom) or was changed since")
	OrganisationReturnView submit(@PathVariable long id, @PathVariable String quarter, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.returns.submit(id, Quarter.parse(quarter), body.version(), user);
	}

	@PostMapping("/api/v1/returns/organisations/{id}/{quarter}/accept")
	@Operation(summary = "Accept a submitted return, once. 409 when it is already accepted (saying by whom)")
	OrganisationReturnView accept(@PathVariable long id, @PathVariable String quarter, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.returns.accept(id, Quarter.parse(quarter), body.version(), user);
	}

	@PostMapping("/api/v1/returns/organisations/{id}/{quarter}/return-for-correction")
	@Operation(summary = "Return a submitted return for correction with a reason. 400 without a reason")
	OrganisationReturnView returnForCorrection(@PathVariable long id, @PathVariable String quarter,
			@RequestBody StepBody body, @AuthenticationPrincipal CurrentUser user) {
		return this.returns.returnForCorrection(id, Quarter.parse(quarter), body.reason(), user);
	}

	@PostMapping("/api/v1/returns/organisations/{id}/{quarter}/reopen")
	@Operation(summary = "Re-open an accepted return as a draft, with a reason. 400 without a reason")
	OrganisationReturnView reopen(@PathVariable long id, @PathVariable String quarter, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.returns.reopen(id, Quarter.parse(quarter), body.reason(), user);
	}

	/** The figures of a return, with the version read. */
	record FiguresBody(BigDecimal spendToDate, String outcomes, String comments, Long version) {
	}

	/** The version checked and, for returning or re-opening, the reason. */
	record StepBody(Long version, String reason) {
	}

}
