package uk.opcc.cspgrants.monitoring;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

/**
 * The report page and the returns dashboard keep their rendered tables
 * (RenderedFragments), and the report's JSON in the API is kept (KeptJson); every change
 * of a grant or a return shows on the next request. Uses 2021-22, a year no other test
 * uses.
 */
@IntegrationTest
class KeptReportTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2021-22");

	private static final String REPORT = "/monitoring/reports/2021-22/Q1";

	private static final String DASHBOARD = "/monitoring?year=2021-22";

	private static final String API = "/api/v1/reports/quarterly/2021-22/Q1";

	@Autowired
	MockMvc mvc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Test
	void aChangedGrantOrReturnShowsOnTheNextRequest() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.grants.setHistoric(YEAR, "HAR", Money.of("8000"), Money.ZERO, "Test grant", null);
		this.mvc.perform(get(REPORT).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Harborough"), containsString("£8,000"),
					containsString("No return received"))));
		this.mvc.perform(get(REPORT).session(officer))
			.andExpect(content().string(allOf(containsString("£8,000"), containsString("Sign out"))));
		this.mvc.perform(get(API).with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(content()
				.string(allOf(containsString("\"allocation\":\"8000.00\""), not(containsString("1234.40")))));
		this.mvc.perform(get(DASHBOARD).session(officer))
			.andExpect(content().string(allOf(containsString("Q1 return of Harborough"),
					containsString("Overdue: not received"), not(containsString("Received<")))));

		this.returns.save(YEAR, Quarter.Q1, "HAR",
				new ReturnDetails(Money.of("7000"), Money.of("1234.40"), List.of(), "Kept test", null, null));
		this.returns.submit(YEAR, Quarter.Q1, "HAR");
		this.mvc.perform(get(REPORT).session(officer))
			.andExpect(content().string(allOf(containsString("£1,234"), containsString("Kept test"),
					not(containsString("No return received")))));
		this.mvc.perform(get(DASHBOARD).session(officer)).andExpect(content().string(containsString("Received<")));
		this.mvc.perform(get(API).with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(content().string(allOf(containsString("1234.40"), containsString("Kept test"))));

		long version = this.grants.grants(YEAR)
			.stream()
			.filter(grant -> grant.code().equals("HAR"))
			.findFirst()
			.orElseThrow()
			.version();
		this.grants.setHistoric(YEAR, "HAR", Money.of("9000"), Money.of("250"), "Test grant, corrected", version);
		this.mvc.perform(get(REPORT).session(officer))
			.andExpect(content()
				.string(allOf(containsString("£9,000"), containsString("£9,250"), not(containsString("£8,000")))));
		this.mvc.perform(get(API).with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(content().string(allOf(containsString("\"allocation\":\"9000.00\""),
					not(containsString("\"allocation\":\"8000.00\"")))));
	}

}
