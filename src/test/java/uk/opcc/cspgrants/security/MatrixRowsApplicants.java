package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for applicants to grant rounds (issue 16, step 3; see
 * {@link AuthorisationMatrixTest} for the letters): anyone may ask for a sign-in link and
 * open one; only an applicant has the applicant's home page, which every other role is
 * refused.
 */
final class MatrixRowsApplicants {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /apply", "X"),
			Map.entry("GET /apply/sign-in", "aAOFMCP"), Map.entry("POST /apply/sign-in", "aAOFMCP"),
			Map.entry("GET /apply/sign-in/sent", "aAOFMCP"), Map.entry("GET /apply/link/{token}", "aAOFMCP"),
			Map.entry("POST /apply/link/{token}", "aAOFMCP"), Map.entry("GET /apply/rounds/{reference}/start", "X"),
			Map.entry("POST /apply/rounds/{reference}/start", "X"), Map.entry("GET /apply/applications/{id}", "X"),
			Map.entry("GET /apply/applications/{id}/organisation", "X"),
			Map.entry("POST /apply/applications/{id}/organisation", "X"),
			Map.entry("GET /apply/applications/{id}/partnership", "X"),
			Map.entry("POST /apply/applications/{id}/partnership", "X"),
			Map.entry("GET /apply/applications/{id}/contact", "X"),
			Map.entry("POST /apply/applications/{id}/contact", "X"),
			Map.entry("GET /apply/applications/{id}/project", "X"),
			Map.entry("POST /apply/applications/{id}/project", "X"),
			Map.entry("GET /apply/applications/{id}/funding", "X"),
			Map.entry("POST /apply/applications/{id}/funding", "X"),
			Map.entry("GET /apply/applications/{id}/outcomes", "X"),
			Map.entry("POST /apply/applications/{id}/outcomes", "X"),
			Map.entry("GET /apply/applications/{id}/documents", "X"),
			Map.entry("POST /apply/applications/{id}/documents", "X"),
			Map.entry("GET /apply/applications/{id}/documents/{documentId}", "X"),
			Map.entry("GET /apply/applications/{id}/documents/{documentId}/remove", "X"),
			Map.entry("POST /apply/applications/{id}/documents/{documentId}/remove", "X"),
			Map.entry("GET /apply/applications/{id}/check", "X"),
			Map.entry("POST /apply/applications/{id}/submit", "X"),
			Map.entry("GET /apply/applications/{id}/submitted", "X"),
			Map.entry("GET /rounds/{reference}/applications", "AO"),
			Map.entry("GET /rounds/{reference}/applications/{application}", "AO"),
			Map.entry("GET /rounds/{reference}/applications/{application}/documents/{documentId}", "AO"),
			Map.entry("GET /rounds/{reference}/applications/{application}/eligibility", "AO"),
			Map.entry("POST /rounds/{reference}/applications/{application}/eligibility", "AO"),
			Map.entry("POST /rounds/{reference}/applications/{application}/eligibility/confirm", "AO"),
			Map.entry("GET /rounds/{reference}/applications/{application}/due-diligence", "AO"),
			Map.entry("POST /rounds/{reference}/applications/{application}/due-diligence", "AO"));

	private MatrixRowsApplicants() {
	}

}
