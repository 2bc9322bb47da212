package uk.opcc.cspgrants.commissioning;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The award schedule's pages and API, in 2002-03 (a year no other test uses) with the
 * seed's Leicestershire County Council lines: the DIP line replacing the Youth Crime line
 * for October to March, sections with subtotals, the replaced line struck through, a line
 * refused on its amounts with the figures and the typed input kept, a stale version told
 * who changed the schedule, removing after a check page, and the JSON totals.
 */
@IntegrationTest
class SchedulePagesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2002-03");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AwardScheduleManagement management;

	@Autowired
	AwardSchedules schedules;

	private ScheduleFixture fixture;

	private long youthCrime;

	private long dip;

	@BeforeEach
	void schedule() {
		this.fixture = new ScheduleFixture(this.jdbc, YEAR, "1649000", "1305029", "294994");
		CurrentUser officer = Principals.of("officer", this.jdbc);
		ScheduleView opened = this.management.open(YEAR, "Partner funding 2002-03", BigDecimal.ZERO, officer);
		this.youthCrime = this.management
			.addLine(YEAR, opened.version(),
					line("Youth Crime & Substance Misuse Prevention Activities", "39845", "0", null), officer)
			.id();
		this.dip = this.management
			.addLine(YEAR, version(), line("Drug Intervention Programme (DIP)", "69211", "39845", this.youthCrime),
					officer)
			.id();
		this.management.addLine(YEAR, version(), line("Community Safety Fund", "156237", "0", null), officer);
	}

	@AfterEach
	void remove() {
		this.fixture.remove();
	}

	@Test
	void theScheduleShowsTheCountysSectionWithItsSubtotalAndTheReplacedLineStruckThrough() throws Exception {
		this.mvc.perform(get("/commissioning/2002-03/schedule").session(SignIn.as(this.mvc, "finance")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Leicestershire County Council 2002-03"),
					containsString("<del><span class=\"govuk-visually-hidden\">Replaced, not counted: </span>"
							+ "<span>Youth Crime &amp; Substance Misuse Prevention Activities</span></del>"),
					containsString("href=\"#line-" + this.dip + "\""),
					// 69,211 + 156,237 = 225,448 for April to September; 39,845 for
					// October
					// to March; 265,293 in all
					containsString("£225,448.00"), containsString("£39,845.00"), containsString("£265,293.00"),
					// 3,249,023 - 265,293
					containsString("£2,983,730.00"), containsString("app-table-scroll"))));
		this.mvc.perform(get("/commissioning/2002-03").session(SignIn.as(this.mvc, "commissioner")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("£3,249,023.00"), containsString("£2,983,730.00"))));
		this.mvc.perform(get("/commissioning").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/commissioning/2002-03")));
	}

	@Test
	void anOfficerIsShownEachNextStepAndFinanceOnlyTheDownloads() throws Exception {
		this.mvc.perform(get("/commissioning/2002-03/schedule").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/commissioning/2002-03/schedule/lines/new\""),
					containsString("href=\"/commissioning/2002-03/schedule/import\""),
					containsString("href=\"/commissioning/2002-03/schedule/decision\""),
					containsString("href=\"/commissioning/2002-03/schedule/export.xlsx\""),
					containsString("href=\"/commissioning/2002-03/schedule/export.csv\""))));
		this.mvc.perform(get("/commissioning/2002-03/schedule").session(SignIn.as(this.mvc, "finance")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/commissioning/2002-03/schedule/export.xlsx\""),
					not(containsString("href=\"/commissioning/2002-03/schedule/import\"")),
					not(containsString("href=\"/commissioning/2002-03/schedule/decision\"")))));
	}

	@Test
	void theSchedulesHistorySaysEachLineInTheWordsOfTheSchedule() throws Exception {
		this.management.changeLine(YEAR, this.dip, version(),
				line("Drug Intervention Programme (DIP)", "70000", "39845", this.youthCrime),
				Principals.of("officer", this.jdbc));
		this.mvc.perform(get("/commissioning/2002-03/schedule").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Amounts by period: 1 April 2002 to 30 September 2002: £69,211.00, "
							+ "1 October 2002 to 31 March 2003: £39,845.00 → 1 April 2002 to 30 September 2002: "
							+ "£70,000.00, 1 October 2002 to 31 March 2003: £39,845.00"),
					// 69,211 + 39,845 and 70,000 + 39,845
					containsString("Total: £109,056.00 → £109,845.00"), not(containsString("2002-04-01 to")))));
	}

	@Test
	void aYearThatIsNotOneIsToldOnTheFieldWithWhatWasTypedKept() throws Exception {
		this.mvc.perform(get("/commissioning").param("year", "2013-15").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("govuk-error-summary"), containsString("href=\"#year\""),
					containsString("A financial year runs into the next calendar year: enter 2013-14"),
					containsString("value=\"2013-15\""))));
		this.mvc.perform(get("/commissioning").param("year", "2013-14").session(SignIn.as(this.mvc, "officer")))
			.andExpect(redirectedUrl("/commissioning/2013-14"));
	}

	@Test
	void aLineBeyondTheStreamIsRefusedOnItsAmountsWithTheFiguresAndWhatWasTypedKept() throws Exception {
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines").session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("version", String.valueOf(version()))
				.param("organisationId", String.valueOf(this.fixture.charity))
				.param("initiative", "Community Action Against Crime")
				.param("status", "COMMITTED")
				.param("streamId", String.valueOf(this.fixture.reserveStream))
				.param("themeId", String.valueOf(this.fixture.reoffending))
				.param("route", "DIRECT")
				.param("periodKind", "HALF_YEARS")
				.param("firstHalf", "£294,994.01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(
					containsString("This would allocate £294,994.01 from Use of Budget Equalisation Reserve "
							+ "(£294,994.01 in award lines and £0.00 in formula pots) against its £294,994.00 with a "
							+ "tolerance of 0% (at most £294,994.00): £0.01 too much"),
					containsString("href=\"#periods\""), containsString("value=\"£294,994.01\""),
					containsString("Community Action Against Crime</textarea>"))));
		assertThat(this.schedules.schedule(YEAR).orElseThrow().lines()).hasSize(3);
	}

	@Test
	void aLineAddedOnThePageFromAnOlderReadingIsRefusedNamingWhoChangedTheSchedule() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long read = version();
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines").session(officer)
				.with(csrf())
				.param("version", String.valueOf(read))
				.param("organisationId", String.valueOf(this.fixture.county))
				.param("initiative", "LSCB")
				.param("status", "COMMITTED")
				.param("streamId", String.valueOf(this.fixture.forceStream))
				.param("themeId", String.valueOf(this.fixture.safer))
				.param("route", "DIRECT")
				.param("periodKind", "STATED")
				.param("statedFrom.day", "1")
				.param("statedFrom.month", "7")
				.param("statedFrom.year", "2002")
				.param("statedTo.day", "31")
				.param("statedTo.month", "12")
				.param("statedTo.year", "2002")
				.param("statedAmount", "43945"))
			.andExpect(status().isFound());
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines").session(SignIn.as(this.mvc, "admin"))
				.with(csrf())
				.param("version", String.valueOf(read))
				.param("organisationId", String.valueOf(this.fixture.county))
				.param("initiative", "LSAB")
				.param("status", "COMMITTED")
				.param("streamId", String.valueOf(this.fixture.forceStream))
				.param("themeId", String.valueOf(this.fixture.vulnerable))
				.param("route", "DIRECT")
				.param("firstHalf", "9685"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("award schedule was changed by Olu Officer on"),
					containsString("value=\"9685\""))));
		AwardLineView stated = this.schedules.schedule(YEAR).orElseThrow().lines().get(3);
		assertThat(stated.periods()).singleElement()
			.satisfies((period) -> assertThat(period.startsOn()).hasToString("2002-07-01"));
		this.mvc.perform(get("/commissioning/2002-03/schedule").session(officer))
			.andExpect(content().string(containsString("1 July 2002 to 31 December 2002")));
	}

	@Test
	void aLineIsRemovedAfterItsCheckPageAndAReplacedLineCannotBe() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/commissioning/2002-03/schedule/lines/" + this.youthCrime + "/remove").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Remove this line?")));
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines/" + this.youthCrime + "/remove").session(officer)
				.with(csrf())
				.param("version", String.valueOf(version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This line is replaced by &quot;Drug Intervention Programme")));
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines/" + this.dip + "/remove").session(officer)
				.with(csrf())
				.param("version", String.valueOf(version())))
			.andExpect(redirectedUrl("/commissioning/2002-03/schedule"));
		assertThat(this.schedules.schedule(YEAR).orElseThrow().lines()).extracting(AwardLineView::initiative)
			.containsExactly("Youth Crime & Substance Misuse Prevention Activities", "Community Safety Fund");
		this.mvc
			.perform(post("/commissioning/2002-03/schedule/lines/" + this.youthCrime + "/remove")
				.session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("version", String.valueOf(version())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiGivesTheTotalsAndChangesLinesWithTheVersion() throws Exception {
		this.mvc.perform(get("/api/v1/commissioning/2002-03/schedule").with(httpBasic("finance", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].counted").value(false))
			.andExpect(jsonPath("$.totals.byHalfYear[0].amount").value("225448.00"))
			.andExpect(jsonPath("$.totals.byHalfYear[1].amount").value("39845.00"))
			.andExpect(jsonPath("$.totals.total").value("265293.00"))
			.andExpect(jsonPath("$.totals.unallocated").value("2983730.00"));
		String body = """
				{"organisationId": %d, "initiative": "LSAB", "status": "COMMITTED", "streamId": %d, "themeId": %d,
				 "route": "DIRECT", "periods": [{"startsOn": "2002-04-01", "endsOn": "2002-09-30", "amount": "9685.00"}],
				 "version": %d}"""
			.formatted(this.fixture.county, this.fixture.forceStream, this.fixture.vulnerable, version());
		this.mvc
			.perform(post("/api/v1/commissioning/2002-03/schedule/lines")
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total").value("9685.00"));
		this.mvc
			.perform(post("/api/v1/commissioning/2002-03/schedule/lines")
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("changed by Olu Officer")));
		this.mvc
			.perform(delete("/api/v1/commissioning/2002-03/schedule/lines/" + this.dip)
				.with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.param("version", String.valueOf(version())))
			.andExpect(status().isOk())
			// the Youth Crime line counts again: 39,845 + 156,237 + 9,685
			.andExpect(jsonPath("$.totals.total").value("205767.00"));
	}

	private long version() {
		return this.schedules.schedule(YEAR).orElseThrow().version();
	}

	private AwardLineDraft line(String initiative, String firstHalf, String secondHalf, Long replaces) {
		return new AwardLineDraft(null, this.fixture.county, null, initiative, LineStatus.COMMITTED,
				this.fixture.grantStream, this.fixture.reoffending, PurchasingRoute.DIRECT, null, null, null, false,
				null, replaces, null, LineDetails.halfYears(YEAR, Money.of(firstHalf), Money.of(secondHalf)));
	}

}
