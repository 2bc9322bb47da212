package uk.opcc.cspgrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.decision.DecisionDraft;
import uk.opcc.cspgrants.decision.DecisionManagement;
import uk.opcc.cspgrants.decision.DecisionView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;

/**
 * The hostile text of {@link HostileInputTest} in the free-text fields of grants, returns
 * (and their activities), decision records and user accounts: stored as typed and shown
 * escaped on every page that shows it, including the kept report tables. And the only
 * templates that write HTML unescaped are the reviewed ones.
 */
@IntegrationTest
public class HostileTextEverywhereTest {

	public static final String HOSTILE = "<script>alert('x')</script> \"quoted\" \u202Eright-to-left \uD83D\uDE42";

	public static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; "
			+ "\u202Eright-to-left \uD83D\uDE42";

	/** 2012-13: a year no other test uses. */
	static final FinancialYear YEAR = FinancialYear.parse("2012-13");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	UserManagement users;

	@AfterEach
	void disableTheTestUser() {
		this.jdbc.update("update app_user set enabled = false where username = 'hostile.user'");
	}

	@Test
	void grantNotesReturnTextsAndActivitiesAreStoredAsTypedAndShownEscaped() throws Exception {
		this.grants.setHistoric(YEAR, "BLA", Money.of("5000"), Money.ZERO, HOSTILE, null);
		this.returns.save(YEAR, Quarter.Q1, "BLA",
				new ReturnDetails(Money.of("5000"), Money.of("100"), List
					.of(new ReturnDetails.Activity(HOSTILE, HOSTILE, Money.of("5000"), Money.of("100"), HOSTILE)),
						HOSTILE, null, null));
		assertThat(
				this.jdbc.queryForObject(
						"select comments from quarterly_return r join partnership p "
								+ "on p.id = r.partnership_id where p.code = 'BLA' and r.financial_year = 2012",
						String.class))
			.isEqualTo(HOSTILE);
		assertThat(this.jdbc.queryForList("select title || theme || outcomes from return_activity a "
				+ "join quarterly_return r on r.id = a.return_id join partnership p on p.id = r.partnership_id "
				+ "where p.code = 'BLA' and r.financial_year = 2012", String.class))
			.containsExactly(HOSTILE + HOSTILE + HOSTILE);
		this.returns.submit(YEAR, Quarter.Q1, "BLA");

		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		assertEscaped(page("/monitoring/returns/2012-13/Q1/BLA", officer), 4);
		assertEscaped(page("/monitoring/reports/2012-13/Q1", officer), 1);
		assertEscaped(page("/monitoring/reports/2012-13/Q1", officer), 1);
		assertEscaped(page("/grants/2012-13/BLA", officer), 1);
	}

	@Test
	void decisionRecordTextsAndUserNamesAreShownEscaped() throws Exception {
		DecisionView record = this.decisions.create(new DecisionDraft(HOSTILE, LocalDate.of(2013, 1, 10), HOSTILE,
				HOSTILE, HOSTILE, HOSTILE, HOSTILE, null, null, null), Principals.of("officer", this.jdbc));
		assertThat(this.jdbc.queryForObject("select title from decision_record where reference = ?", String.class,
				record.reference()))
			.isEqualTo(HOSTILE);
		String decision = page("/decisions/" + record.reference(), SignIn.as(this.mvc, "officer"));
		assertThat(decision).doesNotContain("<script>alert");
		assertThat(decision).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "\u202Eright-to-left",
				"\uD83D\uDE42");

		this.users.create("hostile.user", new AccountDetails(HOSTILE, Set.of(Role.OFFICER), null),
				"a long enough password 1");
		assertEscaped(page("/admin/users", SignIn.as(this.mvc, "admin")), 1);
	}

	@Test
	void onlyTheReviewedTemplatesWriteUnescapedHtml() throws IOException {
		Pattern unescaped = Pattern.compile("th:utext=\"([^\"]*)\"");
		Map<String, List<String>> found = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = unescaped.matcher(Files.readString(file));
				while (matcher.find()) {
					found.computeIfAbsent(file.getFileName().toString(), (name) -> new java.util.ArrayList<>())
						.add(matcher.group(1));
				}
			}
		}
		assertThat(found).as("kept fragments rendered by Thymeleaf, and SimpleText, which escapes before it formats")
			.isEqualTo(Map.of("report.html", List.of("${tables}"), "run.html", List.of("${table}"), "dashboard.html",
					List.of("${table}"),
					// the grant schedule, the partnerships list and the indicator grid
					// (issue 17): kept fragments too
					"schedule.html", List.of("${table}"), "list.html", List.of("${table}"), "grid.html",
					List.of("${tables}"),
					// the year's payments and its underspend (issue 17): kept fragments
					"payments.html", List.of("${tables}"), "year.html", List.of("${table}"), "document.html",
					// commentHtml: SimpleText.toHtml of the decision's comment, in the
					// template's th:with
					List.of("${part.html()}", "${commentHtml}"),
					// the words of a record drafted from an award schedule or a grant
					// round: SimpleText.toHtml in ScheduleDecisionController and
					// RoundDecisionController
					"drafted-words.html", List.of("${summaryHtml}", "${recommendationsHtml}", "${implicationsHtml}")));
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static void assertEscaped(String page, int atLeast) {
		assertThat(page).doesNotContain("<script>alert");
		int shown = page.split(Pattern.quote(ESCAPED), -1).length - 1;
		assertThat(shown).as("times the hostile text is shown escaped").isGreaterThanOrEqualTo(atLeast);
	}

}
