package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

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
 * Who is who on the user and partnership pages: a person's e-mail address and manager,
 * and the OPCC officer responsible for a partnership, refused on their field with what
 * was typed kept, and once saved shown and audited. Saving tests are rolled back.
 */
@IntegrationTest
class WhoIsWhoPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBadEmailAddressAndAManagerWhoIsNotStaffAreRefusedOnTheirFieldsWithWhatWasTypedKept() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long finance = id("finance");
		this.mvc
			.perform(post("/admin/users/" + finance).session(admin)
				.with(csrf())
				.param("displayName", "Fran Finance")
				.param("email", "fran.finance at opcc.example")
				.param("roles", "FINANCE")
				.param("partnershipCode", "")
				.param("managerId", String.valueOf(id("leicester.csp")))
				.param("version", String.valueOf(version(finance))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString(
							"href=\"#email\">Enter an email address in the correct format, like name@example.com"),
					containsString("id=\"email-error\""), containsString("value=\"fran.finance at opcc.example\""),
					containsString("govuk-input--error"), containsString("id=\"managerId-error\""),
					containsString("Choose the person&#39;s manager from the OPCC&#39;s staff who can sign in"),
					containsString("govuk-select--error"))));
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.queryForObject("select email from app_user where id = ?", String.class, finance))
			.isEqualTo("fran.finance@opcc.example");
	}

	@Test
	@Transactional
	void anEmailAddressAndAManagerSavedAreShownAgainAndAudited() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long finance = id("finance");
		long manager = id("manager");
		this.mvc
			.perform(post("/admin/users/" + finance).session(admin)
				.with(csrf())
				.param("displayName", "Fran Finance")
				.param("email", "fran@finance.opcc.example")
				.param("roles", "FINANCE")
				.param("partnershipCode", "")
				.param("managerId", String.valueOf(manager))
				.param("version", String.valueOf(version(finance))))
			.andExpect(redirectedUrl("/admin/users/" + finance));
		this.mvc.perform(get("/admin/users/" + finance).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"fran@finance.opcc.example\""),
					containsString("<option value=\"" + manager + "\""),
					containsString("selected=\"selected\">Morgan Manager</option>"))));
		String after = this.jdbc
			.queryForObject("select after_json::text from audit_event where entity_type = 'User' and entity_id = ? "
					+ "and action = 'UPDATE' order by id desc limit 1", String.class, String.valueOf(finance));
		org.assertj.core.api.Assertions.assertThat(after)
			.contains("\"email\": \"fran@finance.opcc.example\"", "\"managerId\": " + manager);
	}

	@Test
	void aResponsibleOfficerWhoIsNotAnOfficerIsRefusedOnItsField() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(rutland(officer, id("finance")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("href=\"#responsibleOfficerId\""),
					containsString("id=\"responsibleOfficerId-error\""),
					containsString("Choose an OPCC officer who can sign in as the officer responsible"),
					containsString("govuk-select--error"))));
	}

	@Test
	@Transactional
	void theOfficerResponsibleIsShownOnThePartnershipsPageAndInItsHistory() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/partnerships/RUT").session(officer))
			.andExpect(content().string(containsString("Olu Officer")));
		this.mvc.perform(rutland(officer, id("manager"))).andExpect(redirectedUrl("/partnerships/RUT"));
		this.mvc.perform(get("/partnerships/RUT").session(officer))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("OPCC officer responsible</dt>"), containsString("Morgan Manager</dd>"),
						containsString("OPCC officer responsible: Olu Officer → Morgan Manager"),
						not(containsString("responsibleOfficerId")))));
	}

	private org.springframework.test.web.servlet.RequestBuilder rutland(MockHttpSession session, long officer) {
		return post("/partnerships/RUT").session(session)
			.with(csrf())
			.param("name", "Rutland")
			.param("code", "RUT")
			.param("onsCode", "E06000017")
			.param("leadAuthority", "Rutland County Council")
			.param("active", "true")
			.param("aliases", "")
			.param("responsibleOfficerId", String.valueOf(officer))
			.param("version", String
				.valueOf(this.jdbc.queryForObject("select version from partnership where code = 'RUT'", Long.class)));
	}

	private long id(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private long version(long id) {
		return this.jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
	}

}
