package uk.opcc.cspgrants.security;

import java.util.Map;

/**
 * Rows of the authorisation matrix for themed reviewers, moderation and the Review Panel
 * of grant rounds (issue 16, steps 8 to 12; see {@link AuthorisationMatrixTest} for the
 * letters): officers and administrators put reviewers on a round and assign them, and put
 * its panel's recommendations to a decision; only a reviewer has the reviewer's pages,
 * which every other role is refused.
 */
final class MatrixRowsReviews {

	static final Map<String, String> ROWS = Map.ofEntries(Map.entry("GET /rounds/{reference}/reviewers", "AO"),
			Map.entry("POST /rounds/{reference}/reviewers", "AO"),
			Map.entry("POST /rounds/{reference}/reviewers/{id}/remove", "AO"),
			Map.entry("GET /rounds/{reference}/assignments", "AO"),
			Map.entry("POST /rounds/{reference}/assignments", "AO"), Map.entry("GET /rounds/{reference}/ranking", "AO"),
			Map.entry("GET /rounds/{reference}/applications/{application}/scores", "AO"),
			Map.entry("POST /rounds/{reference}/applications/{application}/notes", "AO"),
			Map.entry("POST /rounds/{reference}/applications/{application}/scores/{assignment}/return", "AO"),
			Map.entry("GET /rounds/{reference}/assessed", "AO"), Map.entry("POST /rounds/{reference}/assessed", "AO"),
			Map.entry("GET /api/v1/rounds/{reference}/ranking", "AOFMC"),
			Map.entry("POST /api/v1/rounds/{reference}/assessed", "AO"),
			Map.entry("GET /rounds/{reference}/panel", "AO"), Map.entry("POST /rounds/{reference}/panel/members", "AO"),
			Map.entry("POST /rounds/{reference}/panel/members/{id}/remove", "AO"),
			Map.entry("GET /rounds/{reference}/panel/start", "AO"),
			Map.entry("POST /rounds/{reference}/panel/start", "AO"),
			Map.entry("GET /rounds/{reference}/panel/applications/{application}", "AO"),
			Map.entry("POST /rounds/{reference}/panel/applications/{application}", "AO"),
			Map.entry("POST /rounds/{reference}/panel/applications/{application}/interests", "AO"),
			Map.entry("GET /rounds/{reference}/panel.csv", "AO"), Map.entry("GET /rounds/{reference}/panel.xlsx", "AO"),
			Map.entry("GET /rounds/{reference}/panel-minutes.pdf", "AO"),
			Map.entry("GET /rounds/{reference}/decision", "AO"), Map.entry("POST /rounds/{reference}/decision", "AO"),
			Map.entry("GET /api/v1/rounds/{reference}/decision", "AOFMC"),
			Map.entry("POST /api/v1/rounds/{reference}/decision", "AO"), Map.entry("GET /review", "V"),
			Map.entry("GET /api/v1/review", "V"), Map.entry("GET /api/v1/review/assignments/{id}", "V"),
			Map.entry("POST /api/v1/review/assignments/{id}/declaration", "V"),
			Map.entry("PUT /api/v1/review/assignments/{id}/scores", "V"),
			Map.entry("POST /api/v1/review/assignments/{id}/submit", "V"), Map.entry("GET /review/my-scores.csv", "V"),
			Map.entry("GET /review/assignments/{id}", "V"), Map.entry("POST /review/assignments/{id}/declare", "V"),
			Map.entry("GET /review/assignments/{id}/application", "V"),
			Map.entry("GET /review/assignments/{id}/documents/{documentId}", "V"),
			Map.entry("GET /review/assignments/{id}/scores", "V"),
			Map.entry("POST /review/assignments/{id}/scores", "V"),
			Map.entry("GET /review/assignments/{id}/check", "V"),
			Map.entry("POST /review/assignments/{id}/submit", "V"));

	private MatrixRowsReviews() {
	}

}
