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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finance records a due payment on its own page, linked from the year's payments (which
 * are kept, and show the payment paid at once); a payment finance cannot record is shown
 * on its page with each refusal on its field and what was typed, and nothing is paid; a
 * hold shows instead of the form. 2009-10, a year no other test uses.
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
	void aPaymentDatedInTheFutureIsRefusedOnItsFieldWithWhatWasTyped() throws Exception {
		this.grants.setHistoric(YEAR, "MEL", Money.of("4000"), Money.ZERO, "Payments test", null);
		this.returns.save(YEAR, Quarter.Q1, "MEL",
				new ReturnDetails(Money.of("1000"), Money.of("100"), List.of(), null, null, null));
		this.returns.submit(YEAR, Quarter.Q1, "MEL");
		this.returns.accept(YEAR, Quarter.Q1, "MEL");
		this.mvc
			.perform(post("/monitoring/payments/2009-10/MEL").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn.day", String.valueOf(LocalDate.now().plusDays(3).getDayOfMonth()))
				.param("paidOn.month", String.valueOf(LocalDate.now().plusDays(3).getMonthValue()))
				.param("paidOn.year", String.valueOf(LocalDate.now().plusDays(3).getYear()))
				.param("reference", "BACS-TYPED-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("The date it was paid cannot be in the future"),
					containsString("Record the Q1 payment as paid"), containsString("href=\"#paidOn\""),
					containsString("value=\"BACS-TYPED-1\""))));
		assertThat(this.jdbc
			.queryForObject("select count(*) from grant_payment p join grant_award g on g.id = p.grant_id "
					+ "join partnership s on s.id = g.partnership_id where g.financial_year = 2009 and s.code = 'MEL'",
					Integer.class))
			.isZero();
	}

	@Test
	void aPaymentWhoseGrantWentWhileThePageWasOpenIsRefusedWithWhatWasTypedNotANotFoundPage() throws Exception {
		// Charnwood has no grant in 2009-10: as if the grant had gone since the page
		// opened
		this.mvc
			.perform(post("/monitoring/payments/2009-10/cha").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn.day", "3")
				.param("paidOn.month", "8")
				.param("paidOn.year", "2009")
				.param("reference", "BACS-GONE-7"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("The payment is no longer there"),
					containsString("There is no grant to CHA in 2009-10: nothing was recorded"),
					containsString("BACS-GONE-7"), containsString("3 August 2009"),
					containsString("href=\"/monitoring/payments?year=2009-10\""))));
	}

	@Test
	void aDateThatCannotBeReadAndAMissingReferenceAreShownTogetherOnTheirFields() throws Exception {
		this.grants.setHistoric(YEAR, "BLA", Money.of("2000"), Money.ZERO, "Payments test", null);
		this.returns.save(YEAR, Quarter.Q1, "BLA",
				new ReturnDetails(Money.of("1000"), Money.of("100"), List.of(), null, null, null));
		this.returns.submit(YEAR, Quarter.Q1, "BLA");
		this.returns.accept(YEAR, Quarter.Q1, "BLA");
		this.mvc
			.perform(post("/monitoring/payments/2009-10/BLA").session(SignIn.as(this.mvc, "finance"))
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn.day", "31")
				.param("paidOn.month", "2")
				.param("paidOn.year", "2010")
				.param("reference", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("The date the payment was made must be a real date"),
					containsString("Enter the payment reference, up to 100 characters"),
					containsString("href=\"#paidOn\""), containsString("href=\"#reference\""),
					containsString("value=\"31\""), containsString("govuk-input--error"),
					not(containsString("type=\"date\"")))));
	}

	@Test
	void financeRecordsADuePaymentOnItsOwnPageAndTheYearsPaymentsShowItPaidAtOnce() throws Exception {
		acceptedQ1("HAB", "3000");
		var finance = SignIn.as(this.mvc, "finance");
		String link = "href=\"/monitoring/payments/2009-10/HAB?quarter=Q1\"";
		this.mvc.perform(get("/monitoring/payments").param("year", "2009-10").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(link), containsString("Record the Q1 payment of"),
					not(containsString("name=\"paidOn.day\"")))));
		// only finance may record a payment: nobody else is offered it
		this.mvc.perform(get("/monitoring/payments").param("year", "2009-10").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("payments-HAB"), not(containsString(link)))));

		LocalDate today = LocalDate.now();
		this.mvc.perform(get("/monitoring/payments/2009-10/HAB").param("quarter", "Q1").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Record the Q1 payment as paid"),
					containsString("Q1 (on the accepted Q1 return)"), containsString("id=\"main-form\""),
					containsString("value=\"" + today.getDayOfMonth() + "\""))));
		this.mvc
			.perform(post("/monitoring/payments/2009-10/HAB").session(finance)
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn.day", "30")
				.param("paidOn.month", "7")
				.param("paidOn.year", "2009")
				.param("reference", "BACS-HAB-2009-Q1"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/monitoring/payments?year=2009-10#payments-HAB"));

		this.mvc.perform(get("/monitoring/payments").param("year", "2009-10").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("on 30 July 2009, reference BACS-HAB-2009-Q1"), not(containsString(link)))));
		// sent again (a second tab): refused, the message linking to the payment's status
		this.mvc
			.perform(post("/monitoring/payments/2009-10/HAB").session(finance)
				.with(csrf())
				.param("quarter", "Q1")
				.param("paidOn.day", "31")
				.param("paidOn.month", "7")
				.param("paidOn.year", "2009")
				.param("reference", "BACS-HAB-AGAIN"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("href=\"#payment-status\""),
					containsString("id=\"payment-status\""), not(containsString("id=\"main-form\"")))));
		this.mvc.perform(get("/monitoring/payments/2009-10/HAB").param("quarter", "Q1").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This payment has been recorded as paid."),
					not(containsString("id=\"main-form\"")))));
		assertThat(this.jdbc.queryForObject("select p.reference from grant_payment p join grant_award g on "
				+ "g.id = p.grant_id join partnership s on s.id = g.partnership_id where g.financial_year = 2009 "
				+ "and s.code = 'HAB' and p.quarter = 'Q1'", String.class))
			.isEqualTo("BACS-HAB-2009-Q1");
	}

	@Test
	void aPartnershipsPaymentsOnHoldShowTheHoldInsteadOfAFormAndARecordSentAnywayIsRefusedNamingIt() throws Exception {
		acceptedQ1("OAW", "2000");
		long hold = this.jdbc.queryForObject("insert into payment_hold (partnership_id, financial_year, quarter, "
				+ "placed_on, reason) select id, 2009, 'Q2', date '2009-10-20', 'Q2 return overdue (test)' "
				+ "from partnership where code = 'OAW' returning id", Long.class);
		try {
			var finance = SignIn.as(this.mvc, "finance");
			this.mvc.perform(get("/monitoring/payments").param("year", "2009-10").session(finance))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(allOf(containsString("id=\"hold-OAW\""), containsString("Q2 return overdue (test)"),
							not(containsString("href=\"/monitoring/payments/2009-10/OAW?quarter=Q1\"")))));
			this.mvc.perform(get("/monitoring/payments/2009-10/OAW").param("quarter", "Q1").session(finance))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"hold\""),
						containsString("Q2 return overdue (test)"), not(containsString("id=\"main-form\"")))));
			this.mvc
				.perform(post("/monitoring/payments/2009-10/OAW").session(finance)
					.with(csrf())
					.param("quarter", "Q1")
					.param("paidOn.day", "30")
					.param("paidOn.month", "7")
					.param("paidOn.year", "2009")
					.param("reference", "BACS-OAW-2009-Q1"))
				.andExpect(status().is4xxClientError())
				.andExpect(content().string(containsString("href=\"#hold\"")));
			assertThat(this.jdbc.queryForObject("select count(*) from grant_payment p join grant_award g on "
					+ "g.id = p.grant_id join partnership s on s.id = g.partnership_id where g.financial_year = 2009 "
					+ "and s.code = 'OAW'", Integer.class))
				.isZero();
		}
		finally {
			this.jdbc.update("update payment_hold set released_at = now(), released_by = 'PaymentPagesTest', "
					+ "release_reason = 'test over', version = version + 1 where id = ?", hold);
		}
	}

	private void acceptedQ1(String code, String amount) {
		this.grants.setHistoric(YEAR, code, Money.of(amount), Money.ZERO, "Payments test", null);
		this.returns.save(YEAR, Quarter.Q1, code,
				new ReturnDetails(Money.of("1000"), Money.of("100"), List.of(), null, null, null));
		this.returns.submit(YEAR, Quarter.Q1, code);
		this.returns.accept(YEAR, Quarter.Q1, code);
	}

	/**
	 * The demo's 2024-25 payments added up, the figures read from the tables here: the
	 * nine grants of run 1 make £97,905.00 available; what is outstanding is that less
	 * what has been paid. Leicester's CSP manager sees Leicester's line only.
	 */
	@Test
	void thePaymentsPageAddsUpEachPartnershipAndTheYear() throws Exception {
		java.math.BigDecimal available = this.jdbc.queryForObject("select sum(l.amount) + (select sum(carry_forward) "
				+ "from grant_award where financial_year = 2024) from grant_line l join grant_award g on "
				+ "g.id = l.grant_id where g.financial_year = 2024", java.math.BigDecimal.class);
		assertThat(available).isEqualByComparingTo("97905.00");
		java.math.BigDecimal paid = this.jdbc.queryForObject(
				"select coalesce(sum(p.amount), 0) from grant_payment p "
						+ "join grant_award g on g.id = p.grant_id where g.financial_year = 2024",
				java.math.BigDecimal.class);
		Money outstanding = Money.of(available).minus(Money.of(paid));
		this.mvc.perform(get("/monitoring/payments").param("year", "2024-25").session(SignIn.as(this.mvc, "finance")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"payment-totals\""), containsString("£97,905.00"),
					containsString(Money.of(paid).format()), containsString(outstanding.format()),
					containsString("Charnwood"), containsString("Rutland"))));

		java.math.BigDecimal leicester = this.jdbc.queryForObject("select sum(l.amount) from grant_line l join "
				+ "grant_award g on g.id = l.grant_id join partnership p on p.id = g.partnership_id where "
				+ "g.financial_year = 2024 and p.code = 'LEI'", java.math.BigDecimal.class);
		this.mvc
			.perform(get("/monitoring/payments").param("year", "2024-25").session(SignIn.as(this.mvc, "leicester.csp")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your payments"),
					containsString(Money.of(leicester).format()), not(containsString("Charnwood")),
					not(containsString("£97,905.00")), not(containsString("Record as paid")))));
	}

	/**
	 * With no year asked for, the pickers open on the latest year with grants, never an
	 * empty one.
	 */
	@Test
	void theYearPickersOpenOnTheLatestYearWithGrants() throws Exception {
		int latest = this.jdbc.queryForObject("select max(g.financial_year) from grant_award g where exists "
				+ "(select 1 from grant_line l where l.grant_id = g.id)", Integer.class);
		String shown = new FinancialYear(latest).toString();
		for (String page : List.of("/grants", "/monitoring", "/monitoring/payments")) {
			String body = this.mvc.perform(get(page).session(SignIn.as(this.mvc, "officer")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(page).contains(shown + " – CSP Grants</title>");
			// a page offers a year picker only when there is more than one year to
			// pick (the demo alone has one; other tests in the same database add more)
			if (body.contains("<select")) {
				assertThat(body).as(page)
					.contains("value=\"" + shown + "\" selected=\"selected\"", "<option value=\"2024-25\"");
			}
		}
		int leicesters = this.jdbc.queryForObject("select max(g.financial_year) from grant_award g join partnership p "
				+ "on p.id = g.partnership_id where p.code = 'LEI' and exists "
				+ "(select 1 from grant_line l where l.grant_id = g.id)", Integer.class);
		this.mvc.perform(get("/monitoring/returns").session(SignIn.as(this.mvc, "leicester.csp")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Returns for <span>" + new FinancialYear(leicesters))));
		this.mvc.perform(get("/grants").param("year", "2005-06").session(SignIn.as(this.mvc, "officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There are no grants for <span>2005-06</span>"),
					containsString("How grants are made"), containsString("href=\"/grants?year=2024-25\""),
					containsString("href=\"/grants/2005-06/LEI\""), not(containsString("create them below")))));
	}

}
