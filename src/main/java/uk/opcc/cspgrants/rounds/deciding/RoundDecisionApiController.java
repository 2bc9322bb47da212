package uk.opcc.cspgrants.rounds.deciding;

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

/** A round at the panel put to the Commissioner, for other systems. */
@RestController
@Tag(name = "Grant rounds")
class RoundDecisionApiController {

	private final RoundDecisions decisions;

	RoundDecisionApiController(RoundDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping("/api/v1/rounds/{reference}/decision")
	@Operation(summary = "The decision record the round would be drafted as: its words, the Review Panel's "
			+ "recommendations as the attached table, what the funded applications add up to and what still stops "
			+ "the round being put to a decision (missing)")
	RoundDecisionProposal proposal(@PathVariable String reference) {
		return this.decisions.proposal(reference);
	}

	@PostMapping("/api/v1/rounds/{reference}/decision")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft the round's decision record and put the round in it, once; send the round's version "
			+ "you read. 409 naming the record when the round is already in one or decided, or was changed since; "
			+ "400 saying what is missing (a recommendation, room in the year's award schedule)")
	Drafted draft(@PathVariable String reference, @RequestBody DraftBody body,
			@AuthenticationPrincipal CurrentUser user) {
		DecisionView record = this.decisions.draft(reference, body.version(), user);
		return new Drafted(record.reference(), record.status().name(), "/decisions/" + record.reference());
	}

	/** The round's version read. */
	record DraftBody(Long version) {
	}

	/** The record drafted (or returned to after it was sent back). */
	record Drafted(String reference, String status, String page) {
	}

}
