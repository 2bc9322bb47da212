package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own: putting the award schedule to a decision
 * (officers), grants to other recipients (staff) and recording their payments (finance).
 */
final class MatrixRowsDecisionAndGrants {

	static final Map<String, String> ROWS = Map.ofEntries(
			Map.entry("GET /commissioning/{year}/schedule/decision", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/decision", "AO"),
			Map.entry("GET /api/v1/commissioning/{year}/schedule/decision", "AOFMC"),
			Map.entry("POST /api/v1/commissioning/{year}/schedule/decision", "AO"),
			Map.entry("GET /grants/{year}/organisations/{id}", "AOFMC"),
			Map.entry("GET /api/v1/grants/organisations", "AOFMC"),
			Map.entry("GET /monitoring/payments/organisations/{id}", "F"),
			Map.entry("POST /monitoring/payments/organisations/{id}", "F"),
			Map.entry("POST /api/v1/payments/organisations/{id}", "F"));

	private MatrixRowsDecisionAndGrants() {
	}

}
