package uk.opcc.cspgrants.grants;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.FinancialYear;

/** Grants to organisations other than the CSPs, in JSON. */
@RestController
@Tag(name = "Grants", description = "Grants per partnership per year, with carry forward")
class OrganisationGrantApiController {

	private final OrganisationGrants grants;

	OrganisationGrantApiController(OrganisationGrants grants) {
		this.grants = grants;
	}

	@GetMapping("/api/v1/grants/organisations")
	@Operation(summary = "Every grant to an organisation other than a CSP in a year (as 2013-14), made from the "
			+ "award schedule decided Supported, with its payments per period and what is paid")
	List<OrganisationGrantView> grants(@RequestParam String year) {
		return this.grants.grants(FinancialYear.parse(year));
	}

}
