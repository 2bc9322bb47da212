package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 16's grant rounds (see
 * {@link AuthorisationMatrixTest} for the letters), kept in a file of their own: read by
 * all staff, drafted, changed, opened, closed and cancelled by officers and
 * administrators; CSP managers and recipients' contacts are refused. The public pages of
 * rounds are for everyone.
 */
final class MatrixRowsRounds {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /rounds", "AOFMC"),
			Map.entry("GET /rounds/new", "AO"), Map.entry("POST /rounds", "AO"),
			Map.entry("GET /rounds/{reference}", "AOFMC"), Map.entry("GET /rounds/{reference}/edit", "AO"),
			Map.entry("POST /rounds/{reference}/edit", "AO"), Map.entry("GET /rounds/{reference}/criteria", "AO"),
			Map.entry("POST /rounds/{reference}/criteria", "AO"), Map.entry("GET /rounds/{reference}/scale", "AO"),
			Map.entry("POST /rounds/{reference}/scale", "AO"), Map.entry("GET /api/v1/rounds", "AOFMC"),
			Map.entry("POST /api/v1/rounds", "AO"), Map.entry("GET /api/v1/rounds/{reference}", "AOFMC"),
			Map.entry("PUT /api/v1/rounds/{reference}", "AO"),
			Map.entry("PUT /api/v1/rounds/{reference}/criteria", "AO"),
			Map.entry("PUT /api/v1/rounds/{reference}/scale", "AO"), Map.entry("GET /rounds/{reference}/open", "AO"),
			Map.entry("POST /rounds/{reference}/open", "AO"), Map.entry("GET /rounds/{reference}/closing-time", "AO"),
			Map.entry("POST /rounds/{reference}/closing-time/check", "AO"),
			Map.entry("POST /rounds/{reference}/closing-time", "AO"), Map.entry("GET /rounds/{reference}/close", "AO"),
			Map.entry("POST /rounds/{reference}/close", "AO"), Map.entry("GET /rounds/{reference}/cancel", "AO"),
			Map.entry("POST /rounds/{reference}/cancel", "AO"), Map.entry("POST /api/v1/rounds/{reference}/open", "AO"),
			Map.entry("POST /api/v1/rounds/{reference}/closing-time", "AO"),
			Map.entry("POST /api/v1/rounds/{reference}/close", "AO"),
			Map.entry("POST /api/v1/rounds/{reference}/cancel", "AO"), Map.entry("GET /public/rounds", "aAOFMCP"),
			Map.entry("GET /public/rounds/{reference}", "aAOFMCP"));

	private MatrixRowsRounds() {
	}

}
