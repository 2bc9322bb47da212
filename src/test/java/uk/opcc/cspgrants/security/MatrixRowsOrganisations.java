package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own: organisations are read by all OPCC staff and
 * changed by administrators and officers; CSP managers see none of them.
 */
final class MatrixRowsOrganisations {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /organisations", "AOFMC"),
			Map.entry("GET /organisations/new", "AO"), Map.entry("POST /organisations", "AO"),
			Map.entry("GET /organisations/{id}", "AOFMC"), Map.entry("GET /organisations/{id}/edit", "AO"),
			Map.entry("POST /organisations/{id}", "AO"), Map.entry("GET /organisations/{id}/lead-authority", "AO"),
			Map.entry("POST /organisations/{id}/lead-authority", "AO"), Map.entry("GET /api/v1/organisations", "AOFMC"),
			Map.entry("POST /api/v1/organisations", "AO"), Map.entry("GET /api/v1/organisations/{id}", "AOFMC"),
			Map.entry("PUT /api/v1/organisations/{id}", "AO"));

	private MatrixRowsOrganisations() {
	}

}
