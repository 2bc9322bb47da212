package uk.opcc.cspgrants.rounds;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A round's steps in JSON: opening it, moving its closing time later, closing it and
 * cancelling it, each once for the version read.
 */
@RestController
@Tag(name = "Grant rounds")
class RoundStepsApiController {

	private final RoundOpening opening;

	RoundStepsApiController(RoundOpening opening) {
		this.opening = opening;
	}

	@PostMapping("/api/v1/rounds/{reference}/open")
	@Operation(summary = "Open a complete draft round to applications, once for the version read: 400 saying what "
			+ "it still needs (themes, criteria weighing 100, every scale point described, guidance, who may apply) "
			+ "or that its closing time has passed; 409 when it is not a draft or changed since")
	RoundView open(@PathVariable String reference, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.opening.open(reference, body.version(), user);
	}

	@PostMapping("/api/v1/rounds/{reference}/closing-time")
	@Operation(summary = "Move an open round's closing time later, with a reason applicants read, once for the "
			+ "version read: 400 when it is not later or still to come, 409 when the round is not open or changed "
			+ "since")
	RoundView closeLater(@PathVariable String reference, @RequestBody ClosingTimeBody body,
			@AuthenticationPrincipal CurrentUser user) {
		if (body.closesAt() == null) {
			throw new ValidationException("closesAt", "Send the new closing time, like 2013-08-14T11:00:00Z");
		}
		return this.opening.closeLater(reference, body.closesAt(), body.reason(), body.version(), user);
	}

	@PostMapping("/api/v1/rounds/{reference}/close")
	@Operation(summary = "Close an open round to applications, once for the version read; before its closing time a "
			+ "reason is needed (400 without one); 409 when it is not open or changed since")
	RoundView close(@PathVariable String reference, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.opening.close(reference, body.reason(), body.version(), user);
	}

	@PostMapping("/api/v1/rounds/{reference}/cancel")
	@Operation(summary = "Cancel a draft or open round, with a reason, once for the version read; 409 when it is "
			+ "past open or changed since")
	RoundView cancel(@PathVariable String reference, @RequestBody StepBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.opening.cancel(reference, body.reason(), body.version(), user);
	}

	/** The version of the round read, and why where the step needs a reason. */
	record StepBody(String reason, Long version) {
	}

	/** The new closing time, why it moves, and the version of the round read. */
	record ClosingTimeBody(Instant closesAt, String reason, Long version) {
	}

}
