package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own: the schedule's import is for officers; its
 * export for all staff.
 */
final class MatrixRowsSpreadsheet {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /commissioning/{year}/schedule/import", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/import", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/import/{id}", "AO"),
			Map.entry("POST /commissioning/{year}/schedule/import/{id}", "AO"),
			Map.entry("GET /commissioning/{year}/schedule/export.xlsx", "AOFMC"),
			Map.entry("GET /commissioning/{year}/schedule/export.csv", "AOFMC"));

	private MatrixRowsSpreadsheet() {
	}

}
