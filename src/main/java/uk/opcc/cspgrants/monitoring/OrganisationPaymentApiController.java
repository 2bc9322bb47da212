package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.grants.OrganisationGrantManagement;
import uk.opcc.cspgrants.grants.OrganisationGrantView;
import uk.opcc.cspgrants.shared.CurrentUser;

/** Recording a payment of a grant to an organisation paid, in JSON. */
@RestController
@Tag(name = "Monitoring", description = "Quarterly returns, payments and quarterly reports")
class OrganisationPaymentApiController {

	private final OrganisationGrantManagement grants;

	OrganisationPaymentApiController(OrganisationGrantManagement grants) {
		this.grants = grants;
	}

	@PostMapping("/api/v1/payments/organisations/{id}")
	@Operation(summary = "Finance records a payment of a grant to an organisation paid, once, with the date "
			+ "(yyyy-mm-dd) and reference; send the payment's version you read. 400 for a date in the future or a "
			+ "missing reference, 409 naming who recorded it when it already is, or when it would take the grant's "
			+ "payments beyond its amount")
	OrganisationGrantView.Payment record(@PathVariable long id, @RequestBody PaidBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return this.grants.recordPayment(id, body.version(), body.paidOn(), body.reference(), user);
	}

	/** When and how a payment was made, and the version read. */
	record PaidBody(LocalDate paidOn, String reference, Long version) {
	}

}
