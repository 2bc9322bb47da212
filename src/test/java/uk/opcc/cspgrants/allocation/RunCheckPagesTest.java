package uk.opcc.cspgrants.allocation;

import java.sql.Timestamp;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.Dates;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check page before a run is approved, the run form made once, and the run form's
 * refusals on their fields with what was typed kept, on the demo data: run 1 approved for
 * 2024-25 (£97,905.00) by Fran Finance, and the draft run of £80,000.00 over the group
 * "Leicestershire and Rutland districts".
 */
@IntegrationTest
class RunCheckPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theApproveCheckPageNamesTheRunItReplacesWithItsApprovalDateAndApprover() throws Exception {
		long approved = this.jdbc.queryForObject("select id from formula_run where financial_year = 2024 "
				+ "and purpose = 'ALLOCATION' and status = 'APPROVED'", Long.class);
		Timestamp approvedAt = this.jdbc.queryForObject("select approved_at from formula_run where id = ?",
				Timestamp.class, approved);
		long draft = this.jdbc.queryForObject(
				"select min(id) from formula_run where financial_year = 2024 "
						+ "and status = 'DRAFT' and partnerships_label like 'Leicestershire and Rutland districts%'",
				Long.class);
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		this.mvc.perform(get("/allocations/runs/" + draft).session(finance))
			.andExpect(content().string(containsString("href=\"/allocations/runs/" + draft + "/approve\"")));
		this.mvc.perform(get("/allocations/runs/" + draft + "/approve").session(finance))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Approve formula run " + draft + "?"),
					containsString("This replaces formula run " + approved + ", approved on "
							+ Dates.day(approvedAt.toInstant()) + " by Fran Finance, as the approved annual allocation "
							+ "for 2024-25 (£97,905.00)"),
					containsString("£80,000.00"), containsString("Leicestershire and Rutland districts (8)"),
					containsString("Olu Officer"), containsString("name=\"replaces\" value=\"" + approved + "\""))));
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/" + draft + "/approve").session(officer))
			.andExpect(status().isForbidden());
	}

	@Test
	void approvingIsRefusedWhenAnotherRunWasApprovedAfterTheCheckPageWasShown() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long first = run(officer, "2071-72", "£1,000.00", UUID.randomUUID().toString());
		long second = run(officer, "2071-72", "£1,500.00", UUID.randomUUID().toString());
		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		this.mvc.perform(get("/allocations/runs/" + second + "/approve").session(finance))
			.andExpect(content().string(containsString("No run is approved for 2071-72 yet")));
		this.mvc.perform(
				post("/allocations/runs/" + first + "/approve").session(finance).with(csrf()).param("replaces", "none"))
			.andExpect(flash().attribute("success", "Formula run " + first
					+ " has been approved: £1,000.00 is now the annual allocation for 2071-72."));
		// the check page of the second said nothing would be replaced: that is no longer
		// so
		this.mvc
			.perform(post("/allocations/runs/" + second + "/approve").session(finance)
				.with(csrf())
				.param("replaces", "none"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Since you checked, formula run " + first
					+ " has been approved for 2071-72: nothing has been approved")));
		assertThat(statusOf(second)).isEqualTo("DRAFT");
		this.mvc
			.perform(post("/allocations/runs/" + second + "/approve").session(finance)
				.with(csrf())
				.param("replaces", String.valueOf(first)))
			.andExpect(flash().attribute("success",
					"Formula run " + second + " has been approved: £1,500.00 is now the annual allocation for 2071-72. "
							+ "It replaces formula run " + first + ", which is now superseded."));
		assertThat(statusOf(first)).isEqualTo("SUPERSEDED");
	}

	@Test
	void theSameRunFormSentAgainMakesNoSecondDraftAndNamesTheFirst() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String token = UUID.randomUUID().toString();
		long made = run(officer, "2072-73", "£2,000.00", token);
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2072-73")
				.param("pot", "£2,000.00")
				.param("formulaVersionId", String.valueOf(formula()))
				.param("windowEnd", "2023-24")
				.param("formToken", token))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("This form has already made draft formula run " + made + ": nothing new was made"),
					containsString("href=\"/allocations/runs/" + made + "\""))));
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run where financial_year = 2072", Long.class))
			.isEqualTo(1);
		// a new form has a token of its own
		this.mvc.perform(get("/allocations/runs/new").session(officer))
			.andExpect(content().string(allOf(containsString("name=\"formToken\""), not(containsString(token)))));
	}

	@Test
	void aNoteOverOneThousandCharactersIsRefusedOnItsFieldWithEveryOtherMistakeAndKept() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		String note = "Long note " + "x".repeat(1000);
		MvcResult result = this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2073-74")
				.param("pot", "twelve pounds")
				.param("formulaVersionId", String.valueOf(formula()))
				.param("note", note)
				.param("formToken", UUID.randomUUID().toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("The note must be 1,000 characters or fewer; it has 1010"),
					containsString("govuk-textarea--error"), containsString(note), containsString("href=\"#note\""),
					containsString("href=\"#pot\""), containsString("value=\"twelve pounds\""))))
			.andReturn();
		String page = result.getResponse().getContentAsString();
		assertThat(page.indexOf("href=\"#pot\"")).isLessThan(page.indexOf("href=\"#note\""));
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run where financial_year = 2073", Long.class))
			.isZero();
	}

	@Test
	void aCspManagerSeesTheApprovedAllocationOnlyWithTheRanksAndNamesOnStaffPages() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get("/allocations/mine").session(manager))
			.andExpect(content().string(allOf(containsString("How your 2024-25 allocation was worked out"),
					containsString("Approved on"), not(containsString("Superseded")))));
		long approved = this.jdbc.queryForObject("select id from formula_run where financial_year = 2024 "
				+ "and purpose = 'ALLOCATION' and status = 'APPROVED'", Long.class);
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/allocations/runs/" + approved).session(officer))
			.andExpect(content().string(
					allOf(containsString(">Rank<"), not(containsString(">CSP 1<")), containsString("Olu Officer on "),
							containsString("Fran Finance on "), containsString("2023-24, averaged over 1 year"),
							containsString("Crime harm (days) 40%"), containsString("£97,905.00"))));
	}

	private long run(MockHttpSession officer, String year, String pot, String token) throws Exception {
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", year)
				.param("pot", pot)
				.param("formulaVersionId", String.valueOf(formula()))
				.param("windowEnd", "2023-24")
				.param("formToken", token))
			.andExpect(redirectedUrlPattern("/allocations/runs/*"));
		return this.jdbc.queryForObject("select id from formula_run where form_token = ?", Long.class, token);
	}

	private long formula() {
		return this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
	}

	private String statusOf(long run) {
		return this.jdbc.queryForObject("select status from formula_run where id = ?", String.class, run);
	}

}
