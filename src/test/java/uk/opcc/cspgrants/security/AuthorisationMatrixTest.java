package uk.opcc.cspgrants.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.ReviewerFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.RecipientFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route and API endpoint of the application, read from Spring's request mappings,
 * against anonymous and each role, with who may use it in an explicit table: a new
 * endpoint without a row fails this test. A denied request must get 403 (or, anonymous,
 * the sign-in page or 401); an allowed one anything but those. Requests that would change
 * data are sent only for the roles that must be refused, so the check changes nothing.
 */
@IntegrationTest
class AuthorisationMatrixTest {

	/**
	 * Who may: a = anonymous, A admin, O officer, F finance, M Monitoring Officer, C
	 * Commissioner, P CSP manager, R recipient contact, X applicant to a grant round (R
	 * and X may also do what anonymous may; a row without R or X refuses them).
	 */
	private static final Map<String, String> MATRIX = new TreeMap<>(Map.ofEntries(Map.entry("GET /", "aAOFMCP"),
			Map.entry("GET /public", "aAOFMCP"), Map.entry("GET /login", "aAOFMCP"), Map.entry("GET /error", "aAOFMCP"),
			Map.entry("GET /how-the-formula-works", "aAOFMCP"), Map.entry("GET /admin/audit", "A"),
			Map.entry("GET /admin/users", "A"), Map.entry("GET /admin/users/new", "A"),
			Map.entry("GET /admin/users/new-service-account", "A"),
			Map.entry("POST /admin/users/service-accounts", "A"), Map.entry("GET /admin/users/{id}", "A"),
			Map.entry("POST /admin/users", "A"), Map.entry("POST /admin/users/{id}", "A"),
			Map.entry("POST /admin/users/{id}/password", "A"), Map.entry("POST /admin/users/{id}/disable", "A"),
			Map.entry("POST /admin/users/{id}/enable", "A"), Map.entry("GET /admin/bank-holidays", "A"),
			Map.entry("POST /admin/bank-holidays", "A"), Map.entry("GET /admin/bank-holidays/check/{id}", "A"),
			Map.entry("POST /admin/bank-holidays/check/{id}", "A"), Map.entry("GET /partnerships", "AOFMCP"),
			Map.entry("GET /partnerships/new", "AO"), Map.entry("GET /partnerships/{code}", "AOFMCP"),
			Map.entry("GET /partnerships/{code}/edit", "AO"), Map.entry("POST /partnerships", "AO"),
			Map.entry("POST /partnerships/{code}", "AO"), Map.entry("POST /partnerships/{code}/archive", "AO"),
			Map.entry("POST /partnerships/{code}/restore", "AO"), Map.entry("GET /partnership-groups", "AOFMCP"),
			Map.entry("GET /partnership-groups/new", "AO"), Map.entry("GET /partnership-groups/{id}", "AOFMCP"),
			Map.entry("GET /partnership-groups/{id}/edit", "AO"),
			Map.entry("GET /partnership-groups/{id}/archive", "AO"), Map.entry("POST /partnership-groups", "AO"),
			Map.entry("POST /partnership-groups/{id}", "AO"), Map.entry("POST /partnership-groups/{id}/archive", "AO"),
			Map.entry("POST /partnership-groups/{id}/restore", "AO"),
			Map.entry("GET /api/v1/partnership-groups", "AOFMCP"),
			Map.entry("GET /api/v1/partnership-groups/{id}", "AOFMCP"),
			Map.entry("POST /api/v1/partnership-groups", "AO"), Map.entry("PUT /api/v1/partnership-groups/{id}", "AO"),
			Map.entry("POST /api/v1/partnership-groups/{id}/archive", "AO"),
			Map.entry("POST /api/v1/partnership-groups/{id}/restore", "AO"), Map.entry("GET /indicators", "AOFMC"),
			Map.entry("GET /indicators/import", "AOFMC"), Map.entry("GET /indicators/crime-counts.csv", "AOFMC"),
			Map.entry("GET /indicators/harm-weights", "AOFMC"),
			Map.entry("GET /indicators/{year}/{code}/correct", "AOFMC"),
			Map.entry("GET /indicators/{year}/{code}/crime-sources", "AOFMC"),
			Map.entry("POST /indicators/{year}/{code}/correct", "AO"), Map.entry("POST /indicators/harm-weights", "AO"),
			Map.entry("POST /indicators/import/police-uk", "AO"), Map.entry("POST /indicators/import/population", "AO"),
			Map.entry("POST /indicators/import/generic", "AO"), Map.entry("GET /allocations", "AOFMC"),
			Map.entry("GET /allocations/mine", "AOFMCP"), Map.entry("GET /allocations/formulas/new", "AOFMC"),
			Map.entry("GET /allocations/formulas/{id}", "AOFMC"), Map.entry("POST /allocations/formulas", "AO"),
			Map.entry("POST /allocations/formulas/{id}", "AO"), Map.entry("GET /allocations/runs/new", "AOFMC"),
			Map.entry("POST /allocations/runs", "AO"), Map.entry("GET /allocations/runs/{id}", "AOFMC"),
			Map.entry("POST /allocations/runs/{id}/approve", "F"), Map.entry("GET /allocations/runs/{id}/approve", "F"),
			Map.entry("POST /underspend/{year}/close/check", "F"), Map.entry("GET /redistributions/{id}/approve", "F"),
			Map.entry("GET /allocations/runs/{id}/discard", "AO"),
			Map.entry("POST /allocations/runs/{id}/discard", "AO"),
			Map.entry("GET /allocations/runs/{id}/explain/{code}", "AOFMCP"),
			Map.entry("GET /allocations/runs/{id}/scenario", "AOFMC"),
			Map.entry("POST /allocations/runs/{id}/scenario", "AO"),
			Map.entry("GET /allocations/runs/{id}/sensitivity", "AOFMC"),
			Map.entry("GET /allocations/runs/{id}/table.csv", "AOFMC"),
			Map.entry("GET /allocations/runs/{id}/table.xlsx", "AOFMC"), Map.entry("GET /allocations/check", "AOFMC"),
			Map.entry("POST /allocations/check", "AOFMC"), Map.entry("POST /allocations/check/save", "AO"),
			Map.entry("GET /allocations/check/{id}", "AOFMC"), Map.entry("GET /public/published-splits", "aAOFMCP"),
			Map.entry("GET /public/published-splits/{id}", "aAOFMCP"),
			Map.entry("POST /api/v1/published-splits/check", "AOFMC"),
			Map.entry("GET /api/v1/published-splits", "AOFMC"), Map.entry("GET /api/v1/published-splits/{id}", "AOFMC"),
			Map.entry("POST /api/v1/published-splits", "AO"), Map.entry("GET /grants", "AOFMCP"),
			Map.entry("GET /grants/{year}/{code}", "AOFMCP"), Map.entry("POST /grants/{year}/{code}", "AO"),
			Map.entry("POST /grants/from-run", "AO"), Map.entry("POST /grants/settings", "AO"),
			Map.entry("GET /monitoring", "AOFMCP"), Map.entry("GET /monitoring/payments", "AOFMCP"),
			Map.entry("GET /monitoring/returns", "AOFMCP"), Map.entry("POST /monitoring/payments/{year}/{code}", "F"),
			Map.entry("GET /monitoring/payments/{year}/{code}", "F"),
			Map.entry("GET /monitoring/returns/{year}/{quarter}/{code}", "AOFMCP"),
			Map.entry("GET /monitoring/holds/{id}/release", "AO"),
			Map.entry("POST /monitoring/holds/{id}/release", "AO"),
			Map.entry("GET /monitoring/holds/{id}/released", "AO"), Map.entry("GET /api/v1/payment-holds", "AOFMC"),
			Map.entry("GET /api/v1/payment-holds/{id}", "AOFMC"),
			Map.entry("POST /api/v1/payment-holds/{id}/release", "AO"),
			Map.entry("POST /monitoring/returns/{year}/{quarter}/{code}", "AOP"),
			Map.entry("GET /monitoring/returns/{year}/{quarter}/{code}/check", "AOP"),
			Map.entry("GET /monitoring/returns/{year}/{quarter}/{code}/submitted", "AOP"),
			Map.entry("POST /monitoring/returns/{year}/{quarter}/{code}/submit", "AOP"),
			Map.entry("POST /monitoring/returns/{year}/{quarter}/{code}/{action}", "AO"),
			Map.entry("GET /monitoring/reports/{year}/{quarter}", "AOFMC"),
			Map.entry("GET /monitoring/reports/{year}/{quarter}.csv", "AOFMC"),
			Map.entry("GET /monitoring/reports/{year}/{quarter}.xlsx", "AOFMC"), Map.entry("GET /decisions", "AOFMC"),
			Map.entry("GET /decisions/new", "AOFMC"), Map.entry("GET /decisions/{reference}", "AOFMC"),
			Map.entry("GET /decisions/{reference}.pdf", "AOFMC"), Map.entry("GET /decisions/{reference}/edit", "AOFMC"),
			Map.entry("POST /decisions", "AOFMC"), Map.entry("POST /decisions/{reference}", "AOFMC"),
			Map.entry("POST /decisions/{reference}/consult", "AOFMC"),
			Map.entry("POST /decisions/{reference}/publication", "AOFMC"),
			Map.entry("POST /decisions/{reference}/decide", "AOFMC"),
			Map.entry("GET /decisions/{reference}/decide", "C"),
			Map.entry("GET /decisions/{reference}/decided", "AOFMC"),
			Map.entry("POST /decisions/{reference}/send-back", "AOFMC"), Map.entry("GET /underspend", "AOFMC"),
			Map.entry("POST /underspend/{year}/close", "AOFMC"), Map.entry("POST /underspend/{year}/reopen", "AOFMC"),
			Map.entry("GET /redistributions", "AOFMC"), Map.entry("GET /redistributions/new", "AOFMC"),
			Map.entry("GET /redistributions/{id}", "AOFMC"), Map.entry("GET /redistributions/{id}/edit", "AOFMC"),
			Map.entry("POST /redistributions", "AOFMC"), Map.entry("POST /redistributions/{id}", "AOFMC"),
			Map.entry("POST /redistributions/{id}/approve", "F"), Map.entry("GET /public/decisions", "aAOFMCP"),
			Map.entry("GET /public/decisions/{reference}", "aAOFMCP"),
			Map.entry("GET /public/decisions/{reference}.pdf", "aAOFMCP"),
			Map.entry("GET /public/allocations/{year}", "aAOFMCP"),
			Map.entry("GET /public/allocations/{year}/{code}", "aAOFMCP"),
			Map.entry("GET /public/allocations/{year}/scenario", "aAOFMCP"),
			Map.entry("GET /public/open-data/360giving.json", "aAOFMCP"),
			Map.entry("GET /public/open-data/360giving.csv", "aAOFMCP"),
			Map.entry("GET /api/v1/partnerships", "AOFMCP"), Map.entry("GET /api/v1/partnerships/{code}", "AOFMCP"),
			Map.entry("POST /api/v1/partnerships", "AO"), Map.entry("PUT /api/v1/partnerships/{code}", "AO"),
			Map.entry("GET /api/v1/indicators", "AOFMC"),
			Map.entry("GET /api/v1/indicators/{year}/{code}/crime-sources", "AOFMC"),
			Map.entry("POST /api/v1/indicators/police-uk", "AO"), Map.entry("POST /api/v1/indicators/population", "AO"),
			Map.entry("POST /api/v1/indicators/generic", "AO"), Map.entry("GET /api/v1/harm-weights", "AOFMC"),
			Map.entry("PUT /api/v1/harm-weights", "AO"), Map.entry("GET /api/v1/formulas", "AOFMC"),
			Map.entry("POST /api/v1/formulas", "AO"), Map.entry("POST /api/v1/formula-runs", "AO"),
			Map.entry("GET /api/v1/formula-runs/{id}", "AOFMC"),
			Map.entry("GET /api/v1/formula-runs/{id}.csv", "AOFMC"),
			Map.entry("GET /api/v1/formula-runs/{id}.xlsx", "AOFMC"),
			Map.entry("GET /api/v1/formula-runs/{id}/sensitivity", "AOFMC"),
			Map.entry("POST /api/v1/formula-runs/{id}/approve", "F"), Map.entry("POST /api/v1/scenarios", "AOFMC"),
			Map.entry("GET /api/v1/grants", "AOFMCP"), Map.entry("PUT /api/v1/grants/{year}/{partnership}", "AO"),
			Map.entry("POST /api/v1/grants/from-run/{runId}", "AO"),
			Map.entry("GET /api/v1/returns/{year}/{quarter}/{partnership}", "AOFMCP"),
			Map.entry("PUT /api/v1/returns/{year}/{quarter}/{partnership}", "AO"),
			Map.entry("POST /api/v1/returns/{year}/{quarter}/{partnership}/submit", "AO"),
			Map.entry("POST /api/v1/returns/{year}/{quarter}/{partnership}/accept", "AO"),
			Map.entry("POST /api/v1/returns/{year}/{quarter}/{partnership}/return-for-correction", "AO"),
			Map.entry("POST /api/v1/returns/{year}/{quarter}/{partnership}/reopen", "AO"),
			Map.entry("GET /api/v1/payments", "AOFMC"),
			Map.entry("GET /api/v1/reports/quarterly/{year}/{quarter}", "AOFMC"),
			Map.entry("GET /api/v1/reports/quarterly/{year}/{quarter}.csv", "AOFMC"),
			Map.entry("GET /api/v1/reports/quarterly/{year}/{quarter}.xlsx", "AOFMC"),
			Map.entry("GET /api/v1/decisions", "AOFMC"), Map.entry("POST /api/v1/decisions", "AOFMC"),
			Map.entry("GET /api/v1/decisions/{reference}", "AOFMC"),
			Map.entry("GET /api/v1/decisions/{reference}.pdf", "AOFMC"),
			Map.entry("POST /api/v1/decisions/{reference}/{step}", "AOFMC"),
			Map.entry("POST /api/v1/years/{year}/close", "AOFMC"),
			Map.entry("POST /api/v1/years/{year}/reopen", "AOFMC"),
			Map.entry("GET /api/v1/years/{year}/underspend", "AOFMC"),
			Map.entry("GET /api/v1/redistributions", "AOFMC"), Map.entry("POST /api/v1/redistributions", "AOFMC"),
			Map.entry("GET /api/v1/redistributions/{id}", "AOFMC"),
			Map.entry("PUT /api/v1/redistributions/{id}", "AOFMC"),
			Map.entry("POST /api/v1/redistributions/{id}/approve", "F"), Map.entry("GET /v3/api-docs", "AOFMCP"),
			Map.entry("GET /v3/api-docs.yaml", "AOFMCP"), Map.entry("GET /v3/api-docs/swagger-config", "AOFMCP"),
			Map.entry("GET /swagger-ui.html", "AOFMCP"), Map.entry("GET /notifications", "AOFMCPXV"),
			Map.entry("GET /notifications/{id}", "AOFMCPXV"), Map.entry("POST /notifications/read", "AOFMCPXV"),
			Map.entry("GET /notifications/settings", "AOFMCP"), Map.entry("POST /notifications/settings", "AOFMCP"),
			Map.entry("GET /admin/notifications", "A"), Map.entry("GET /admin/notifications/{id}", "A"),
			Map.entry("POST /admin/notifications/{id}/send-again", "A"),
			Map.entry("GET /admin/notifications/{id}/sent-again", "A")));

	private static final Map<Character, String> USERS = Map.ofEntries(Map.entry('A', "admin"),
			Map.entry('O', "officer"), Map.entry('F', "finance"), Map.entry('M', "monitoring"),
			Map.entry('C', "commissioner"), Map.entry('P', "leicester.csp"), Map.entry('R', RecipientFixture.CONTACT),
			Map.entry('X', ApplicantFixture.USERNAME), Map.entry('V', ReviewerFixture.USERNAME));

	private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("{code}", "LEI"),
			Map.entry("{partnership}", "LEI"), Map.entry("{year}", "2024-25"), Map.entry("{quarter}", "Q1"),
			Map.entry("{id}", "1"), Map.entry("{runId}", "1"), Map.entry("{reference}", "EXE0001-24"),
			Map.entry("{step}", "consult"), Map.entry("{action}", "accept"), Map.entry("{application}", "NONE-001"),
			Map.entry("{documentId}", "1"), Map.entry("{assignment}", "1"),
			Map.entry("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

	@Autowired
	MockMvc mvc;

	static {
		MATRIX.putAll(MatrixRowsOrganisations.ROWS);
		MATRIX.putAll(MatrixRowsStreamsAndPlans.ROWS);
		MATRIX.putAll(MatrixRowsSchedule.ROWS);
		MATRIX.putAll(MatrixRowsSpreadsheet.ROWS);
		MATRIX.putAll(MatrixRowsDecisionAndGrants.ROWS);
		MATRIX.putAll(MatrixRowsRecipientReturns.ROWS);
		MATRIX.putAll(MatrixRowsRounds.ROWS);
		MATRIX.putAll(MatrixRowsApplicants.ROWS);
		MATRIX.putAll(MatrixRowsReviews.ROWS);
		MATRIX.putAll(MatrixRowsTokens.ROWS);
		MATRIX.putAll(MatrixRowsSingleSignOn.ROWS);
		MATRIX.putAll(MatrixRowsSecondFactor.ROWS);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointHasARowAndEveryRowHoldsForEveryRole() throws Exception {
		long recipient = RecipientFixture.contactOnly(this.jdbc);
		ApplicantFixture.make(this.jdbc);
		ReviewerFixture.make(this.jdbc);
		try {
			everyRowHolds();
		}
		finally {
			RecipientFixture.removeContact(this.jdbc, recipient);
			ApplicantFixture.remove(this.jdbc);
			ReviewerFixture.remove(this.jdbc, ReviewerFixture.USERNAME);
		}
	}

	private void everyRowHolds() throws Exception {
		TreeSet<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					endpoints.add(method.name() + " " + pattern);
				}
				if (info.getMethodsCondition().getMethods().isEmpty()) {
					endpoints.add("GET " + pattern);
				}
			}
		}
		assertThat(endpoints).as("the endpoints read from the request mappings").hasSizeGreaterThan(120);
		List<String> withoutRow = endpoints.stream().filter(endpoint -> !MATRIX.containsKey(endpoint)).toList();
		assertThat(withoutRow).as("endpoints with no row in the authorisation matrix").isEmpty();

		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints) {
			String allowed = MATRIX.get(endpoint);
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = sample(endpoint.substring(endpoint.indexOf(' ') + 1));
			boolean reads = method.equals("GET");
			boolean api = path.startsWith("/api/");
			int anonymous = status(method, path, null);
			boolean anonymousAllowed = allowed.indexOf('a') >= 0;
			if (anonymousAllowed == (anonymous == 401 || anonymous == 403 || redirectsToSignIn)) {
				wrong.add(endpoint + " anonymous: " + anonymous);
			}
			for (Map.Entry<Character, String> role : USERS.entrySet()) {
				boolean may = allowed.indexOf(role.getKey()) >= 0
						|| ((role.getKey() == 'R' || role.getKey() == 'X' || role.getKey() == 'V') && anonymousAllowed);
				if (may && !reads) {
					continue;
				}
				int status = status(method, path, role.getValue());
				boolean refused = status == 403 || status == 401;
				if (may == refused) {
					wrong.add(endpoint + " " + role.getValue() + ": " + status);
				}
			}
		}
		assertThat(wrong).as("answers that do not match the matrix").isEmpty();
	}

	/**
	 * A role that may not approve at all is refused before anything is looked up, so a
	 * record that does not exist gets the same 403 as one that does.
	 */
	@Test
	void approvalsAndPaymentsAreRefusedBeforeAnyLookUp() throws Exception {
		for (String path : List.of("/redistributions/999/approve", "/api/v1/redistributions/999/approve",
				"/allocations/runs/999/approve", "/api/v1/formula-runs/999/approve",
				"/monitoring/payments/2099-00/NONE")) {
			for (String username : List.of("admin", "officer", "monitoring", "commissioner", "leicester.csp")) {
				assertThat(status("POST", path, username)).as(path + " as " + username).isEqualTo(403);
			}
		}
		assertThat(status("POST", "/api/v1/redistributions/999/approve", "finance")).isEqualTo(404);
		assertThat(status("POST", "/api/v1/formula-runs/999/approve", "finance")).isEqualTo(404);
	}

	private boolean redirectsToSignIn;

	private int status(String method, String path, String username) throws Exception {
		MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(method), path)
			.accept(path.startsWith("/api/") ? "application/json" : "text/html");
		if (!method.equals("GET")) {
			request.with(csrf()).contentType("application/json").content("{}");
		}
		if (username != null) {
			request.with(user(Principals.of(username, this.jdbc)));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		this.redirectsToSignIn = location != null
				&& (location.endsWith("/login") || location.endsWith("/apply/sign-in"));
		return result.getResponse().getStatus();
	}

	private static String sample(String pattern) {
		String path = pattern;
		for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
			path = path.replace(sample.getKey(), sample.getValue());
		}
		return path;
	}

}
