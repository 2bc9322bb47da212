package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A payment finance cannot record is shown on its own row, with what was typed, and
 * nothing is paid. 2009-10, a year no other test uses.
 */
@IntegrationTest
class PaymentPagesTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2009-10");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GrantManagement grants;

	@Autowired
	ReturnManagement returns;

	@Test
	void aPaymentDatedInTheFutureIsRefusedOnItsRowWithWhatWasTyped() throws Exception {
		this.grants.setHistoric(YEAR, "MEL", Money.of("4000"), Money.ZERO, "Payments test", null);
		this.returns.save(YEAR, Quarter.Q1, "MEL",
				new ReturnDetails(Money.of("1000"), Money.of("100"), List.of(), null, null, null));
		this.returns.submit(YEAR, Quarter.Q1, "MEL");
		this.returns.accept(YEAR, Quarter.Q1, "MEL");
		this.mvc
			.perform(post("/monitoring/payments/2009-10/MEL").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn", LocalDate.now().plusDays(3).toString())
				.param("reference", "BACS-TYPED-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("The date it was paid cannot be in the future"),
					containsString("href=\"#paid-MEL-Q1\""), containsString("value=\"BACS-TYPED-1\""))));
		assertThat(
				this.jdbc.queryForObject("select count(*) from grant_payment p join grant_award g on g.id = p.grant_id "
						+ "where g.financial_year = 2009", Integer.class))
			.isZero();
	}

}
