package uk.opcc.cspgrants.rounds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The grant round pages and API on the shared demo database, in 1998-99 (a year no other
 * test uses); everything a test adds is removed after it.
 */
@IntegrationTest
class RoundPagesTest {

	private static final String YEAR = "1998-99";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private RoundFixture fixture;

	@BeforeEach
	void year() {
		this.fixture = new RoundFixture(this.jdbc, FinancialYear.parse(YEAR));
	}

	@AfterEach
	void remove() {
		this.fixture.remove();
	}

	@Test
	void aYearWithNoRoundsSaysWhatToDo() throws Exception {
		this.mvc.perform(get("/rounds").param("year", YEAR).session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There are no grant rounds in 1998-99"),
					containsString("Draft a round to set out its budget"),
					containsString("href=\"/rounds/new?year=1998-99\""))));
		this.mvc.perform(get("/rounds").param("year", YEAR).session(SignIn.as(this.mvc, "commissioner")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("OPCC officers draft rounds"),
					org.hamcrest.Matchers.not(containsString("Draft a round to set out")))));
	}

	@Test
	void aRoundDraftedOnThePageShowsItsFiguresThemesScaleAndHistory() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(draft(officer, "PCCG-1998-99", "1,000", "10,000").param("themeIds",
					Long.toString(this.fixture.vulnerable), Long.toString(this.fixture.reoffending)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/rounds/PCCG-1998-99"));
		this.mvc.perform(get("/rounds/pccg-1998-99").session(SignIn.as(this.mvc, "finance")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"budget\">£100,000.00<"),
					containsString("id=\"awards\">£1,000.00 to £10,000.00<"),
					containsString("id=\"opens\">1 July 1998 at 9:00am<"),
					containsString("id=\"closes\">31 July 1998 at 5:30pm<"),
					containsString("Protecting the Vulnerable"), containsString("Reoffending and Offending"),
					containsString("Scoring scale: 0 to 5"),
					containsString("Excellent: compelling evidence, with no gaps"),
					containsString("Olu Officer added the grant round “PCC Grant 1998-99”"),
					org.hamcrest.Matchers.not(containsString("Change the criteria")))));
		this.mvc.perform(get("/rounds").param("year", YEAR).session(officer))
			.andExpect(content()
				.string(allOf(containsString("PCCG-1998-99"), containsString("£100,000.00"), containsString("Draft"))));
	}

	@Test
	void aRefusedRoundIsShownAgainWithEachMessageOnItsFieldAndWhatWasTyped() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(draft(officer, "PCCG-1998-99", "12,000", "10,000", "25:00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#maxAward\""),
					containsString("The largest award (£10,000.00) must be at least the smallest (£12,000.00)"),
					containsString("href=\"#opens\""), containsString("value=\"12,000\""),
					containsString("value=\"25:00\""), containsString("value=\"PCCG-1998-99\""))));
		assertThat(this.jdbc.queryForObject("select count(*) from grant_round where financial_year = 1998", Long.class))
			.isZero();
	}

	@Test
	void criteriaWhoseWeightsMissAHundredAreRefusedNamingTheTotalAndKeptAsTyped() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(draft(officer, "CRIT-1998", "1000", "10000")).andExpect(status().isFound());
		this.mvc
			.perform(post("/rounds/CRIT-1998/criteria").session(officer)
				.with(csrf())
				.param("version", "0")
				.param("name-1", "Evidence of need")
				.param("weight-1", "50")
				.param("name-2", "Outcomes")
				.param("weight-2", "30")
				.param("name-3", "Value for money")
				.param("weight-3", "19.99"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#total\""),
					containsString("The weights add up to 99.99: they must add up to exactly 100.00"),
					containsString("value=\"19.99\""), containsString("value=\"Value for money\""))));
		this.mvc
			.perform(post("/rounds/CRIT-1998/criteria").session(officer)
				.with(csrf())
				.param("version", "0")
				.param("name-1", "Evidence of need")
				.param("weight-1", "50")
				.param("name-2", "Outcomes")
				.param("weight-2", "30")
				.param("name-3", "Value for money")
				.param("weight-3", "20"))
			.andExpect(status().isFound());
		this.mvc.perform(get("/rounds/CRIT-1998").session(officer))
			.andExpect(content().string(allOf(containsString("Value for money"),
					containsString("id=\"total-weight\"><strong>100.00</strong>"))));
		this.mvc
			.perform(post("/rounds/CRIT-1998/criteria").session(officer)
				.with(csrf())
				.param("version", "0")
				.param("name-1", "Only one")
				.param("weight-1", "100"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("CRIT-1998 was changed by Olu Officer on"),
					containsString("value=\"Only one\""), containsString("name=\"version\" value=\"1\""))));
	}

	@Test
	void theScaleIsOfferedDescribedAndEveryPointMustBe() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(draft(officer, "SCALE-1998", "1000", "10000")).andExpect(status().isFound());
		this.mvc.perform(get("/rounds/SCALE-1998/scale").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Good: clear and convincing evidence\"")));
		this.mvc
			.perform(post("/rounds/SCALE-1998/scale").session(officer)
				.with(csrf())
				.param("version", "0")
				.param("max", "3")
				.param("point-0", "Not met")
				.param("point-1", "Partly met")
				.param("point-2", "")
				.param("point-3", "Fully met"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#point-2\""),
					containsString("Describe what a score of 2 means"), containsString("value=\"Partly met\""))));
		this.mvc
			.perform(post("/rounds/SCALE-1998/scale").session(officer)
				.with(csrf())
				.param("version", "0")
				.param("max", "3")
				.param("point-0", "Not met")
				.param("point-1", "Partly met")
				.param("point-2", "Mostly met")
				.param("point-3", "Fully met"))
			.andExpect(status().isFound());
		assertThat(
				this.jdbc.queryForList(
						"select p.description from round_scale_point p join grant_round r "
								+ "on r.id = p.round_id where r.reference = 'SCALE-1998' order by p.point",
						String.class))
			.containsExactly("Not met", "Partly met", "Mostly met", "Fully met");
	}

	@Test
	void theApiDraftsChangesAndRefusesAStreamOfAnotherYear() throws Exception {
		long otherYear = this.jdbc.queryForObject(
				"insert into funding_stream (financial_year, name, funder, kind, amount, created_at, created_by) "
						+ "values (1999, 'Rounds test stream of 1999-00', 'Home Office', 'GRANT', 1, now(), 'test') "
						+ "returning id",
				Long.class);
		this.mvc
			.perform(post("/api/v1/rounds").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType("application/json")
				.content(json("API-1998", otherYear, null)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a funding stream of 1998-99")));
		this.jdbc.update("delete from funding_stream where id = ?", otherYear);
		this.mvc
			.perform(post("/api/v1/rounds").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType("application/json")
				.content(json("API-1998", this.fixture.stream, null)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.budget").value("50000.00"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.scale.length()").value(6));
		MockHttpServletRequestBuilder criteria = put("/api/v1/rounds/API-1998/criteria")
			.with(httpBasic("officer", SignIn.DEMO_PASSWORD))
			.contentType("application/json")
			.content("""
					{"version": 0, "criteria": [{"name": "Evidence of need", "weight": 50},
					 {"name": "Outcomes", "weight": 30}, {"name": "Value for money", "weight": 19.99}]}""");
		this.mvc.perform(criteria)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The weights add up to 99.99")));
		this.mvc.perform(get("/api/v1/rounds").param("year", YEAR).with(httpBasic("monitoring", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rounds[0].reference").value("API-1998"));
		this.mvc.perform(get("/api/v1/rounds/API-1998").with(httpBasic("leicester.csp", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder draft(MockHttpSession session, String reference, String min, String max) {
		return draft(session, reference, min, max, "9am");
	}

	private MockHttpServletRequestBuilder draft(MockHttpSession session, String reference, String min, String max,
			String opensTime) {
		return post("/rounds").session(session)
			.with(csrf())
			.param("year", YEAR)
			.param("reference", reference)
			.param("title", "PCC Grant 1998-99")
			.param("route", "PCC_GRANT")
			.param("streamId", Long.toString(this.fixture.stream))
			.param("budget", "£100,000")
			.param("minAward", min)
			.param("maxAward", max)
			.param("opens.day", "1")
			.param("opens.month", "7")
			.param("opens.year", "1998")
			.param("opensTime", opensTime)
			.param("closes.day", "31")
			.param("closes.month", "July")
			.param("closes.year", "1998")
			.param("closesTime", "5:30pm")
			.param("minReviewers", "2")
			.param("moderationGap", "20");
	}

	private static String json(String reference, long stream, Long version) {
		return """
				{"reference": "%s", "year": "1998-99", "title": "Innovation Fund 1998-99", "route": "INNOVATION_FUND",
				 "streamId": %d, "budget": "50000.00", "minAward": "500.00", "maxAward": "5000.00",
				 "opensAt": "1998-07-01T08:00:00Z", "closesAt": "1998-07-31T16:00:00Z", "version": %s}"""
			.formatted(reference, stream, version);
	}

}
