package uk.opcc.cspgrants.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.indicators.IndicatorManagement;
import uk.opcc.cspgrants.partnership.PartnershipDetails;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

/**
 * The grant schedule, the partnerships list and the indicator grid keep their rendered
 * tables (issue 17's speed work): every change shows on the next request, a CSP manager's
 * table is never an officer's, and the links to correct an indicator are only in the
 * table of those who may. Uses 1996-97, a year no other test uses.
 */
@IntegrationTest
class KeptListsTest {

	private static final FinancialYear YEAR = FinancialYear.parse("1996-97");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	GrantManagement grants;

	@Autowired
	PartnershipManagement partnerships;

	@Autowired
	IndicatorManagement indicators;

	@Test
	void aChangedGrantShowsOnTheNextRequestAndACspManagerSeesOnlyTheirOwn() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession leicester = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get("/grants?year=1996-97").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There are no grants for <span>1996-97</span>")));

		this.grants.setHistoric(YEAR, "HAR", Money.of("8000"), Money.ZERO, "Kept list test", null);
		this.grants.setHistoric(YEAR, "LEI", Money.of("6000"), Money.of("125.50"), "Kept list test", null);
		// twice each: the second is served from the kept table
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/grants?year=1996-97").session(officer))
				.andExpect(content().string(allOf(containsString("Harborough"), containsString("£8,000.00"),
						containsString("£6,125.50"), containsString("£14,125.50"), containsString("Sign out"),
						not(containsString("There are no grants for")))));
			this.mvc.perform(get("/grants?year=1996-97").session(leicester))
				.andExpect(content().string(allOf(containsString("£6,125.50"), not(containsString("Harborough")),
						not(containsString("£14,125.50")))));
		}

		long version = this.grants.grants(YEAR)
			.stream()
			.filter(grant -> grant.code().equals("HAR"))
			.findFirst()
			.orElseThrow()
			.version();
		this.grants.setHistoric(YEAR, "HAR", Money.of("9000"), Money.ZERO, "Kept list test, corrected", version);
		this.mvc.perform(get("/grants?year=1996-97").session(officer))
			.andExpect(content().string(allOf(containsString("£9,000.00"), containsString("£15,125.50"),
					not(containsString("£8,000.00")))));
	}

	@Test
	void theRunsWaitingForTheirGrantsAreTheApprovedOnesWithNoGrantLine() {
		List<Long> expected = this.jdbc.queryForList(
				"select id from formula_run f where status = 'APPROVED' and not exists "
						+ "(select 1 from grant_line l where l.run_id = f.id) order by financial_year desc, id desc",
				Long.class);
		// inside a transaction that may write, where DataVersions reads afresh: another
		// test may have changed runs by SQL less than a second ago
		List<Long> waiting = new TransactionTemplate(this.transactions)
			.execute((status) -> this.grants.runsWithoutGrants().stream().map(RunView::id).toList());
		assertThat(waiting).isEqualTo(expected);
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run where status = 'APPROVED'", Long.class))
			.isPositive();
	}

	@Test
	void aNewPartnershipShowsOnTheNextRequestAndACspManagerSeesOnlyTheirOwn() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/partnerships?archived=true").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Charnwood"), not(containsString("Kept Lists Test")))));
		this.partnerships
			.create(new PartnershipDetails("Kept Lists Test", "KEPTLIST", null, "Kept Lists Council", false));
		this.mvc.perform(get("/partnerships?archived=true").session(officer))
			.andExpect(
					content().string(allOf(containsString("Kept Lists Test"), containsString("Kept Lists Council"))));
		this.mvc.perform(get("/partnerships").session(officer))
			.andExpect(content().string(allOf(containsString("Charnwood"), not(containsString("Kept Lists Test")))));
		this.mvc.perform(get("/partnerships").session(SignIn.as(this.mvc, "leicester.csp")))
			.andExpect(content().string(allOf(containsString("Leicester City Council"),
					containsString("1 partnership<"), not(containsString("Charnwood")))));
	}

	@Test
	void aCorrectedIndicatorShowsOnTheNextRequestWithCorrectLinksOnlyForThoseWhoMay() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		this.mvc.perform(get("/indicators?year=1996-97").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/indicators/1996-97/HAR/correct"),
					not(containsString("Kept list correction")))));
		this.mvc.perform(get("/indicators?year=1996-97").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Harborough"), not(containsString("/correct")))));

		this.indicators.correct("HAR", YEAR, "population", new BigDecimal("97531"), "Kept list correction");
		this.mvc.perform(get("/indicators?year=1996-97").session(officer))
			.andExpect(content().string(allOf(containsString("97,531"), containsString("Kept list correction"),
					containsString("/indicators/1996-97/HAR/correct"))));
		this.mvc.perform(get("/indicators?year=1996-97").session(finance))
			.andExpect(content().string(allOf(containsString("97,531"), not(containsString("/correct")))));
	}

}
