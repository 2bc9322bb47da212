package uk.opcc.cspgrants.underspend;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Closing a year and approving a redistribution go through a check page that says what
 * will happen; the proposal form offers the closed years and reports every mistake at
 * once, in the form's order. Year 2074-75: Melton's £10,000.00 grant, nothing spent,
 * returned to the pot.
 */
@IntegrationTest
class UnderspendCheckPagesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2074-75");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GrantManagement grants;

	@Test
	void aYearIsClosedAfterItsCheckPageAndARedistributionIsApprovedAfterItsOwn() throws Exception {
		this.grants.saveSettings(new YearSettings(YEAR, YearSettings.PaymentProfile.QUARTERLY_IN_ARREARS, 30,
				YearSettings.UnderspendPolicy.RETURN_TO_POT, -1));
		this.grants.setHistoric(YEAR, "MEL", Money.of("10000.00"), Money.ZERO, "Check page test", null);
		MockHttpSession finance = SignIn.as(this.mvc, "finance");

		// no reason for the missing Q4 return: refused on its field, on the year's page
		this.mvc.perform(post("/underspend/2074-75/close/check").session(finance).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#missingReason\""),
					containsString(
							"The Q4 return is not accepted for Melton: give a reason to close the year without it"),
					containsString("govuk-textarea--error"), not(containsString("govuk-notification-banner")))));
		this.mvc
			.perform(post("/underspend/2074-75/close/check").session(finance)
				.with(csrf())
				.param("missingReason", "Melton's return is late"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Close 2074-75?"), containsString("Melton"),
					containsString("£10,000.00"), containsString("Returned to the pot for redistribution"),
					containsString("Your reason for closing without them: Melton&#39;s return is late"),
					containsString("Yes, close 2074-75"))));
		assertThat(this.jdbc.queryForObject("select count(*) from year_close where financial_year = 2074", Long.class))
			.isZero();
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(post("/underspend/2074-75/close/check").session(officer).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/underspend/2074-75/close").session(finance)
				.with(csrf())
				.param("missingReason", "Melton's return is late"))
			.andExpect(redirectedUrl("/underspend?year=2074-75"))
			.andExpect(flash().attribute("success", "2074-75 has been closed and its underspend of £10,000.00 frozen: "
					+ "£10,000.00 has been returned to the pot for redistribution."));

		// the proposal form offers the closed year with its pot, and refuses every
		// mistake at once
		this.mvc.perform(get("/redistributions/new").session(officer))
			.andExpect(content().string(allOf(containsString("2074-75: £10,000.00 returned to the pot"),
					containsString("value=\"2074-75\""))));
		this.mvc
			.perform(post("/redistributions").session(officer)
				.with(csrf())
				.param("sourceYear", "last year")
				.param("pot", "lots")
				.param("recipient0", "Hate Crime Hub"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(stringContainsInOrder("There is a problem", "href=\"#sourceYear\"",
					"href=\"#pot\"", "href=\"#topSlices\"", "href=\"#formulaVersionId\"")))
			.andExpect(content().string(allOf(containsString("Choose the year whose underspend is redistributed"),
					containsString("Each top-slice needs a recipient and a purpose"),
					containsString("Choose the formula that splits the remainder"),
					containsString("value=\"Hate Crime Hub\""))));
		// with no crime data for 2074-75 the split cannot be made: said on the year, with
		// no "window"
		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		this.mvc
			.perform(post("/redistributions").session(officer)
				.with(csrf())
				.param("sourceYear", "2074-75")
				.param("formulaVersionId", String.valueOf(formula)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#sourceYear\""),
					containsString("the year whose underspend it is"), not(containsString("choose another window")))));

		this.mvc
			.perform(post("/api/v1/redistributions").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"sourceYear": "2074-75", "formulaVersionId": %d, "windowEnd": "2023-24", "topSlices": [
						 {"recipient": "Hate Crime Hub", "purpose": "Hub running costs", "amount": 1000.00}]}"""
					.formatted(formula)))
			.andExpect(status().isCreated());
		long id = this.jdbc.queryForObject("select id from redistribution where source_year = 2074", Long.class);
		this.mvc.perform(get("/redistributions/" + id).session(finance))
			.andExpect(content().string(containsString("href=\"/redistributions/" + id + "/approve\"")));
		this.mvc.perform(get("/redistributions/" + id + "/approve").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Approve redistribution proposal " + id + "?"),
					containsString("£1,000.00 for Hub running costs"), containsString("£9,000.00"),
					containsString("is approved as the underspend redistribution for 2075-76"),
					containsString("Community Safety Partnership 2074-75 Underspend"),
					containsString("drafted for Olu Officer"), containsString("£10,000.00 in all"))));
		this.mvc.perform(get("/redistributions/" + id + "/approve").session(officer)).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select status from redistribution where id = ?", String.class, id))
			.isEqualTo("DRAFT");
		this.mvc.perform(post("/redistributions/" + id + "/approve").session(finance).with(csrf()))
			.andExpect(redirectedUrl("/redistributions/" + id))
			.andExpect(flash().attribute("success",
					allOf(containsString("Redistribution proposal " + id + " has been approved: formula run "),
							containsString("(£9,000.00) is approved, and decision record "),
							containsString("has been drafted for the proposer"))));
		assertThat(this.jdbc.queryForObject("select status from redistribution where id = ?", String.class, id))
			.isEqualTo("APPROVED");
	}

	@Test
	void theUnderspendPageOpensOnTheLatestYearWithGrantsAndListsOnlyYearsWithGrants() throws Exception {
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		Integer latest = this.jdbc.queryForObject("select max(financial_year) from grant_award", Integer.class);
		String shown = new FinancialYear(latest).toString();
		this.mvc.perform(get("/underspend").session(finance))
			.andExpect(content().string(containsString("<option value=\"" + shown + "\" selected=\"selected\"")));
		this.mvc.perform(get("/underspend?year=2099-00").session(finance))
			.andExpect(content().string(allOf(
					containsString("There are no grants for 2099-00, so there is no underspend"),
					not(containsString("<option value=\"2099-00\"")), containsString("<option value=\"2024-25\""))));
	}

}
