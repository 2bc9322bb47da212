package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own.
 */
final class MatrixRowsRecipientReturns {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /monitoring/organisations", "AOFMCR"),
			Map.entry("GET /monitoring/organisations/{id}/{quarter}", "AOFMCR"),
			Map.entry("POST /monitoring/organisations/{id}/{quarter}", "AOR"),
			Map.entry("GET /monitoring/organisations/{id}/{quarter}/check", "AOR"),
			Map.entry("POST /monitoring/organisations/{id}/{quarter}/submit", "AOR"),
			Map.entry("GET /monitoring/organisations/{id}/{quarter}/{action}", "AO"),
			Map.entry("POST /monitoring/organisations/{id}/{quarter}/{action}", "AO"),
			Map.entry("GET /api/v1/returns/organisations", "AOFMCR"),
			Map.entry("GET /api/v1/returns/organisations/{id}/{quarter}", "AOFMCR"),
			Map.entry("PUT /api/v1/returns/organisations/{id}/{quarter}", "AO"),
			Map.entry("POST /api/v1/returns/organisations/{id}/{quarter}/submit", "AO"),
			Map.entry("POST /api/v1/returns/organisations/{id}/{quarter}/accept", "AO"),
			Map.entry("POST /api/v1/returns/organisations/{id}/{quarter}/return-for-correction", "AO"),
			Map.entry("POST /api/v1/returns/organisations/{id}/{quarter}/reopen", "AO"));

	private MatrixRowsRecipientReturns() {
	}

}
