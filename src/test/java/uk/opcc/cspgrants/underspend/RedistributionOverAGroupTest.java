package uk.opcc.cspgrants.underspend;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.YearSettings;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A redistribution whose remainder is shared by a group's partnerships only. */
@IntegrationTest
class RedistributionOverAGroupTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2038-39");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GrantManagement grants;

	@Autowired
	RedistributionManagement redistributions;

	@Autowired
	PartnershipGroupManagement groups;

	@Test
	void theRemainderIsSharedByTheDistrictsOnlyAndThePageSaysSo() throws Exception {
		this.grants.saveSettings(new YearSettings(YEAR, YearSettings.PaymentProfile.QUARTERLY_IN_ARREARS, 30,
				YearSettings.UnderspendPolicy.RETURN_TO_POT, -1));
		this.grants.setHistoric(YEAR, "MEL", Money.of("10000.00"), Money.ZERO, "Group test", null);
		this.mvc
			.perform(post("/api/v1/years/2038-39/close").with(httpBasic("finance", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"missingReason\": \"No returns for this test\"}"))
			.andExpect(status().isOk());
		long districts = this.groups.findByName("Leicestershire and Rutland districts").orElseThrow().id();
		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		this.mvc
			.perform(post("/api/v1/redistributions").with(httpBasic("officer", SignIn.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"sourceYear": "2038-39", "pot": 8000.00, "potReason": "Test pot", "formulaVersionId": %d,
						 "windowEnd": "2023-24", "partnershipGroupId": %d, "topSlices": [
						 {"recipient": "Hate Crime Hub", "purpose": "Hub", "amount": 1000.00}]}""".formatted(formula,
						districts)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.run.partnerships").value("Leicestershire and Rutland districts (8)"));

		long id = this.jdbc.queryForObject("select id from redistribution where source_year = 2038", Long.class);
		RunView run = this.redistributions.get(id).run();
		assertThat(run.lines()).hasSize(8).noneMatch(line -> line.code().equals("LEI"));
		assertThat(run.total()).isEqualTo(Money.of("7000.00"));

		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/redistributions/" + id).session(officer))
			.andExpect(content().string(allOf(containsString("The remainder is shared among"),
					containsString("Leicestershire and Rutland districts (8)"))));
		this.mvc.perform(get("/redistributions/" + id + "/edit").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + districts + "\" checked")));
	}

}
