package uk.opcc.cspgrants.shared.web;

import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.partnership.PartnershipDetails;
import uk.opcc.cspgrants.partnership.PartnershipManagement;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.StatementCounter;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each demo user's home page lists what waits for them, with the demo's figures; the
 * public gets the start page. On a database of its own, holding the demo data and nothing
 * else, so that the figures are the demo's whatever other tests add to the shared one:
 * the demo's approved run 1 for 2024-25 (£97,905.00, Leicester's share £32,960.61) and
 * the nine grants it made, the Q1 2024-25 returns of every partnership but Rutland
 * accepted, Leicester's Q2 return submitted, the draft run 2 of £80,000.00 over the
 * districts (made by Olu Officer), decision records EXE0002-24 (consulted, waiting for
 * the Monitoring Officer) and EXE0003-24 (waiting for the Commissioner), police.uk crime
 * from January 2023 to December 2024 and population for 2023-24 only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ HomePagesTest.OwnDatabase.class, StatementCounter.Configuration.class })
class HomePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PartnershipManagement partnerships;

	@Autowired
	UserManagement users;

	@Test
	void theStartPageOfThePublicLinksToWhatIsPublishedAndToStaffSignIn() throws Exception {
		String page = this.mvc.perform(get("/").accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1 class=\"govuk-heading-xl\">CSP Grants</h1>",
				"Office of the Police and Crime Commissioner", "href=\"/public/decisions\"",
				"href=\"/public/allocations/2024-25\"", "Allocations for 2024-25 and how each was worked out",
				"href=\"/how-the-formula-works\"", "href=\"/public/published-splits\"",
				"href=\"/public/open-data/360giving.json\"", "href=\"/public/open-data/360giving.csv\"",
				"href=\"/login\"", "Staff sign in");
		assertThat(page).doesNotContain("Waiting for you", "/allocations/runs/", "Olu Officer", "Sign out",
				"Partnerships</a>", "EXE0002-24");
		assertThat(this.mvc.perform(get("/public").accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("href=\"/public/allocations/2024-25\"", "Staff sign in");
	}

	/**
	 * Finance: run 2 waits for their approval, the demo's third decision record for them
	 * to sign it as consulted; the eight accepted Q1 returns make eight payments due.
	 */
	@Test
	void financeSeesTheRunTheRecordAndThePaymentsWaitingForThem() throws Exception {
		String page = home("finance");
		assertThat(page).contains("1 formula run waiting for your approval", "href=\"/allocations/runs/2\"",
				"Annual allocation for 2024-25: £80,000.00 (run 2)",
				"1 decision record waiting for you to sign it as consulted",
				"Domestic abuse champions in Charnwood 2024-25",
				"8 payments due to be paid: returns accepted, payment not yet recorded", "8 payments due for 2024-25",
				"href=\"/monitoring/payments?year=2024-25\"");
		assertThat(page).doesNotContain("Nothing is waiting for you", "Your drafts", "EXE0002-24", "EXE0003-24",
				"overdue");
	}

	@Test
	void theMonitoringOfficerSeesTheRecordWaitingForTheirPublicationDecision() throws Exception {
		String page = home("monitoring");
		assertThat(page).contains("1 decision record waiting for your publication decision",
				"href=\"/decisions/EXE0002-24\"",
				"EXE0002-24: Knife crime prevention in the night-time economy 2024-25");
		assertThat(page).doesNotContain("EXE0003-24", "formula run", "payments due");
	}

	@Test
	void theCommissionerSeesTheRecordWaitingForTheirDecision() throws Exception {
		String page = home("commissioner");
		assertThat(page).contains("1 decision record waiting for your decision", "href=\"/decisions/EXE0003-24\"",
				"EXE0003-24: Safer streets top-slice for Oadby &amp; Wigston 2024-25");
		assertThat(page).doesNotContain("EXE0002-24", "formula run", "payments due");
	}

	/**
	 * The officer: Leicester's Q2 return waits to be accepted; of the 36 returns of the
	 * nine 2024-25 grants, 27 are overdue (all but the eight accepted and the one
	 * submitted), the year being long over; run 2 is their own draft; 2024-25 is the
	 * latest year with crime, 9 of its 12 months (April to December 2024), and no
	 * population.
	 */
	@Test
	void theOfficerSeesReturnsWaitingOverdueTheirDraftAndTheGapsInTheData() throws Exception {
		String page = home("officer");
		assertThat(page).contains("1 return submitted and waiting for you to accept it or return it for correction",
				"href=\"/monitoring/returns/2024-25/Q2/LEI\"", "Leicester: Q2 2024-25",
				"27 returns overdue for 2024-25", "href=\"/monitoring?year=2024-25\"", "Your drafts",
				"1 draft formula run not yet approved", "href=\"/allocations/runs/2\"",
				"Police.uk crime for 2024-25: 9 of 12 months loaded",
				"Population for 2024-25 is missing for 9 partnerships", "href=\"/indicators?year=2024-25\"",
				"Last loaded: police.uk crime on");
		assertThat(page).doesNotContain("Nothing is waiting for you", "waiting for your approval", "payments due");
	}

	@Test
	void theAdministratorSeesWhatAnOfficerSeesButNoDraftsOfTheirOwn() throws Exception {
		String page = home("admin");
		assertThat(page).contains("1 return submitted and waiting", "27 returns overdue for 2024-25",
				"Police.uk crime for 2024-25: 9 of 12 months loaded");
		assertThat(page).doesNotContain("Your drafts", "draft formula run");
	}

	/**
	 * Leicester's manager: the allocation of run 1 and the grant it made, the Q1 payment
	 * due (a quarter of £32,960.61, the odd penny in Q1: £8,240.16), and the Q3 and Q4
	 * returns overdue (due 30 days after the quarter); nothing of any other partnership.
	 */
	@Test
	void aCspManagerSeesOnlyTheirOwnPartnership() throws Exception {
		String page = home("leicester.csp");
		assertThat(page).contains("Your partnership", "Your approved allocation for 2024-25: £32,960.61",
				"href=\"/allocations/mine\"", "Your grant for 2024-25: £32,960.61 available",
				"href=\"/grants/2024-25/LEI\"", "Payments for 2024-25: £0.00 paid, £8,240.16 due",
				"href=\"/monitoring/payments?year=2024-25\"", "2 returns overdue",
				"Q3 return for 2024-25 is overdue: it was due on 30 January 2025",
				"href=\"/monitoring/returns/2024-25/Q3/LEI\"",
				"Q4 return for 2024-25 is overdue: it was due on 30 April 2025",
				"href=\"/monitoring/returns/2024-25/Q4/LEI\"");
		assertThat(page).doesNotContain("/CHA", "Charnwood", "Rutland", "Q2 return", "Q1 return",
				"waiting for your approval", "Indicators</h2>", "Nothing is waiting for you");
	}

	/**
	 * The manager of a partnership closed before it had any grant: nothing waits for
	 * them, and the page says so in words.
	 */
	@Test
	void someoneWithNothingWaitingIsToldSo() throws Exception {
		if (this.partnerships.findByCode("HOMEPT").isEmpty()) {
			this.partnerships.create(
					new PartnershipDetails("Closed Before Funding", "HOMEPT", null, "Closed Borough Council", false));
		}
		if (!this.users.exists("closed.csp")) {
			this.users.create("closed.csp", new AccountDetails("Cleo Closed", Set.of(Role.CSP_MANAGER), "HOMEPT"),
					SignIn.DEMO_PASSWORD);
		}
		String page = home("closed.csp");
		assertThat(page).contains("Cleo Closed: your work", "Nothing is waiting for you.", "Everything you can do");
		assertThat(page).doesNotContain("Your partnership", "overdue", "Your grant");
	}

	@Test
	void thePageNotFoundOffersThePublicStartPageAndWhenSignedInTheHomePage() throws Exception {
		String anonymous = this.mvc.perform(get("/public/decisions/EXE9999-24").accept("text/html"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(anonymous).contains("Page not found", "href=\"/public\"", "Go to the CSP Grants start page");
		assertThat(anonymous).doesNotContain("Go to your home page");
		String signedIn = this.mvc
			.perform(get("/public/decisions/EXE9999-24").session(SignIn.as(this.mvc, "officer")).accept("text/html"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(signedIn).contains("Go to your home page", "href=\"/public\"", "Go to the CSP Grants start page");
	}

	@Test
	void theHomePageSendsAHandfulOfStatements() throws Exception {
		for (String user : new String[] { "admin", "officer", "finance", "monitoring", "commissioner",
				"leicester.csp" }) {
			MockHttpSession session = SignIn.as(this.mvc, user);
			StatementCounter.reset();
			this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
			// 17 for a CSP manager since issue 14: the bank holidays in force (one
			// version
			// read) for the due dates, and the person's new messages
			assertThat(StatementCounter.count()).as("statements of the home page of " + user).isLessThan(18);
		}
	}

	private String home(String username) throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, username);
		return this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * A database of this test's own, made afresh and loaded with the demo data at start,
	 * reached with the two roles production uses, as {@code TestDatabaseConfiguration}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static TestPostgres.DatabaseAddress database;

		private static synchronized TestPostgres.DatabaseAddress database() {
			if (database == null) {
				database = TestPostgres.freshDatabase("csp_grants_home_pages");
			}
			return database;
		}

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return DataSourceBuilder.create()
				.url(database().url())
				.username(database().applicationUsername())
				.password(database().applicationPassword())
				.build();
		}

		@Bean(defaultCandidate = false)
		@FlywayDataSource
		DataSource ownerDataSource() {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(database().url())
				.username(database().ownerUsername())
				.password(database().ownerPassword())
				.build();
		}

	}

}
