package uk.opcc.cspgrants.grants;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A year's reminder settings on the grant schedule's settings form: working days before
 * the due date (10 and 3 unless set), the manager told after 5 and payments held after 15
 * working days overdue; every mistake on its field at once, what was typed kept. 2039-40,
 * a year no other test uses.
 */
@IntegrationTest
class ReminderSettingsPagesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2039-40");

	@Autowired
	MockMvc mvc;

	@Autowired
	GrantManagement grants;

	@Test
	void aYearWithNoSettingsOffersTheDefaults() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/grants").param("year", "2038-39").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"reminderDays\""), containsString("value=\"10, 3\""),
					containsString("id=\"escalateAfterDays\""), containsString("value=\"5\""),
					containsString("value=\"15\""))));
	}

	@Test
	void numbersThatCannotBeReadAreShownOnTheirFieldsWithWhatWasTyped() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(settings(officer, "ten, three", "soon", "later"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(
					allOf(containsString("Enter the working days before the due date as numbers separated by commas"),
							containsString("Enter the number of working days, like 5"),
							containsString("Enter the number of working days, like 15"),
							containsString("href=\"#reminderDays\""), containsString("href=\"#holdAfterDays\""),
							containsString("value=\"ten, three\""), containsString("govuk-input--error"))));
	}

	@Test
	void numbersOutOfRangeAreRefusedAllAtOnce() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(settings(officer, "10, 0", "0", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("Enter 1 to 5 numbers of working days from 1 to 60, like 10, 3"),
						containsString("The manager is told after 1 to 60 working days overdue"),
						containsString("Payments are held after 1 to 120 working days overdue"))));
		this.mvc.perform(settings(officer, "10", "8", "8"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"Payments are held later than the manager is told: after more than 8 working days overdue")));
	}

	@Test
	void settingsSavedAreUsedAndAFormWithoutTheReminderFieldsKeepsThem() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(settings(officer, "15, 5,1", "3", "10")).andExpect(status().isFound());
		YearSettings.Reminders saved = this.grants.settings(YEAR).reminders();
		assertThat(saved.daysBefore()).containsExactly(15, 5, 1);
		assertThat(saved.escalateAfter()).isEqualTo(3);
		assertThat(saved.holdAfter()).isEqualTo(10);
		this.mvc
			.perform(post("/grants/settings").session(officer)
				.with(csrf())
				.param("year", YEAR.toString())
				.param("paymentProfile", "QUARTERLY_IN_ARREARS")
				.param("returnDueDays", "45")
				.param("underspendPolicy", "CARRY_FORWARD")
				.param("version", String.valueOf(this.grants.settings(YEAR).version())))
			.andExpect(status().isFound());
		YearSettings after = this.grants.settings(YEAR);
		assertThat(after.returnDueDays()).isEqualTo(45);
		assertThat(after.reminders()).isEqualTo(new YearSettings.Reminders(List.of(15, 5, 1), 3, 10));
	}

	private org.springframework.test.web.servlet.RequestBuilder settings(MockHttpSession session, String before,
			String escalate, String hold) {
		return post("/grants/settings").session(session)
			.with(csrf())
			.param("year", YEAR.toString())
			.param("paymentProfile", "QUARTERLY_IN_ARREARS")
			.param("returnDueDays", "30")
			.param("underspendPolicy", "CARRY_FORWARD")
			.param("reminderDays", before)
			.param("escalateAfterDays", escalate)
			.param("holdAfterDays", hold)
			.param("version", String.valueOf(this.grants.settings(YEAR).version()));
	}

}
