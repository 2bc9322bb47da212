package uk.opcc.cspgrants.grants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A refused grant change shows the page again with the message on its field and what was
 * typed; a stale version is a 409 saying someone else changed it. 2011-12, a year no
 * other test uses.
 */
@IntegrationTest
class GrantPagesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2011-12");

	@Autowired
	MockMvc mvc;

	@Autowired
	GrantManagement grants;

	@Test
	void aMistakeIsShownOnItsFieldWithWhatWasTyped() throws Exception {
		GrantView grant = this.grants.setHistoric(YEAR, "BLA", Money.of("1000"), Money.ZERO, "Set up", null);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/grants/2011-12/BLA").session(officer)
				.with(csrf())
				.param("allocation", "12.345")
				.param("carryForward", "-10")
				.param("note", "My careful note")
				.param("version", String.valueOf(grant.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"), containsString("My careful note"),
					containsString("id=\"allocation-error\""))));
	}

	@Test
	void aStaleVersionIsA409ThatKeepsTheInputAndShowsTheCurrentFigures() throws Exception {
		GrantView first = this.grants.setHistoric(YEAR, "MEL", Money.of("1000"), Money.ZERO, "Set up", null);
		this.grants.setHistoric(YEAR, "MEL", Money.of("1500"), Money.ZERO, "Someone else", first.version());
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/grants/2011-12/MEL").session(officer)
				.with(csrf())
				.param("allocation", "1,234.56")
				.param("note", "Typed before the other change")
				.param("version", String.valueOf(first.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(
					allOf(containsString("changed by someone else"), containsString("Typed before the other change"),
							containsString("1,234.56"), containsString("£1,500.00"))));
	}

	@Test
	void anExistingGrantChangesThroughTheApiOnlyWithTheVersionRead() throws Exception {
		this.grants.setHistoric(YEAR, "RUT", Money.of("1000"), Money.ZERO, "Set up", null);
		this.mvc
			.perform(put("/api/v1/grants/2011-12/RUT").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType("application/json")
				.content("{\"allocation\": 2000, \"note\": \"No version\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("changed by someone else")));
	}

	@Test
	void settingsThatAreNotValidAreShownOnTheirField() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/grants/settings").session(officer)
				.with(csrf())
				.param("year", "2011-12")
				.param("paymentProfile", "ANNUALLY_IN_ADVANCE")
				.param("returnDueDays", "400")
				.param("underspendPolicy", "RETURN_TO_POT")
				.param("version", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Returns are due 0 to 365 days after the quarter ends"),
					containsString("value=\"400\""))));
	}

	@Test
	void everyUnreadableFieldIsShownAtOnceWithItsRedBorder() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/grants/2011-12/OAW").session(officer)
				.with(csrf())
				.param("allocation", "12.345")
				.param("carryForward", "ten pounds")
				.param("note", "Both wrong"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("href=\"#allocation\""), containsString("href=\"#carryForward\""),
						containsString("govuk-input--error"), containsString("Both wrong"))));
		this.mvc
			.perform(post("/grants/settings").session(officer)
				.with(csrf())
				.param("year", "2011-12")
				.param("paymentProfile", "")
				.param("returnDueDays", "soon")
				.param("underspendPolicy", "")
				.param("version", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Choose how grants are paid"),
					containsString("Enter the number of days, like 30"),
					containsString("Choose what happens to underspend"), containsString("govuk-select--error"))));
	}

}
