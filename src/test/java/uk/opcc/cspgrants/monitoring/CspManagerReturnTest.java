package uk.opcc.cspgrants.monitoring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leicester's CSP manager (Lee Leicester) does their own returns: drafts, submits through
 * the check page what is on screen (not the last saved draft), an officer accepts or
 * returns it for correction, and the history says who did what. 2007-08, a year no other
 * test uses.
 */
@IntegrationTest
class CspManagerReturnTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2007-08");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnManagement returns;

	@Autowired
	GrantManagement grants;

	@Test
	void theManagerSubmitsWhatIsOnScreenThroughTheCheckPageAndTheOfficerAcceptsIt() throws Exception {
		leicesterHasAGrant();
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		String path = "/monitoring/returns/2007-08/Q1/LEI";
		this.mvc
			.perform(post(path).session(manager)
				.with(csrf())
				.param("plannedAllocation", "£30,000")
				.param("cumulativeSpend", "1,400")
				.param("action", "save"))
			.andExpect(redirectedUrl(path));
		long draft = this.returns.get(YEAR, Quarter.Q1, "LEI", null).version();

		// spend changed to 2,500 on screen and "Continue to submit" pressed: what is on
		// screen is saved first, and the check page shows it
		this.mvc
			.perform(post(path).session(manager)
				.with(csrf())
				.param("version", String.valueOf(draft))
				.param("plannedAllocation", "£30,000")
				.param("cumulativeSpend", "2,500")
				.param("activities[0].title", "Youth diversion")
				.param("activities[0].planned", "30000")
				.param("activities[0].spend", "2500")
				.param("action", "submit"))
			.andExpect(redirectedUrl(path + "/check"));
		ReturnView checked = this.returns.get(YEAR, Quarter.Q1, "LEI", null);
		this.mvc.perform(get(path + "/check").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check the return before you submit it"),
					containsString("£30,000.00"), containsString("£2,500.00"), containsString("Youth diversion"),
					containsString("Submit the return"), not(containsString("£1,400.00")))));

		this.mvc
			.perform(post(path + "/submit").session(manager)
				.with(csrf())
				.param("version", String.valueOf(checked.version())))
			.andExpect(redirectedUrl(path + "/submitted"));
		this.mvc.perform(get(path + "/submitted").session(manager))
			.andExpect(content().string(allOf(containsString("Q1 return submitted"), containsString("£2,500.00"))));
		// pressing it again (Back, reload) submits nothing twice
		this.mvc
			.perform(post(path + "/submit").session(manager)
				.with(csrf())
				.param("version", String.valueOf(checked.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This return has already been submitted")));
		assertThat(this.returns.get(YEAR, Quarter.Q1, "LEI", null).details().cumulativeSpend())
			.isEqualTo(Money.of("2500"));

		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(post(path + "/accept").session(officer).with(csrf())).andExpect(redirectedUrl(path));
		this.mvc.perform(get(path).session(manager))
			.andExpect(content()
				.string(allOf(containsString("Accepted"), containsString("Lee Leicester submitted the Q1 return<"),
						containsString("Olu Officer accepted the Q1 return"))));
		assertThat(this.jdbc.queryForObject(
				"select after_json ->> 'submittedBy' from audit_event where "
						+ "entity_type = 'QuarterlyReturn' and action = 'SUBMIT' and entity_id = ?",
				String.class, String.valueOf(checked.id())))
			.isEqualTo("Lee Leicester");
	}

	@Test
	void aReturnSentBackForCorrectionShowsTheManagerWhyAndAnOfficerSubmitsOnTheirBehalf() throws Exception {
		leicesterHasAGrant();
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String path = "/monitoring/returns/2007-08/Q2/LEI";
		this.mvc
			.perform(post(path).session(officer)
				.with(csrf())
				.param("plannedAllocation", "31000")
				.param("cumulativeSpend", "9000")
				.param("action", "submit"))
			.andExpect(redirectedUrl(path + "/check"));
		long version = this.returns.get(YEAR, Quarter.Q2, "LEI", null).version();
		this.mvc.perform(post(path + "/submit").session(officer).with(csrf()).param("version", String.valueOf(version)))
			.andExpect(redirectedUrl(path + "/submitted"));
		this.mvc
			.perform(post(path + "/return-for-correction").session(officer)
				.with(csrf())
				.param("reason", "Spend does not match the invoices sent in July"))
			.andExpect(redirectedUrl(path));

		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get(path).session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(
					"This return was returned for correction: <span>Spend does not match the invoices sent in July</span>"),
					containsString("Olu Officer submitted the Q2 return on behalf of Leicester"),
					containsString("Continue to submit"))));
		this.mvc.perform(get("/monitoring/returns").param("year", "2007-08").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Returned for correction"), containsString("Leicester"),
					not(containsString("Charnwood")))));
	}

	@Test
	void mistakesOnTheReturnAreShownAllAtOnceOnTheirFieldsWithWhatWasTyped() throws Exception {
		leicesterHasAGrant();
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc
			.perform(post("/monitoring/returns/2007-08/Q4/LEI").session(manager)
				.with(csrf())
				.param("plannedAllocation", "12.345")
				.param("cumulativeSpend", "")
				.param("comments", "Typed and kept")
				.param("action", "submit"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("There is a problem"), containsString("href=\"#plannedAllocation\""),
						containsString("href=\"#cumulativeSpend\""), containsString("govuk-input--error"),
						containsString("Typed and kept"), containsString("value=\"12.345\""))));
	}

	private void leicesterHasAGrant() {
		if (this.grants.grants(YEAR).stream().noneMatch(grant -> grant.code().equals("LEI"))) {
			this.grants.setHistoric(YEAR, "LEI", Money.of("40000"), Money.ZERO, "Manager test grant", null);
		}
	}

}
