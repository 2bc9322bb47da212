package uk.opcc.cspgrants.monitoring;

import java.util.List;

import uk.opcc.cspgrants.grants.OrganisationGrantView;

/**
 * A grant to an organisation with its four quarterly returns (a quarter not started is an
 * empty draft).
 *
 * @param grant the grant, with its payments
 * @param quarters its returns, Q1 to Q4
 */
public record OrganisationGrantReturns(OrganisationGrantView grant, List<OrganisationReturnView> quarters) {

	public OrganisationGrantReturns {
		quarters = List.copyOf(quarters);
	}

}
