package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for single sign-on (issue 17; see
 * {@link AuthorisationMatrixTest} for the letters): only administrators see and change
 * the sign-in mappings. The page for someone signed in with no role yet is open to
 * whoever is signed in (anyone holding a role is sent on to their home), but recipients'
 * contacts and applicants, who reach only their own pages.
 */
final class MatrixRowsSingleSignOn {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /account/no-role", "AOFMCP"),
			Map.entry("GET /admin/sign-in-mappings", "A"), Map.entry("POST /admin/sign-in-mappings", "A"),
			Map.entry("POST /admin/sign-in-mappings/{id}/switch-off", "A"),
			Map.entry("POST /admin/sign-in-mappings/{id}/switch-on", "A"));

	private MatrixRowsSingleSignOn() {
	}

}
