package uk.opcc.cspgrants.commissioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;

/**
 * The award schedule's decision record in JSON: what would be drafted, and drafting it.
 */
@RestController
@Tag(name = "Commissioning", description = "Funding streams, the Police and Crime Plan and the award schedule")
class ScheduleDecisionApiController {

	private final ScheduleDecisions decisions;

	ScheduleDecisionApiController(ScheduleDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping("/api/v1/commissioning/{year}/schedule/decision")
	@Operation(summary = "The decision record the year's award schedule would be drafted as (year as 2013-14): its "
			+ "words, the funding streams and the schedule as the attached table, and the grants a Supported decision "
			+ "makes")
	ScheduleDecisionProposal proposal(@PathVariable String year) {
		return this.decisions.proposal(FinancialYear.parse(year));
	}

	@PostMapping("/api/v1/commissioning/{year}/schedule/decision")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft the decision record of the year's award schedule and attach the schedule to it, once; "
			+ "send the schedule's version you read. 409 naming the record when the schedule is already in a decision "
			+ "record or decided, or was changed since; 400 when it has no lines or a line lacks what its route needs")
	Drafted draft(@PathVariable String year, @RequestBody DraftBody body, @AuthenticationPrincipal CurrentUser user) {
		DecisionView record = this.decisions.draft(FinancialYear.parse(year), body.version(), user);
		return new Drafted(record.reference(), record.status().name(), "/decisions/" + record.reference());
	}

	/** The schedule's version read. */
	record DraftBody(Long version) {
	}

	/** The record drafted (or attached to again after it was sent back). */
	record Drafted(String reference, String status, String page) {
	}

}
