package uk.opcc.cspgrants.decision;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The decision record pages: the Commissioner decides through a page that names the
 * grants a Supported decision creates, and a confirmation names the grants it created;
 * refusals are listed in the order of the form, with the choices and dates typed kept;
 * dates and sign-offs are written in words with people's names.
 */
@IntegrationTest
class DecisionPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DecisionManagement decisions;

	@Autowired
	RunManagement runs;

	AwaitingRecords records;

	@BeforeEach
	void records() {
		this.records = new AwaitingRecords(this.decisions, this.runs, this.jdbc);
	}

	@Test
	void theDemoRecordSaysItsDatesAndSignOffsInWords() throws Exception {
		String page = page(get("/decisions/EXE0001-24"), "officer");
		assertThat(page).contains("Date: <span>9 July 2024</span>", "Date: <span>10 July 2024</span>",
				"Date: <span>11 July 2024</span>", "Olu Officer drafted the record, dated 9 July 2024.",
				"Fran Finance signed as consulted on 9 July 2024.",
				"Mo Monitoring made the publication decision on 10 July 2024: publish the record: Yes; the report: Yes; "
						+ "the decision details: Yes.",
				"Chris Commissioner decided on 11 July 2024: Supported.", "Decided: Supported")
			.doesNotContain("9/7/2024", "09/07/2024", "PUBLICATION_DECIDED");
		assertThat(page(get("/decisions"), "officer")).contains("9 July 2024").doesNotContain("9 Jul 2024");
	}

	@Test
	void theDemoRecordsPdfAndItsDraftFormWriteTheDateAsGovUkDoes() throws Exception {
		byte[] pdf = this.mvc.perform(get("/decisions/EXE0001-24.pdf").with(as("officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Date: 9 July 2024", "Date: 10 July 2024", "Date: 11 July 2024")
				.doesNotContain("09/07/2024", "9/7/2024");
		}
		String reference = this.records.consulted("2065-66", "Draft form dates");
		this.decisions.sendBack(reference, "Change the date", Principals.of("monitoring", this.jdbc));
		LocalDate today = LocalDate.now(Dates.UK);
		assertThat(page(get("/decisions/" + reference + "/edit"), "officer"))
			.contains(
					"name=\"decisionDate.day\" type=\"text\" inputmode=\"numeric\" value=\"" + today.getDayOfMonth()
							+ "\"",
					"name=\"decisionDate.year\" type=\"text\" inputmode=\"numeric\" value=\"" + today.getYear() + "\"")
			.doesNotContain("type=\"date\"");
	}

	@Test
	void theDemoDecisionsConfirmationNamesTheNineGrantsItCreated() throws Exception {
		String page = page(get("/decisions/EXE0001-24/decided"), "officer");
		assertThat(page).contains("EXE0001-24 is decided: Supported",
				"9 grants were created for 2024-25 totalling £97,905.00",
				"Chris Commissioner decided EXE0001-24 on 11 July 2024", "href=\"/grants/2024-25/LEI\">Leicester</a>",
				"£32,960.61");
		for (RunView.Line line : this.records.demoRun().lines()) {
			assertThat(page).contains("href=\"/grants/2024-25/" + line.code() + "\">" + html(line.name()) + "</a>",
					line.amount().format());
		}
		this.mvc.perform(get("/decisions/EXE0001-24/decide").with(as("commissioner")))
			.andExpect(redirectedUrl("/decisions/EXE0001-24/decided"));
		this.mvc.perform(get("/decisions/EXE0001-24/decide").with(as("officer"))).andExpect(status().isForbidden());
	}

	@Test
	void theCommissionerDecidesThroughTheCheckPageAndTheNineGrantsItNamedAreCreatedOnce() throws Exception {
		String reference = this.records.awaitingTheCommissioner("2057-58", "Check page funding");
		RunView demo = this.records.demoRun();
		long runId = this.decisions.get(reference).draft().formulaRunId();

		String check = page(get("/decisions/" + reference + "/decide"), "commissioner");
		assertThat(check).contains("9 grants will be created for 2057-58, totalling £97,905.00", "£32,960.61",
				"Once decided, the record never changes", "Decide " + reference);
		for (RunView.Line line : demo.lines()) {
			assertThat(check).contains("<td class=\"govuk-table__cell\">" + html(line.name()) + "</td>",
					line.amount().format());
		}
		assertThat(grantLines(runId)).as("nothing is created by looking").isZero();

		LocalDate today = LocalDate.now(Dates.UK);
		this.mvc.perform(decide(reference, "SUPPORTED", today).param("version", version(check)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/decisions/" + reference + "/decided"));
		String confirmation = page(get("/decisions/" + reference + "/decided"), "commissioner");
		assertThat(confirmation).contains(reference + " is decided: Supported",
				"9 grants were created for 2057-58 totalling £97,905.00",
				"Chris Commissioner decided " + reference + " on " + Dates.day(today));
		for (RunView.Line line : demo.lines()) {
			assertThat(confirmation)
				.contains("href=\"/grants/2057-58/" + line.code() + "\">" + html(line.name()) + "</a>");
		}
		assertThat(grantLines(runId)).isEqualTo(9);
		assertThat(this.jdbc.queryForObject("select sum(amount) from grant_line where run_id = ?",
				java.math.BigDecimal.class, runId))
			.isEqualByComparingTo("97905.00");

		this.mvc.perform(decide(reference, "SUPPORTED", today).param("version", version(check)))
			.andExpect(status().isConflict());
		assertThat(grantLines(runId)).as("a second press creates nothing").isEqualTo(9);
		assertThat(page(get("/decisions/" + reference + "/decided"), "commissioner"))
			.as("the confirmation read again says the same")
			.contains("9 grants were created for 2057-58 totalling £97,905.00");
	}

	@Test
	void aDecisionOnARecordChangedSinceItWasCheckedIsRefused() throws Exception {
		String reference = this.records.awaitingTheCommissioner("2058-59", "Changed meanwhile");
		long checked = this.decisions.get(reference).version() - 1;
		String page = this.mvc
			.perform(decide(reference, "SUPPORTED", LocalDate.now(Dates.UK)).param("version", Long.toString(checked)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("changed by someone else");
		assertThat(this.decisions.get(reference).status()).isEqualTo(DecisionStatus.PUBLICATION_DECIDED);
	}

	@Test
	void aRefusedDecisionListsEveryProblemInFormOrderAndKeepsTheDateTyped() throws Exception {
		String reference = this.records.awaitingTheCommissioner("2059-60", "Refused decision");
		String page = this.mvc
			.perform(post("/decisions/" + reference + "/decide").with(as("commissioner"))
				.with(csrf())
				.param("on.day", "31")
				.param("on.month", "2")
				.param("on.year", "2025")
				.param("comment", "x".repeat(4001)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertInOrder(summary(page), "href=\"#decision\">Choose Supported or Not supported",
				"href=\"#on\">The date of the decision must be a real date",
				"href=\"#comment\">The comment must be 4,000 characters or fewer");
		assertThat(page).contains("name=\"on.day\" type=\"text\" inputmode=\"numeric\" value=\"31\"",
				"name=\"on.month\" type=\"text\" inputmode=\"numeric\" value=\"2\"",
				"name=\"on.year\" type=\"text\" inputmode=\"numeric\" value=\"2025\"", "govuk-input--error",
				"govuk-textarea--error");
		assertThat(this.decisions.get(reference).status()).isEqualTo(DecisionStatus.PUBLICATION_DECIDED);
	}

	@Test
	void aRefusedPublicationDecisionKeepsTheChoicesMadeAndListsTheProblemsInFormOrder() throws Exception {
		String reference = this.records.consulted("2060-61", "Refused publication");
		String page = this.mvc
			.perform(post("/decisions/" + reference + "/publication").with(as("monitoring"))
				.with(csrf())
				.param("record", "PART_REDACTED")
				.param("report", "NO")
				.param("details", "YES")
				.param("on.day", "9")
				.param("on.month", "13")
				.param("on.year", "2025"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertInOrder(summary(page), "href=\"#redacted\">Choose the sections to redact",
				"href=\"#reasons\">Give the reasons for not publishing in full",
				"href=\"#on\">The date of the publication decision must be a real date");
		assertThat(checked(page, "record")).isEqualTo("PART_REDACTED");
		assertThat(checked(page, "report")).isEqualTo("NO");
		assertThat(checked(page, "details")).isEqualTo("YES");
		assertThat(page).contains("value=\"13\"").doesNotContain("govuk-notification-banner\"");
	}

	@Test
	void aRefusedDraftListsEveryProblemInFormOrderWithTheDateTypedKept() throws Exception {
		String page = this.mvc
			.perform(post("/decisions").with(as("officer"))
				.with(csrf())
				.param("title", "")
				.param("decisionDate.day", "12")
				.param("decisionDate.month", "1")
				.param("decisionDate.year", "26")
				.param("summary", "")
				.param("recommendations", "")
				.param("formulaRunId", "999999"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertInOrder(summary(page), "href=\"#title\">", "href=\"#decisionDate\">Year must include 4 numbers",
				"href=\"#summary\">Enter the summary of the issue",
				"href=\"#recommendations\">Enter the recommendations", "href=\"#formulaRunId\">");
		assertThat(page).contains("value=\"12\"", "value=\"26\"", "govuk-select--error")
			.doesNotContain("type=\"date\"");
	}

	@Test
	void financeSignsAsConsultedWithADateInputAndIsToldWhatHappened() throws Exception {
		String reference = this.records.awaitingTheCommissioner("2061-62", "Sent back and consulted again");
		this.decisions.sendBack(reference, "Add the discussion", Principals.of("commissioner", this.jdbc));
		LocalDate today = LocalDate.now(Dates.UK);
		assertThat(page(get("/decisions/" + reference), "finance"))
			.contains("Signing says that the Chief Executive or Chief Finance Officer was consulted",
					"name=\"on.day\" type=\"text\" inputmode=\"numeric\" value=\"" + today.getDayOfMonth() + "\"")
			.doesNotContain("type=\"date\"");
		this.mvc
			.perform(post("/decisions/" + reference + "/consult").with(as("finance"))
				.with(csrf())
				.param("name", "Fran Finance")
				.param("on.day", Integer.toString(today.getDayOfMonth()))
				.param("on.month", Integer.toString(today.getMonthValue()))
				.param("on.year", Integer.toString(today.getYear())))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", "Fran Finance signed " + reference + " as consulted on " + Dates.day(today)
						+ ". It now waits for the Monitoring Officer's publication decision."));
		assertThat(page(get("/decisions/" + reference), "officer"))
			.contains("Fran Finance signed as consulted on " + Dates.day(today) + ".");
	}

	private MockHttpServletRequestBuilder decide(String reference, String decision, LocalDate on) {
		return post("/decisions/" + reference + "/decide").with(as("commissioner"))
			.with(csrf())
			.param("decision", decision)
			.param("on.day", Integer.toString(on.getDayOfMonth()))
			.param("on.month", Integer.toString(on.getMonthValue()))
			.param("on.year", Integer.toString(on.getYear()));
	}

	private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return this.mvc.perform(request.with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(Principals.of(username, this.jdbc));
	}

	private static String html(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text);
	}

	private int grantLines(long runId) {
		return this.jdbc.queryForObject("select count(*) from grant_line where run_id = ?", Integer.class, runId);
	}

	private static String version(String page) {
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(version.find()).as("the version checked is sent with the decision").isTrue();
		return version.group(1);
	}

	private static String checked(String page, String group) {
		Matcher checked = Pattern.compile("name=\"" + group + "\" value=\"([A-Z_]+)\" checked=\"checked\"")
			.matcher(page);
		assertThat(checked.find()).as("a choice for " + group).isTrue();
		return checked.group(1);
	}

	private static String summary(String page) {
		int start = page.indexOf("govuk-error-summary__list");
		assertThat(start).as("the error summary").isPositive();
		return page.substring(start, page.indexOf("</ul>", start));
	}

	private static void assertInOrder(String text, String... parts) {
		int from = 0;
		for (String part : parts) {
			int at = text.indexOf(part, from);
			assertThat(at).as(part + " after the ones before it, in: " + text).isGreaterThanOrEqualTo(0);
			from = at + part.length();
		}
	}

}
