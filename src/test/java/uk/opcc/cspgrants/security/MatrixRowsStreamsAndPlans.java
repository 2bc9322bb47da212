package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own: funding streams (read by all staff, changed
 * by officers and finance) and Police and Crime Plans (read by all staff, changed by
 * officers).
 */
final class MatrixRowsStreamsAndPlans {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /commissioning/{year}/streams", "AOFMC"),
			Map.entry("GET /commissioning/{year}/streams/new", "AOF"),
			Map.entry("POST /commissioning/{year}/streams", "AOF"),
			Map.entry("GET /commissioning/{year}/streams/{id}", "AOFMC"),
			Map.entry("GET /commissioning/{year}/streams/{id}/change", "AOF"),
			Map.entry("POST /commissioning/{year}/streams/{id}/change/check", "AOF"),
			Map.entry("POST /commissioning/{year}/streams/{id}/change", "AOF"),
			Map.entry("GET /commissioning/{year}/streams/{id}/runs", "AOF"),
			Map.entry("POST /commissioning/{year}/streams/{id}/runs", "AOF"),
			Map.entry("GET /commissioning/plans", "AOFMC"), Map.entry("GET /commissioning/plans/new", "AO"),
			Map.entry("POST /commissioning/plans", "AO"), Map.entry("GET /commissioning/plans/{id}", "AOFMC"),
			Map.entry("POST /commissioning/plans/{id}/themes", "AO"),
			Map.entry("POST /commissioning/plans/{id}/themes/rename", "AO"),
			Map.entry("GET /commissioning/{year}/plan", "AO"), Map.entry("POST /commissioning/{year}/plan", "AO"),
			Map.entry("GET /api/v1/commissioning/{year}/streams", "AOFMC"),
			Map.entry("POST /api/v1/commissioning/{year}/streams", "AOF"),
			Map.entry("GET /api/v1/commissioning/{year}/streams/{id}", "AOFMC"),
			Map.entry("POST /api/v1/commissioning/{year}/streams/{id}/changes", "AOF"),
			Map.entry("POST /api/v1/commissioning/{year}/streams/{id}/runs", "AOF"),
			Map.entry("GET /api/v1/commissioning/plans", "AOFMC"), Map.entry("POST /api/v1/commissioning/plans", "AO"),
			Map.entry("GET /api/v1/commissioning/plans/{id}", "AOFMC"),
			Map.entry("POST /api/v1/commissioning/plans/{id}/themes", "AO"),
			Map.entry("POST /api/v1/commissioning/plans/{id}/themes/rename", "AO"),
			Map.entry("GET /api/v1/commissioning/{year}/plan", "AOFMC"),
			Map.entry("PUT /api/v1/commissioning/{year}/plan", "AO"));

	private MatrixRowsStreamsAndPlans() {
	}

}
