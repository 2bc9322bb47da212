package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own: the award schedule. Staff read it; officers
 * and administrators change it.
 */
final class MatrixRowsSchedule {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /commissioning", "AOFMC"),
			Map.entry("GET /commissioning/{year}", "AOFMC"), Map.entry("GET /commissioning/{year}/schedule", "AOFMC"),
			Map.entry("GET /commissioning/{year}/schedule/new", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/new", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/lines/new", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/lines", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/lines/{id}/edit", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/lines/{id}", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/lines/{id}/remove", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/lines/{id}/remove", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/tolerance", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/tolerance", "AO"),
			Map.entry("GET /api/v1/commissioning/{year}/schedule", "AOFMC"),
			Map.entry("POST /api/v1/commissioning/{year}/schedule", "AO"),
			Map.entry("POST /api/v1/commissioning/{year}/schedule/lines", "AO"),
			Map.entry("PUT /api/v1/commissioning/{year}/schedule/lines/{id}", "AO"),
			Map.entry("DELETE /api/v1/commissioning/{year}/schedule/lines/{id}", "AO"),
			Map.entry("PUT /api/v1/commissioning/{year}/schedule/tolerance", "AO"));

	private MatrixRowsSchedule() {
	}

}
