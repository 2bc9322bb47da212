package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for API tokens (issue 17; see
 * {@link AuthorisationMatrixTest} for the letters): the OPCC's staff and CSP managers
 * have their own tokens; only administrators see everyone's and make them for service
 * accounts. Recipients' contacts, applicants and themed reviewers hold none. Everyone but
 * an applicant sees their sessions and signs them out.
 */
final class MatrixRowsTokens {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /account/tokens", "AOFMCP"),
			Map.entry("POST /account/tokens", "AOFMCP"), Map.entry("GET /account/tokens/{id}/revoke", "AOFMCP"),
			Map.entry("POST /account/tokens/{id}/revoke", "AOFMCP"), Map.entry("GET /admin/tokens", "A"),
			Map.entry("POST /admin/tokens", "A"), Map.entry("GET /admin/tokens/{id}/revoke", "A"),
			Map.entry("POST /admin/tokens/{id}/revoke", "A"), Map.entry("GET /account/sessions", "AOFMCPRVX"),
			Map.entry("POST /account/sessions/{id}/end", "AOFMCPRVX"),
			Map.entry("POST /account/sessions/end-others", "AOFMCPRVX"));

	private MatrixRowsTokens() {
	}

}
