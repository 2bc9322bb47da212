package uk.opcc.cspgrants.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.grants.GrantManagement;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.Quarter;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A return's life on the demo partnerships in 2022-23, a year no other test uses. */
@IntegrationTest
class ReturnWorkflowTest {

	private static final FinancialYear YEAR = FinancialYear.parse("2022-23");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReturnManagement returns;

	@Autowired
	PaymentManagement payments;

	@Autowired
	GrantManagement grants;

	@Test
	void anOfficerEntersSubmitsAndAcceptsAQ2ReturnAndOpensTheReport() throws Exception {
		this.grants.setHistoric(YEAR, "MEL", Money.of("10000"), Money.of("500"), "Test grant", null);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String path = "/monitoring/returns/2022-23/Q2/MEL";
		this.mvc
			.perform(post(path).session(officer)
				.with(csrf())
				.param("plannedAllocation", "£9,000")
				.param("cumulativeSpend", "4,000.50")
				.param("activities[0].title", "Street pastors")
				.param("activities[0].theme", "Safer streets")
				.param("activities[0].planned", "9000")
				.param("activities[0].spend", "4000.50")
				.param("activities[0].outcomes", "120 nights covered")
				.param("comments", "On track"))
			.andExpect(redirectedUrl(path));
		this.mvc.perform(post(path + "/submit").session(officer).with(csrf()))
			.andExpect(redirectedUrl(path + "/submitted"));
		this.mvc.perform(post(path + "/accept").session(officer).with(csrf())).andExpect(redirectedUrl(path));
		this.mvc.perform(get(path).session(officer))
			.andExpect(content().string(allOf(containsString("Accepted"), containsString("Street pastors"),
					containsString("Re-open the return"))));
		this.mvc.perform(get("/monitoring/reports/2022-23/Q2").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Melton"), containsString("£4,001"), containsString("No return received"))));
		this.mvc.perform(get("/monitoring").param("year", "2022-23").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Accepted")));
	}

	@Test
	void mistakesAreRefusedWithMessagesAndNothingIsSaved() throws Exception {
		this.grants.setHistoric(YEAR, "RUT", Money.of("3000"), Money.ZERO, "Test grant", null);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/monitoring/returns/2022-23/Q1/RUT").session(officer)
				.with(csrf())
				.param("plannedAllocation", "12.345")
				.param("cumulativeSpend", "-5")
				.param("activities[0].planned", "10")
				.param("activities[0].spend", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("no more than 2 decimal places for the planned allocation"),
					containsString("Enter the cumulative spend of £0.00 or more"),
					containsString("Enter an amount in pounds and pence, like £1,234.50 for activity 1&#39;s spend"))));
		assertThat(this.jdbc
			.queryForObject("select count(*) from quarterly_return r join partnership p on p.id = r.partnership_id "
					+ "where p.code = 'RUT' and r.financial_year = 2022", Integer.class))
			.isZero();
	}

	@Test
	void spendBelowLastQuartersNeedsAReasonAndOverCommitmentIsFlaggedNotRefused() {
		this.grants.setHistoric(YEAR, "BLA", Money.of("1000"), Money.ZERO, "Test grant", null);
		ReturnView q1 = this.returns.save(YEAR, Quarter.Q1, "BLA",
				new ReturnDetails(Money.of("1001"), Money.of("600"), List.of(), null, null, null));
		assertThat(q1.flags())
			.containsExactly("Planned allocation is £1.00 more than the total available of £1,000.00");

		assertThatThrownBy(() -> this.returns.save(YEAR, Quarter.Q2, "BLA",
				new ReturnDetails(Money.of("1000"), Money.of("550"), List.of(), null, null, null)))
			.isInstanceOf(ValidationException.class)
			.hasMessage("Cumulative spend is lower than at Q1 (£600.00): say why");
		ReturnView q2 = this.returns.save(YEAR, Quarter.Q2, "BLA",
				new ReturnDetails(Money.of("1000"), Money.of("550"), List
					.of(new ReturnDetails.Activity("Diversion", "Youth", Money.of("900"), Money.of("550"), null)), null,
						"A refund from a supplier", null));
		assertThat(q2.flags()).containsExactly("The activities plan £900.00 but the planned allocation is £1,000.00");
	}

	@Test
	void theSecondOfTwoOfficersSavingTheSameReturnIsToldAndKeepsTheirInput() throws Exception {
		this.grants.setHistoric(YEAR, "HAR", Money.of("2000"), Money.ZERO, "Test grant", null);
		this.returns.save(YEAR, Quarter.Q1, "HAR",
				new ReturnDetails(Money.of("100"), Money.of("50"), List.of(), null, null, null));
		this.returns.save(YEAR, Quarter.Q1, "HAR",
				new ReturnDetails(Money.of("200"), Money.of("60"), List.of(), null, null, 0L));
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/monitoring/returns/2022-23/Q1/HAR").session(officer)
				.with(csrf())
				.param("plannedAllocation", "777.77")
				.param("cumulativeSpend", "70")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("This record was changed by someone else"),
					containsString("value=\"777.77\""), containsString("£200.00"))));
		assertThat(this.returns.get(YEAR, Quarter.Q1, "HAR", null).details().plannedAllocation())
			.isEqualTo(Money.of("200"));
	}

	@Test
	void acceptedReturnsChangeOnlyAfterReopeningAndPaymentsFollowAcceptance() {
		this.grants.setHistoric(YEAR, "OAW", Money.of("1000.01"), Money.ZERO, "Test grant", null);
		this.returns.save(YEAR, Quarter.Q1, "OAW",
				new ReturnDetails(Money.of("500"), Money.of("200"), List.of(), null, null, null));
		PaymentSchedule before = schedule("OAW");
		assertThat(before.due()).isEqualTo(Money.ZERO);
		assertThat(before.paid().plus(before.due()).plus(before.remaining())).isEqualTo(Money.of("1000.01"));

		this.returns.submit(YEAR, Quarter.Q1, "OAW");
		assertThatThrownBy(() -> this.returns.submit(YEAR, Quarter.Q1, "OAW")).isInstanceOf(ConflictException.class);
		this.returns.accept(YEAR, Quarter.Q1, "OAW");
		PaymentSchedule due = schedule("OAW");
		assertThat(due.due()).isEqualTo(Money.of("250.01"));
		assertThat(due.remaining()).isEqualTo(Money.of("750.00"));

		assertThatThrownBy(() -> this.returns.save(YEAR, Quarter.Q1, "OAW",
				new ReturnDetails(Money.of("1"), Money.of("1"), List.of(), null, null, 2L)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("re-open it");
		assertThatThrownBy(() -> this.returns.reopen(YEAR, Quarter.Q1, "OAW", " "))
			.isInstanceOf(ValidationException.class);

		this.payments.recordPaid(YEAR, "OAW", Quarter.Q1, LocalDate.of(2022, 8, 1), "BACS 1234",
				Principals.of("finance", this.jdbc));
		PaymentSchedule paid = schedule("OAW");
		assertThat(paid.paid()).isEqualTo(Money.of("250.01"));
		assertThat(paid.due()).isEqualTo(Money.ZERO);
		assertThat(paid.paid().plus(paid.due()).plus(paid.remaining())).isEqualTo(Money.of("1000.01"));
		assertThatThrownBy(() -> this.payments.recordPaid(YEAR, "OAW", Quarter.Q2, LocalDate.of(2022, 8, 1), "X",
				Principals.of("finance", this.jdbc)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("not yet due");
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where entity_type = 'QuarterlyReturn' and entity_id = "
						+ "(select r.id::text from quarterly_return r join partnership p on p.id = r.partnership_id "
						+ "where p.code = 'OAW' and r.financial_year = 2022 and r.quarter = 'Q1') order by id",
				String.class))
			.containsExactly("CREATE", "SUBMIT", "ACCEPT");
	}

	@Test
	void aCspManagerReadsAndWritesTheirOwnReturnOnly() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get("/monitoring/returns/2022-23/Q1/LEI").session(manager)).andExpect(status().isOk());
		this.mvc.perform(get("/monitoring/returns/2022-23/Q1/CHA").session(manager)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/monitoring/returns/2022-23/Q1/CHA").session(manager)
				.with(csrf())
				.param("plannedAllocation", "1")
				.param("cumulativeSpend", "1"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/monitoring/returns/2022-23/Q1/CHA/submit").session(manager).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/monitoring/returns/2022-23/Q1/CHA/check").session(manager))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/monitoring/returns/2022-23/Q1/LEI/accept").session(manager).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc
			.queryForObject("select count(*) from quarterly_return r join partnership p on p.id = r.partnership_id "
					+ "where p.code = 'CHA' and r.financial_year = 2022", Integer.class))
			.isZero();
	}

	@Test
	void grantsAreCreatedFromAnApprovedRunOnce() {
		long runId = this.jdbc.queryForObject(
				"select min(id) from formula_run where financial_year = 2024 and created_by = 'officer' and status = 'APPROVED'",
				Long.class);
		if (!this.grants.grantsCreatedFrom(runId)) {
			this.grants.createFromRun(runId);
		}
		assertThatThrownBy(() -> this.grants.createFromRun(runId)).isInstanceOf(ConflictException.class)
			.hasMessage("Grants have already been created from run " + runId);
		assertThat(this.jdbc.queryForObject("select count(*) from grant_line where run_id = ?", Integer.class, runId))
			.isEqualTo(9);
		assertThat(this.jdbc.queryForObject("select sum(amount) from grant_line where run_id = ?",
				java.math.BigDecimal.class, runId))
			.isEqualByComparingTo("97905.00");
	}

	private PaymentSchedule schedule(String code) {
		return this.payments.schedules(YEAR).stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
	}

}
