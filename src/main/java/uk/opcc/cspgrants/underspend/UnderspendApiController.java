package uk.opcc.cspgrants.underspend;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Year end, underspend and redistributions in JSON. */
@RestController
@Tag(name = "Underspend", description = "Year end, underspend and redistribution proposals")
class UnderspendApiController {

	private final YearEndManagement yearEnds;

	private final RedistributionManagement redistributions;

	UnderspendApiController(YearEndManagement yearEnds, RedistributionManagement redistributions) {
		this.yearEnds = yearEnds;
		this.redistributions = redistributions;
	}

	@PostMapping("/api/v1/years/{year}/close")
	@Operation(summary = "Close a financial year (finance); a reason is needed when any Q4 return is not accepted")
	YearEnd close(@PathVariable String year, @RequestBody(required = false) CloseBody body,
			@AuthenticationPrincipal CurrentUser user) {
		CloseBody close = (body != null) ? body : new CloseBody(null, false);
		return this.yearEnds.close(FinancialYear.parse(year), close.missingReason(),
				Boolean.TRUE.equals(close.carryOverspend()), user);
	}

	@PostMapping("/api/v1/years/{year}/reopen")
	@Operation(summary = "Re-open a closed financial year, with a reason (finance)")
	YearEnd reopen(@PathVariable String year, @RequestBody ReasonBody body, @AuthenticationPrincipal CurrentUser user) {
		return this.yearEnds.reopen(FinancialYear.parse(year), body.reason(), user);
	}

	@GetMapping("/api/v1/years/{year}/underspend")
	@Operation(summary = "Underspend by partnership: allocation, carry forward, total, spend, underspend and policy")
	YearEnd underspend(@PathVariable String year) {
		return this.yearEnds.yearEnd(FinancialYear.parse(year));
	}

	@GetMapping("/api/v1/redistributions")
	@Operation(summary = "Every redistribution proposal, newest first")
	List<RedistributionView> list() {
		return this.redistributions.list();
	}

	@PostMapping("/api/v1/redistributions")
	@Operation(
			summary = "Propose a redistribution: top-slices (one may take the balance of a budget) and a formula for the rest")
	ResponseEntity<RedistributionView> propose(@RequestBody RedistributionRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		RedistributionView created = this.redistributions.propose(request, user);
		return ResponseEntity.created(URI.create("/api/v1/redistributions/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/redistributions/{id}")
	@Operation(summary = "Revise a draft proposal, or one that was not supported")
	RedistributionView revise(@PathVariable long id, @RequestBody RedistributionRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.redistributions.revise(id, request, user);
	}

	@GetMapping("/api/v1/redistributions/{id}")
	@Operation(summary = "A proposal with its live summary")
	RedistributionView get(@PathVariable long id) {
		return this.redistributions.get(id);
	}

	@PostMapping("/api/v1/redistributions/{id}/approve")
	@Operation(
			summary = "Approve a proposal (finance, not its proposer): approves its run and drafts its decision record")
	RedistributionView approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.redistributions.approve(id, user);
	}

	/** Closing a year. */
	record CloseBody(String missingReason, Boolean carryOverspend) {
	}

	/** A reason. */
	record ReasonBody(String reason) {
	}

}
