package uk.opcc.cspgrants.partnership;

import org.junit.jupiter.api.AfterEach;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PartnershipPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Partnerships made here have no indicator data: archive them so formula runs
	 * elsewhere leave them out.
	 */
	@AfterEach
	void archiveTheTestPartnerships() {
		this.jdbc.update("update partnership set active = false where code in ('WAL', 'SAN')");
	}

	@Test
	void theDemoOfficerSeesTheNinePartnerships() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/partnerships").session(officer))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Hinckley &amp; Bosworth"), containsString("North West Leicestershire"),
						containsString("E06000017"), containsString("Add a partnership"))));
	}

	@Test
	void anOfficerCorrectsAMistakeShownInTheErrorSummary() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/partnerships").session(officer)
				.with(csrf())
				.param("name", "Walsall")
				.param("code", "W")
				.param("onsCode", "E0800002")
				.param("leadAuthority", "Walsall Council")
				.param("active", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("href=\"#code\">The short code must be 2 to 12 letters or digits, like CHA"),
					containsString("Enter the ONS area code as a letter followed by 8 digits"),
					containsString("value=\"Walsall Council\""))));
		assertThat(this.jdbc.queryForObject("select count(*) from partnership where name = 'Walsall'", Integer.class))
			.isZero();

		this.mvc
			.perform(post("/partnerships").session(officer)
				.with(csrf())
				.param("name", "Walsall")
				.param("code", "WAL")
				.param("onsCode", "E08000030")
				.param("leadAuthority", "Walsall Council")
				.param("active", "true"))
			.andExpect(redirectedUrl("/partnerships/WAL"))
			.andExpect(flash().attribute("success", "Walsall has been added"));
	}

	@Test
	void theSecondOfTwoEditorsIsToldAndKeepsTheirInput() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc
			.perform(post("/partnerships").session(admin)
				.with(csrf())
				.param("name", "Sandwell")
				.param("code", "SAN")
				.param("leadAuthority", "Sandwell Council")
				.param("active", "true"))
			.andExpect(redirectedUrl("/partnerships/SAN"));

		this.mvc
			.perform(post("/partnerships/SAN").session(admin)
				.with(csrf())
				.param("name", "Sandwell")
				.param("code", "SAN")
				.param("leadAuthority", "Sandwell Metropolitan Borough Council")
				.param("active", "true")
				.param("version", "0"))
			.andExpect(redirectedUrl("/partnerships/SAN"));

		this.mvc
			.perform(post("/partnerships/SAN").session(officer)
				.with(csrf())
				.param("name", "Sandwell")
				.param("code", "SAN")
				.param("leadAuthority", "My own typing")
				.param("active", "true")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("This record was changed by someone else"),
					containsString("value=\"My own typing\""),
					containsString("Sandwell Metropolitan Borough Council"))));
		assertThat(this.jdbc.queryForObject("select lead_authority from partnership where code = 'SAN'", String.class))
			.isEqualTo("Sandwell Metropolitan Borough Council");
	}

	@Test
	void archivingHidesAPartnershipFromTheListAndIsAudited() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/partnerships").session(officer)
				.with(csrf())
				.param("name", "Coventry")
				.param("code", "COV")
				.param("leadAuthority", "Coventry City Council")
				.param("active", "true"))
			.andExpect(redirectedUrl("/partnerships/COV"));
		this.mvc.perform(post("/partnerships/COV/archive").session(officer).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/partnerships/COV"));

		this.mvc.perform(get("/partnerships").session(officer))
			.andExpect(content().string(not(containsString("Coventry City Council"))));
		this.mvc.perform(get("/partnerships").param("archived", "true").session(officer))
			.andExpect(content().string(containsString("Coventry City Council")));
		assertThat(
				this.jdbc
					.queryForList(
							"select action from audit_event where entity_type = 'Partnership' and entity_id = "
									+ "(select id::text from partnership where code = 'COV') order by id",
							String.class))
			.containsExactly("CREATE", "ARCHIVE");
		// the page's history says it in words
		this.mvc.perform(get("/partnerships/COV").session(officer))
			.andExpect(content().string(allOf(containsString("Olu Officer added the partnership Coventry"),
					containsString("Olu Officer archived the partnership Coventry"),
					containsString("Status: Active → Archived"), not(containsString("ARCHIVE")))));
	}

	@Test
	void aCspManagerSeesTheirOwnPartnershipOnlyAndCannotChangeIt() throws Exception {
		MockHttpSession manager = SignIn.as(this.mvc, "leicester.csp");
		this.mvc.perform(get("/partnerships").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Leicester City Council"),
					not(containsString("Charnwood Borough Council")), not(containsString("Add a partnership")))));
		this.mvc.perform(get("/partnerships/LEI").session(manager)).andExpect(status().isOk());
		this.mvc.perform(get("/partnerships/CHA").session(manager)).andExpect(status().isForbidden());
		this.mvc.perform(get("/partnerships/new").session(manager)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/partnerships/LEI").session(manager)
				.with(csrf())
				.param("name", "Leicester")
				.param("code", "LEI")
				.param("leadAuthority", "Changed")
				.param("version", "0"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc
			.perform(post("/partnerships").session(officer)
				.param("name", "Forged")
				.param("code", "FRG")
				.param("leadAuthority", "Nobody"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from partnership where code = 'FRG'", Integer.class))
			.isZero();
	}

}
