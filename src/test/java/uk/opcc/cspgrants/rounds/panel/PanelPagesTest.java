package uk.opcc.cspgrants.rounds.panel;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.rounds.RoundFixture;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.ReviewerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Review Panel on the pages, worked by hand: an assessed round (budget £100,000) with
 * three eligible applications, 001 asking £40,000 (scored 90.00), 002 £45,000 (60.00) and
 * 003 £30,000 (70.00): ranked 001, 003, the line (£30,000 remains), 002. The panel funds
 * 001 in full (£40,000), 003 in part (£25,000), and may then fund 002 with no more than
 * the £35,000 left: £35,000.01 is refused, £35,000 brings the recommendations to the
 * budget exactly, 002 departing from the line. On the shared demo database in 1985-86.
 */
@IntegrationTest
class PanelPagesTest {

	private static final String ROUND = "/rounds/PANEL-1985";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	private RoundFixture fixture;

	private long round;

	private RequestPostProcessor officer;

	@BeforeEach
	void round() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse("1985-86"));
		this.round = this.fixture.openRound("PANEL-1985", Instant.now().plus(Duration.ofDays(30)));
		long applicant = ApplicantFixture.make(this.jdbc);
		String[] amounts = { "40000.00", "45000.00", "30000.00" };
		int[][] scores = { { 4, 5 }, { 5, 1 }, { 3, 4 } };
		long ann = ReviewerFixture.make(this.jdbc, "ann.reviewer", "Ann Adams");
		long bob = ReviewerFixture.make(this.jdbc, "bob.reviewer", "Bob Brown");
		for (int i = 0; i < 3; i++) {
			long id = this.fixture.submittedApplication(this.round, applicant, i + 1, "Group " + (i + 1),
					"198500" + (i + 1), new BigDecimal(amounts[i]));
			this.fixture.eligible(id);
			this.fixture.submittedReview(this.round, id, ann, scores[i][0]);
			this.fixture.submittedReview(this.round, id, bob, scores[i][1]);
		}
		this.jdbc.update("update grant_round set status = 'CLOSED', closed_by = 'test', closed_at = now() where id = ?",
				this.round);
		this.jdbc.update("update grant_round set status = 'ASSESSED', assessed_by = 'Olu Officer', "
				+ "assessed_at = now() where id = ?", this.round);
		this.officer = user(Principals.of("officer", this.jdbc));
	}

	@AfterEach
	void remove() {
		this.fixture.remove(this.owner);
		ApplicantFixture.remove(this.jdbc);
		for (String reviewer : List.of("ann.reviewer", "bob.reviewer")) {
			ReviewerFixture.remove(this.jdbc, reviewer);
		}
	}

	@Test
	void thePanelIsRecordedTakesTheRoundAndRecommendsWithinTheBudget() throws Exception {
		this.mvc.perform(get(ROUND + "/panel/start").with(this.officer))
			.andExpect(content().string(
					allOf(containsString("add the panel&#39;s members"), containsString("say who chairs the panel"))));
		this.mvc.perform(start("20", "8", "1985"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"PANEL-1985 cannot go to the panel yet: add the panel&#39;s members; say who chairs the panel")));
		this.mvc.perform(member(" ", "OPCC", false))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter the member&#39;s name")));
		this.mvc.perform(member("Sam Chair", "OPCC", true)).andExpect(status().isFound());
		this.mvc.perform(member("Pat Member", "Probation", true))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The panel has a chair already: add Pat Member as a member")));
		this.mvc.perform(member("Pat Member", "Probation", false)).andExpect(status().isFound());
		this.mvc.perform(member(" pat member", "Third Sector", false))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("pat member is on the panel already")));
		this.mvc.perform(start("", "", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter the date the panel meets")));
		this.mvc.perform(start("20", "8", "1985")).andExpect(redirectedUrl(ROUND + "/panel"));
		assertThat(this.jdbc.queryForObject("select status || ' ' || panel_meets_on from grant_round where id = ?",
				String.class, this.round))
			.isEqualTo("AT_PANEL 1985-08-20");

		this.mvc.perform(recommend("001", "FUND", "", null)).andExpect(redirectedUrl(ROUND + "/panel"));
		this.mvc.perform(recommend("003", "FUND_IN_PART", "30000", null))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"Enter an amount less than the £30,000.00 asked for, or choose to fund it in full")));
		this.mvc.perform(recommend("003", "FUND_IN_PART", "25,000", null)).andExpect(status().isFound());
		this.mvc.perform(recommend("002", "FUND", "", null))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The panel&#39;s recommendations would come to more than the "
					+ "budget of £100,000.00: £35,000.00 of it is not yet recommended")));
		this.mvc.perform(recommend("002", "FUND_IN_PART", "35000.01", null)).andExpect(status().isBadRequest());
		this.mvc.perform(recommend("002", "FUND_IN_PART", "35000", null)).andExpect(status().isFound());
		String partly = this.jdbc
			.queryForObject("select r.version::text from panel_recommendation r join application a "
					+ "on a.id = r.application_id where a.reference = 'PANEL-1985-003'", String.class);
		this.mvc.perform(recommend("003", "FUND", "", Long.valueOf(partly)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("£25,000.00 of it is not yet recommended"),
					containsString("Scored well against the plan"))));
		this.mvc.perform(recommend("001", "DO_NOT_FUND", "", null))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(containsString("The recommendation on PANEL-1985-001 was recorded by Olu Officer")));
		this.mvc.perform(get(ROUND + "/panel").with(this.officer))
			.andExpect(content().string(allOf(
					containsString("3 of 3 recommendations recorded: 3 to fund, £100,000.00 of the budget of "
							+ "£100,000.00, leaving £0.00."),
					containsString("Fund in part: £35,000.00"), containsString("Departs from the line"))));
		assertThatThrownBy(() -> this.jdbc.update("update panel_recommendation set amount = 35000.01 "
				+ "where application_id = (select id from application where reference = 'PANEL-1985-002')"))
			.hasMessageContaining("The panel recommends no more than the budget");
		assertThatThrownBy(() -> this.jdbc.update("delete from panel_recommendation where round_id = ?", this.round))
			.hasMessageContaining("A recommendation is changed, not removed");

		long pat = this.jdbc.queryForObject("select id from panel_member where name = 'Pat Member'", Long.class);
		this.mvc.perform(interest("002", pat, "Trustee of Group 2")).andExpect(status().isFound());
		this.mvc.perform(interest("002", pat, "Again"))
			.andExpect(status().isConflict())
			.andExpect(content()
				.string(containsString("Pat Member&#39;s interest in PANEL-1985-002 is recorded already")));
		long sam = this.jdbc.queryForObject("select id from panel_member where name = 'Sam Chair'", Long.class);
		this.mvc.perform(post(ROUND + "/panel/members/" + sam + "/remove").with(this.officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(
					"Sam Chair chairs the panel: the chair stays while the round is " + "at the panel")));
		this.mvc.perform(post(ROUND + "/panel/members/" + pat + "/remove").with(this.officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Pat Member declared an interest")));

		String csv = this.mvc.perform(get(ROUND + "/panel.csv").with(this.officer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(4);
		assertThat(csv.lines().toList().get(1)).startsWith(
				"1,PANEL-1985-001,Group 1,Project of Group 1,Reoffending and Offending,90.00,20.00,2,No,40000.00,40000.00,Yes,"
						+ "Fund in full,40000.00,");
		assertThat(csv.lines().toList().get(3)).startsWith("3,PANEL-1985-002,Group 2")
			.contains(",60.00,80.00,2,Yes,45000.00,115000.00,No,Fund in part,35000.00,")
			.endsWith("Pat Member: Trustee of Group 2");

		byte[] xlsx = this.mvc.perform(get(ROUND + "/panel.xlsx").with(this.officer))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Panel paper");
			assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("PANEL-1985-001");
			assertThat(sheet.getRow(4).getCell(13).getNumericCellValue()).isEqualTo(25000.0);
			assertThat(sheet.getRow(7).getCell(13).getNumericCellValue()).isEqualTo(100000.0);
		}

		byte[] pdf = this.mvc.perform(get(ROUND + "/panel-minutes.pdf").with(this.officer))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Met on 20 August 1985", "Sam Chair, OPCC (Chair)", "Pat Member, Probation",
					"Pat Member declared an interest in PANEL-1985-002",
					"The panel recommends funding 3, totalling £100,000.00 of the budget of £100,000.00");
		}
	}

	private MockHttpServletRequestBuilder start(String day, String month, String year) {
		return post(ROUND + "/panel/start").with(this.officer)
			.with(csrf())
			.param("meets.day", day)
			.param("meets.month", month)
			.param("meets.year", year)
			.param("version", this.jdbc.queryForObject("select version::text from grant_round where id = ?",
					String.class, this.round));
	}

	private MockHttpServletRequestBuilder member(String name, String organisation, boolean chair) {
		MockHttpServletRequestBuilder request = post(ROUND + "/panel/members").with(this.officer)
			.with(csrf())
			.param("name", name)
			.param("organisation", organisation);
		return chair ? request.param("chair", "yes") : request;
	}

	private MockHttpServletRequestBuilder recommend(String number, String outcome, String amount, Long version) {
		MockHttpServletRequestBuilder request = post(ROUND + "/panel/applications/PANEL-1985-" + number)
			.with(this.officer)
			.with(csrf())
			.param("outcome", outcome)
			.param("amount", amount)
			.param("reason", "Scored well against the plan")
			.param("feedback", "A clear case of need");
		return (version == null) ? request : request.param("version", version.toString());
	}

	private MockHttpServletRequestBuilder interest(String number, long member, String text) {
		return post(ROUND + "/panel/applications/PANEL-1985-" + number + "/interests").with(this.officer)
			.with(csrf())
			.param("memberId", Long.toString(member))
			.param("interest", text);
	}

}
