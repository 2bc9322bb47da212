package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for the second factor (issue 17; see
 * {@link AuthorisationMatrixTest} for the letters). The code asked for after a password,
 * and setting up the app then, are steps of signing in, open to anyone (they act only for
 * the password given in the same session); one's own second factor, and one's own
 * password, are for everyone with a role but applicants, who have neither (they sign in
 * by a link); resetting someone's is for administrators.
 */
final class MatrixRowsSecondFactor {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /login/second-factor", "aAOFMCPRX"),
			Map.entry("POST /login/second-factor", "aAOFMCPRX"),
			Map.entry("GET /login/second-factor/set-up", "aAOFMCPRX"),
			Map.entry("POST /login/second-factor/set-up", "aAOFMCPRX"),
			Map.entry("GET /account/second-factor", "AOFMCPRV"),
			Map.entry("GET /account/second-factor/set-up", "AOFMCPRV"),
			Map.entry("POST /account/second-factor/set-up", "AOFMCPRV"),
			Map.entry("GET /account/second-factor/turn-off", "AOFMCPRV"),
			Map.entry("GET /account/second-factor/recovery-codes", "AOFMCPRV"),
			Map.entry("POST /account/second-factor/recovery-codes", "AOFMCPRV"),
			Map.entry("POST /account/second-factor/turn-off", "AOFMCPRV"),
			Map.entry("GET /account/password", "AOFMCPRV"), Map.entry("POST /account/password", "AOFMCPRV"),
			Map.entry("GET /account/confirm", "AOFMCPRVX"), Map.entry("POST /account/confirm", "AOFMCPRVX"),
			Map.entry("GET /admin/users/{id}/second-factor/reset", "A"),
			Map.entry("POST /admin/users/{id}/second-factor/reset", "A"));

	private MatrixRowsSecondFactor() {
	}

}
