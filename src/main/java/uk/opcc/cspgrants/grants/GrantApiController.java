package uk.opcc.cspgrants.grants;

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
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;

/** Grants in JSON. */
@RestController
@Tag(name = "Grants", description = "Grants per partnership per year, with carry forward")
class GrantApiController {

	private final GrantManagement grants;

	GrantApiController(GrantManagement grants) {
		this.grants = grants;
	}

	@GetMapping("/api/v1/grants")
	@Operation(summary = "The grants of a year you may see, with allocation, carry forward and total available")
	List<GrantResponse> grants(@RequestParam String year, @AuthenticationPrincipal CurrentUser user) {
		return this.grants.grants(FinancialYear.parse(year), user).stream().map(GrantResponse::of).toList();
	}

	@PutMapping("/api/v1/grants/{year}/{partnership}")
	@Operation(summary = "Set a historic allocation (entered by hand, with a note) and the carry forward")
	GrantResponse setHistoric(@PathVariable String year, @PathVariable String partnership,
			@RequestBody HistoricGrant body) {
		return GrantResponse.of(this.grants.setHistoric(FinancialYear.parse(year), partnership, body.allocation(),
				body.carryForward(), body.note(), body.version()));
	}

	@PostMapping("/api/v1/grants/from-run/{runId}")
	@Operation(summary = "Create each partnership's grant line from an approved formula run, once")
	List<GrantResponse> fromRun(@PathVariable long runId) {
		return this.grants.createFromRun(runId).stream().map(GrantResponse::of).toList();
	}

	/** A historic allocation and carry forward. */
	record HistoricGrant(Money allocation, Money carryForward, String note, Long version) {
	}

	/** A grant with its sums. */
	record GrantResponse(String partnership, String name, FinancialYear year, Money allocation, Money carryForward,
			Money totalAvailable, List<GrantView.Line> lines, long version) {

		static GrantResponse of(GrantView grant) {
			return new GrantResponse(grant.code(), grant.name(), grant.year(), grant.allocation(), grant.carryForward(),
					grant.totalAvailable(), grant.lines(), grant.version());
		}

	}

}
