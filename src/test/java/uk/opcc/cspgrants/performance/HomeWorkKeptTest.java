package uk.opcc.cspgrants.performance;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.monitoring.PaymentManagement;
import uk.opcc.cspgrants.monitoring.PaymentSchedule;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;
import uk.opcc.cspgrants.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home pages (issue 17): what is the same for every officer (returns submitted and
 * not received, payments on hold, the indicators loaded, the decision records, the years'
 * settings) and a year's payment schedules, which a CSP manager's home page reads its
 * line of, are read at most once per max age, however many people open their home page; a
 * change made here shows on the very next home page all the same. The max age is an hour
 * here, so that what is kept stays kept however slow the machine, and only a change made
 * here makes it be read again.
 */
@IntegrationTest
@Import(StatementCounter.Configuration.class)
@TestPropertySource(properties = "csp-grants.data-versions.max-age=1h")
class HomeWorkKeptTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2047-48");

	/** The demo's year of grants. */
	private static final FinancialYear DEMO_YEAR = FinancialYear.parse("2024-25");

	/** A year whose settings are saved as they are, to commit a change. */
	private static final FinancialYear CHANGED = FinancialYear.parse("2048-49");

	@Autowired
	MockMvc mvc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Autowired
	PaymentManagement payments;

	@Test
	void anOfficersHomePageAsksTheDatabaseOnlyForWhatIsTheirsUntilAChange() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		// returns submitted, quarters not received, holds, indicators and decision
		// records
		// are five queries at least, and the settings of each year with a grant more
		assertSecondRequestSendsFewer(officer, 5);
	}

	@Test
	void aCspManagersHomePageAndTheYearsPaymentsAreReadOnceForEveryPartnership() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		assertSecondRequestSendsFewer(manager, 3);
		// the year's payment schedules (its grants, payments, returns and partnerships),
		// whose line a CSP manager's home page shows, are read once until a change
		aChange();
		StatementCounter.reset();
		List<PaymentSchedule> first = this.payments.schedules(DEMO_YEAR);
		assertThat(StatementCounter.count()).as("statements of a year's payments, read").isGreaterThanOrEqualTo(3);
		StatementCounter.reset();
		assertThat(this.payments.schedules(DEMO_YEAR)).isSameAs(first);
		assertThat(StatementCounter.count()).as("statements of a year's payments, kept").isZero();
		aChange();
		assertThat(this.payments.schedules(DEMO_YEAR)).as("read again after a change").isNotSameAs(first);
	}

	@Test
	void aReturnSubmittedHereIsOnTheVeryNextHomePage() throws Exception {
		this.grants.setHistoric(YEAR, "MEL", Money.of("5000"), Money.ZERO, "Home work kept test", null);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		assertThat(home(officer)).doesNotContain("Melton: Q1 " + YEAR);
		this.returns.save(YEAR, Quarter.Q1, "MEL", new ReturnDetails(Money.of("1000"), Money.of("100"), List
			.of(new ReturnDetails.Activity("Patrols", "Safer streets", Money.of("1000"), Money.of("100"), null)), null,
				null, null));
		this.returns.submit(YEAR, Quarter.Q1, "MEL");
		assertThat(home(officer)).contains("Melton: Q1 " + YEAR, "href=\"/monitoring/returns/" + YEAR + "/Q1/MEL\"");
		this.returns.accept(YEAR, Quarter.Q1, "MEL");
		assertThat(home(officer)).doesNotContain("Melton: Q1 " + YEAR);
	}

	/**
	 * Two home pages of the same person, the first just after a change here (so nothing
	 * is kept), the second after it: the second sends at least {@code fewer} statements
	 * less.
	 */
	private void assertSecondRequestSendsFewer(MockHttpSession session, int fewer) throws Exception {
		aChange();
		int first = statements(session);
		int second = statements(session);
		assertThat(first - second).as("statements of a first request (%d) less a second's (%d)", first, second)
			.isGreaterThanOrEqualTo(fewer);
	}

	/** A change committed here: the settings of a year, saved as they are. */
	private void aChange() {
		this.grants.saveSettings(this.grants.settingsAsSaved(CHANGED));
	}

	private int statements(MockHttpSession session) throws Exception {
		StatementCounter.reset();
		home(session);
		return StatementCounter.count();
	}

	private String home(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/").session(session).accept("text/html"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
