package uk.opcc.cspgrants.shared.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.monitoring.PaymentManagement;
import uk.opcc.cspgrants.monitoring.ReturnDetails;
import uk.opcc.cspgrants.monitoring.ReturnManagement;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year's payments and its underspend keep their rendered tables (issue 17: pages
 * listing every partnership): every change shows on the next request, twice over (the
 * second from the kept table), and a CSP manager's payments are never an officer's. Uses
 * 1976-77, a year no other test uses.
 */
@IntegrationTest
class KeptPaymentsAndUnderspendTest {

	private static final FinancialYear YEAR = FinancialYear.parse("1976-77");

	@Autowired
	MockMvc mvc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Autowired
	PaymentManagement payments;

	@Autowired
	UserManagement users;

	@Test
	void aReturnAcceptedAndAPaymentRecordedShowOnTheNextRequestOfBothPages() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession leicester = SignIn.as(this.mvc, "leicester.csp");
		this.grants.setHistoric(YEAR, "RUT", Money.of("5000"), Money.ZERO, "Kept pages test", null);
		this.grants.setHistoric(YEAR, "LEI", Money.of("7000"), Money.of("250"), "Kept pages test", null);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/underspend?year=1976-77").session(officer))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Rutland"), containsString("£5,000.00"),
						containsString("£7,250.00"), containsString("(no return)"), containsString("£12,250.00"))));
			this.mvc.perform(get("/monitoring/payments?year=1976-77").session(leicester))
				.andExpect(content().string(allOf(containsString("£7,250.00"), not(containsString("Rutland")))));
		}

		this.returns.save(YEAR, Quarter.Q1, "RUT",
				new ReturnDetails(Money.of("5000"), Money.of("1200"), List.of(), null, null, null));
		this.returns.submit(YEAR, Quarter.Q1, "RUT");
		this.returns.accept(YEAR, Quarter.Q1, "RUT");
		for (int i = 0; i < 2; i++) {
			// Rutland's spend of £1,200.00 on its Q1 return, and £3,800.00 left of
			// £5,000.00
			this.mvc.perform(get("/underspend?year=1976-77").session(officer))
				.andExpect(content().string(allOf(containsString("£1,200.00"), containsString("(Q1)"),
						containsString("£3,800.00"), containsString("£11,050.00"))));
			this.mvc.perform(get("/monitoring/payments?year=1976-77").session(officer))
				.andExpect(content().string(allOf(containsString("Rutland"), containsString("Leicester"),
						not(containsString("reference KEPT-RUT-Q1")))));
		}

		this.payments.recordPaid(YEAR, "RUT", Quarter.Q1, LocalDate.of(1976, 7, 30), "KEPT-RUT-Q1",
				this.users.principalOf("finance").orElseThrow());
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/monitoring/payments?year=1976-77").session(officer))
				.andExpect(content().string(containsString("on 30 July 1976, reference KEPT-RUT-Q1")));
			this.mvc.perform(get("/monitoring/payments?year=1976-77").session(leicester))
				.andExpect(content().string(allOf(containsString("£7,250.00"), not(containsString("KEPT-RUT-Q1")))));
		}
	}

}
