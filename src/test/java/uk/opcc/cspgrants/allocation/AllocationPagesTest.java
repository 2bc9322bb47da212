package uk.opcc.cspgrants.allocation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The allocation journey through the pages: an officer runs a formula and finance
 * approves it.
 */
@IntegrationTest
class AllocationPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOfficerRunsTheFormulaAndFinanceApprovesIt() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2017-18")
				.param("pot", "£12,345.67")
				.param("formulaVersionId", String.valueOf(formula))
				.param("windowEnd", "2023-24")
				.param("purpose", "ALLOCATION"))
			.andExpect(redirectedUrlPattern("/allocations/runs/*"));
		long id = this.jdbc.queryForObject("select max(id) from formula_run where financial_year = 2017", Long.class);
		this.mvc.perform(get("/allocations/runs/" + id).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Draft"), containsString("£12,345.67"),
					containsString("A finance user who did not make this run approves it"))));

		MockHttpSession finance = SignIn.as(this.mvc, "finance");
		this.mvc.perform(get("/allocations/runs/" + id).session(finance))
			.andExpect(content().string(containsString("Approve this run")));
		this.mvc.perform(post("/allocations/runs/" + id + "/approve").session(finance).with(csrf()))
			.andExpect(redirectedUrlPattern("/allocations/runs/*"));
		assertThat(this.jdbc.queryForObject("select status from formula_run where id = ?", String.class, id))
			.isEqualTo("APPROVED");
		this.mvc.perform(post("/allocations/runs/" + id + "/approve").session(officer).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMistakeInTheRunFormIsShownAndNothingIsSaved() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		Long before = this.jdbc.queryForObject("select count(*) from formula_run", Long.class);
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2024-25")
				.param("pot", "12.345")
				.param("formulaVersionId", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("Enter an amount with no more than 2 decimal places"))));
		assertThat(this.jdbc.queryForObject("select count(*) from formula_run", Long.class)).isEqualTo(before);
	}

	@Test
	void aFormulaWhoseWeightsDoNotAddUpIsRefusedOnTheForm() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/allocations/formulas").session(officer)
				.with(csrf())
				.param("name", "Lopsided")
				.param("weights[population]", "30")
				.param("weights[crime_harm]", "30")
				.param("windowYears", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("The weights add up to 60%; they must add up to exactly 100%"),
						containsString("id=\"weights-error\""))));
	}

	/**
	 * Leicester in the demo's 2024-25 run: 45,836 crimes in 2023-24 (police.uk, counted
	 * independently from the demo file) and 373,399 people (ONS mid-2022, E06000016), so
	 * 122.75 crimes per 1,000 people; each shown as counted, beside the rate.
	 */
	@Test
	void theExplanationShowsEachInputAsCountedBesideItsRate() throws Exception {
		this.mvc.perform(get("/public/allocations/2024-25/LEI"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Step 1: the figures as counted"), containsString("45,836 crimes"),
						containsString("373,399 people"), containsString("= 1,000 × 45,836 crimes ÷ 373,399 people"),
						containsString("122.75 crimes per 1,000 people"),
						containsString("police.uk: Leicestershire Police, Apr 2023 to Mar 2024"),
						containsString("ONS population estimates: ons-population-mid-2022-by-area.csv"),
						containsString("the 9 partnerships&#39; rates added up (not the rate of the whole area)"),
						containsString("people in all 9 partnerships"), containsString(" days</td>"),
						containsString("Anti-social behaviour incidents are listed by police.uk but are not crimes"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("373,399.00"))));
	}

	@Test
	void theExplanationScenarioAndSensitivityPagesShowTheFigures() throws Exception {
		long id = this.jdbc.queryForObject(
				"select min(id) from formula_run where financial_year = 2024 and created_by = 'officer'", Long.class);
		MockHttpSession commissioner = SignIn.as(this.mvc, "commissioner");
		this.mvc.perform(get("/allocations/runs/" + id + "/explain/RUT").session(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Step 2: each indicator"),
					containsString("Crime per 1,000 population"), containsString("Step 4: rounding to the penny"))));
		this.mvc
			.perform(get("/allocations/runs/" + id + "/scenario").session(commissioner)
				.param("compare", "1")
				.param("pot", "97905")
				.param("windowEnd", "2023-24")
				.param("windowYears", "1")
				.param("weights[population]", "100"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("side by side"), containsString("<svg"), containsString("£97,905.00"))));
		this.mvc.perform(get("/allocations/runs/" + id + "/sensitivity").session(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Population +10")));
	}

	@Test
	void aCspManagerReadsTheirOwnAllocationAndItsExplanation() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		long id = this.jdbc.queryForObject("select id from formula_run where financial_year = 2024 "
				+ "and purpose = 'ALLOCATION' and status = 'APPROVED'", Long.class);
		this.mvc.perform(get("/allocations/mine").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/allocations/runs/" + id + "/explain/LEI")));
		this.mvc.perform(get("/allocations/runs/" + id + "/explain/LEI").session(manager)).andExpect(status().isOk());
		this.mvc.perform(get("/allocations/runs/" + id + "/explain/CHA").session(manager))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/allocations/runs/" + id).session(manager)).andExpect(status().isForbidden());
	}

	@Test
	void howTheFormulaWorksIsPublic() throws Exception {
		this.mvc.perform(get("/how-the-formula-works"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("largest remainders")));
	}

	@Test
	void aDraftIsDiscardedOnlyAfterTheOfficerConfirmsAndAnApprovedRunNever() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		long formula = this.jdbc.queryForObject("select min(id) from formula_version", Long.class);
		this.mvc
			.perform(post("/allocations/runs").session(officer)
				.with(csrf())
				.param("year", "2011-12")
				.param("pot", "£500")
				.param("formulaVersionId", String.valueOf(formula))
				.param("windowEnd", "2023-24")
				.param("purpose", "ALLOCATION"))
			.andExpect(redirectedUrlPattern("/allocations/runs/*"));
		long id = this.jdbc.queryForObject("select max(id) from formula_run where financial_year = 2011", Long.class);
		this.mvc.perform(get("/allocations/runs/" + id).session(officer))
			.andExpect(content().string(containsString("href=\"/allocations/runs/" + id + "/discard\"")));
		this.mvc.perform(get("/allocations/runs/" + id + "/discard").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Discard draft formula run " + id), containsString("This cannot be undone"),
							containsString("£500.00"), containsString("Yes, discard this draft"))));
		assertThat(count(id)).as("asking changes nothing").isEqualTo(1);
		this.mvc.perform(get("/allocations/runs/" + id + "/discard").session(SignIn.as(this.mvc, "finance")))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/allocations/runs/" + id + "/discard").session(officer).with(csrf()))
			.andExpect(redirectedUrl("/allocations"));
		assertThat(this.jdbc.queryForObject("select status from formula_run where id = ?", String.class, id))
			.as("the run is kept as discarded, its number never used again")
			.isEqualTo("DISCARDED");
		assertThat(
				this.jdbc.queryForObject("select count(*) from formula_run_line where run_id = ?", Integer.class, id))
			.as("its figures are gone")
			.isZero();
		this.mvc.perform(get("/allocations/runs/" + id).session(officer)).andExpect(status().isNotFound());
		this.mvc.perform(post("/allocations/runs/" + id + "/discard").session(officer).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(
					content().string(containsString("Run " + id + " is discarded and cannot be discarded any more")));

		long approved = this.jdbc.queryForObject("select min(id) from formula_run where status = 'APPROVED'",
				Long.class);
		this.mvc.perform(get("/allocations/runs/" + approved + "/discard").session(officer))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("only a draft can be discarded"),
					containsString("There is a problem"), containsString("Formula run"))));
	}

	private int count(long run) {
		return this.jdbc.queryForObject("select count(*) from formula_run where id = ?", Integer.class, run);
	}

}
