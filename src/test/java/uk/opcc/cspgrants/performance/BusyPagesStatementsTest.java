package uk.opcc.cspgrants.performance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.allocation.FormulaDetails;
import uk.opcc.cspgrants.allocation.RunManagement;
import uk.opcc.cspgrants.allocation.RunPurpose;
import uk.opcc.cspgrants.allocation.RunRequest;
import uk.opcc.cspgrants.allocation.RunView;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.grants.GrantView;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.partnership.PartnershipGroupDetails;
import uk.opcc.cspgrants.partnership.PartnershipGroupManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No N+1: the busy pages send the same number of SQL statements to the database for a
 * year with a grant and a return for every partnership as for a year with two, and no
 * more than a small fixed number. Each page is counted on its first request for the year
 * (nothing kept yet), with the data versions read on every request.
 */
@IntegrationTest
@Import(StatementCounter.Configuration.class)
@TestPropertySource(properties = "csp-grants.data-versions.max-age=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyPagesStatementsTest {

	private static final FinancialYear EVERY = FinancialYear.parse("2036-37");

	private static final FinancialYear TWO = FinancialYear.parse("2037-38");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunManagement runs;

	@Autowired
	PartnershipGroupManagement groups;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	private long run;

	private int partnerships;

	@BeforeAll
	void aYearWithEveryPartnershipAndAYearWithTwo() {
		RunView made = this.runs.create(new RunRequest(
				EVERY, Money.of("90000.00"), RunPurpose.ALLOCATION, null, new FormulaDetails("Population",
						Map.of("population", new BigDecimal("100")), 1, null, null, null, null),
				FinancialYear.parse("2023-24"), Map.of(), "Statements test"));
		this.run = this.runs.approve(made.id(), Principals.of("finance", this.jdbc)).id();
		List<GrantView> created = this.grants.createFromRun(this.run);
		this.partnerships = created.size();
		for (GrantView grant : created) {
			acceptedQ1(EVERY, grant.code());
		}
		for (String code : List.of("MEL", "RUT")) {
			this.grants.setHistoric(TWO, code, Money.of("5000"), Money.ZERO, "Statements test", null);
			acceptedQ1(TWO, code);
		}
	}

	@Test
	void theBusyPagesQueryTheDatabaseAFixedNumberOfTimesWhateverTheNumberOfPartnerships() throws Exception {
		assertThat(this.partnerships).as("the larger year has every partnership").isGreaterThanOrEqualTo(9);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		Map<String, Integer> every = new LinkedHashMap<>();
		Map<String, Integer> two = new LinkedHashMap<>();
		for (String page : List.of("/grants?year=%s", "/monitoring?year=%s", "/monitoring/reports/%s/Q1",
				"/monitoring/payments?year=%s", "/underspend?year=%s")) {
			every.put(page, statements(officer, page.formatted(EVERY)));
			two.put(page, statements(officer, page.formatted(TWO)));
		}
		assertThat(every).as("statements per page, every partnership against two").isEqualTo(two);
		assertThat(every.values()).as("the counter counts").allSatisfy(count -> assertThat(count).isPositive());
		// with no kept reads (max age 0) each page also checks the signed-in account
		// (SignedInSessions) and reads every version its kept tables are keyed by (the
		// underspend's: grants, returns, partnerships, settings and the year's close),
		// each
		// one statement that in service is read at most once a second
		assertThat(every.values()).as("statements per page").allSatisfy(count -> assertThat(count).isLessThan(25));

		assertThat(statements(officer, "/allocations/runs/" + this.run)).as("a run of every partnership")
			.isLessThan(10);
		assertThat(statements(officer, "/partnerships")).as("the partnerships").isLessThan(5);
		assertThat(statements(officer, "/decisions")).as("the decision records").isLessThan(5);
	}

	@Test
	void theGroupPagesAndTheRunFormQueryTheDatabaseAFixedNumberOfTimesWhateverTheNumberOfGroups() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		Map<String, Integer> before = new LinkedHashMap<>();
		for (String page : List.of("/partnership-groups", "/allocations/runs/new", "/partnership-groups/1")) {
			before.put(page, statements(officer, page));
		}
		List<Long> ids = this.jdbc.queryForList("select id from partnership where active", Long.class);
		for (int i = 0; i < 5; i++) {
			this.groups.create(new PartnershipGroupDetails("Statements test group " + i, null, ids));
		}
		Map<String, Integer> after = new LinkedHashMap<>();
		for (String page : before.keySet()) {
			after.put(page, statements(officer, page));
		}
		assertThat(after).as("statements per page, five groups more").isEqualTo(before);
		assertThat(after.values()).as("statements per page").allSatisfy(count -> assertThat(count).isLessThan(10));
	}

	private int statements(MockHttpSession session, String page) throws Exception {
		StatementCounter.reset();
		this.mvc.perform(get(page).session(session)).andExpect(status().isOk());
		return StatementCounter.count();
	}

	private void acceptedQ1(FinancialYear year, String code) {
		this.returns.save(year, Quarter.Q1, code, new ReturnDetails(Money.of("1000"), Money.of("100"), List
			.of(new ReturnDetails.Activity("Patrols", "Safer streets", Money.of("1000"), Money.of("100"), null)), null,
				null, null));
		this.returns.submit(year, Quarter.Q1, code);
		this.returns.accept(year, Quarter.Q1, code);
	}

}
