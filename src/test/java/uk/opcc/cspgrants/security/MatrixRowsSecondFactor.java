package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for the second factor (issue 17; see
 * {@link AuthorisationMatrixTest} for the letters). The code asked for after a password,
 * and setting up the app then, are steps of signing in, open to anyone (they act only for
 * the password given in the same session); one's own second factor is for the OPCC's
 * staff and CSP managers; resetting someone's is for administrators. Changing one's own
 * password is for everyone with a role but applicants, who have none.
 */
final class MatrixRowsSecondFactor {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /login/second-factor", "aAOFMCPRX"),
			Map.entry("POST /login/second-factor", "aAOFMCPRX"),
			Map.entry("GET /login/second-factor/set-up", "aAOFMCPRX"),
			Map.entry("POST /login/second-factor/set-up", "aAOFMCPRX"),
			Map.entry("GET /account/second-factor", "AOFMCP"), Map.entry("GET /account/second-factor/set-up", "AOFMCP"),
			Map.entry("POST /account/second-factor/set-up", "AOFMCP"),
			Map.entry("GET /account/second-factor/turn-off", "AOFMCP"),
			Map.entry("POST /account/second-factor/turn-off", "AOFMCP"), Map.entry("GET /account/password", "AOFMCPRV"),
			Map.entry("POST /account/password", "AOFMCPRV"), Map.entry("GET /account/confirm", "AOFMCPRVX"),
			Map.entry("POST /account/confirm", "AOFMCPRVX"),
			Map.entry("GET /admin/users/{id}/second-factor/reset", "A"),
			Map.entry("POST /admin/users/{id}/second-factor/reset", "A"));

	private MatrixRowsSecondFactor() {
	}

}
