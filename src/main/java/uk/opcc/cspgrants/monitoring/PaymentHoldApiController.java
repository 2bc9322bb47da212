package uk.opcc.cspgrants.monitoring;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;

/** Payment holds in JSON: the active ones, and releasing one with a reason. */
@RestController
@Tag(name = "Monitoring", description = "Quarterly returns, payments and quarterly reports")
class PaymentHoldApiController {

	private final PaymentHolds holds;

	PaymentHoldApiController(PaymentHolds holds) {
		this.holds = holds;
	}

	@GetMapping("/api/v1/payment-holds")
	@Operation(summary = "The active payment holds: partnerships whose payments cannot be recorded as paid because "
			+ "a return is overdue by the year's hold days")
	List<PaymentHold> active() {
		return this.holds.active();
	}

	@GetMapping("/api/v1/payment-holds/{id}")
	@Operation(summary = "A payment hold, active or released")
	PaymentHold hold(@PathVariable long id) {
		return this.holds.get(id);
	}

	@PostMapping("/api/v1/payment-holds/{id}/release")
	@Operation(summary = "Release a payment hold with a reason, once; send the version you read. "
			+ "400 without a reason, 409 when it is already released or was changed since")
	PaymentHold release(@PathVariable long id, @RequestBody ReleaseBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.holds.release(id, body.reason(), body.version(), user);
	}

	/** Why a hold is released, and the version read. */
	record ReleaseBody(String reason, Long version) {
	}

}
