package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for issue 15 (see {@link AuthorisationMatrixTest} for
 * the letters), kept in a file of their own.
 */
final class MatrixRowsSchedule {

	static final Map<String, String> ROWS = Map.ofEntries();

	private MatrixRowsSchedule() {
	}

}
