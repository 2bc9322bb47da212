package uk.opcc.cspgrants.shared;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An amount typed on a page that a money column ({@code numeric(15,2)}) cannot hold, or
 * with a doubled minus sign, is refused with a message where the user typed it: before,
 * the run and redistribution pots gave a 500 (the formula's pence overflowed) and the
 * grant page a 500 from the database.
 */
@IntegrationTest
class OversizedAmountsTest {

	private static final String TOO_LARGE = "Enter an amount between -£9,999,999,999,999.99 and £9,999,999,999,999.99";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunPotTooLargeIsRefusedOnThePotField() throws Exception {
		long runs = count("formula_run");
		String page = form(post("/allocations/runs").param("year", "2025-26")
			.param("pot", "99999999999999999999")
			.param("formulaVersionId", "1")
			.param("windowEnd", "2023-24"));
		assertThat(page).contains(TOO_LARGE);
		assertThat(form(post("/allocations/runs").param("year", "2025-26")
			.param("pot", "--5")
			.param("formulaVersionId", "1")
			.param("windowEnd", "2023-24"))).contains("Enter an amount with no more than one minus sign");
		assertThat(count("formula_run")).isEqualTo(runs);
	}

	@Test
	void aRedistributionPotTooLargeIsRefusedOnThePotField() throws Exception {
		long runs = count("formula_run");
		long proposals = count("redistribution");
		String page = form(post("/redistributions").param("sourceYear", "2023-24")
			.param("pot", "£99,999,999,999,999,999,999")
			.param("potReason", "Testing the largest pot")
			.param("formulaVersionId", "1"));
		assertThat(page).contains(TOO_LARGE);
		assertThat(count("formula_run")).isEqualTo(runs);
		assertThat(count("redistribution")).isEqualTo(proposals);
	}

	@Test
	void aGrantTooLargeIsRefusedWithTheLimitNotA500() throws Exception {
		long lines = count("grant_line");
		this.mvc
			.perform(post("/grants/2019-20/LEI").session(SignIn.as(this.mvc, "officer"))
				.with(csrf())
				.param("allocation", "99999999999999999999")
				.param("carryForward", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString(TOO_LARGE), containsString("id=\"allocation-error\""),
					containsString("99999999999999999999"))));
		assertThat(count("grant_line")).isEqualTo(lines);
	}

	/** Posts a form as an officer; the page answers 400 with the message on the pot. */
	private String form(MockHttpServletRequestBuilder request) throws Exception {
		String page = this.mvc
			.perform(request.session(SignIn.as(this.mvc, "officer")).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "href=\"#pot\"", "id=\"pot-error\"");
		return page;
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
