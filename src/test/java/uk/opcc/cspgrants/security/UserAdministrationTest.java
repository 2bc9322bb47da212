package uk.opcc.cspgrants.security;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserAdministrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdministratorAddsACspManagerLinkedToTheirPartnership() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "charnwood.csp")
				.param("displayName", "Charlie Charnwood")
				.param("roles", "CSP_MANAGER")
				.param("partnershipCode", "CHA")
				.param("password", "charnwood-password-1"))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.queryForObject(
				"select p.code from app_user u join partnership p on p.id = u.partnership_id where u.username = 'charnwood.csp'",
				String.class))
			.isEqualTo("CHA");
		assertThat(this.jdbc.queryForObject("select password_hash from app_user where username = 'charnwood.csp'",
				String.class))
			.startsWith("{bcrypt}")
			.doesNotContain("charnwood-password-1");
		assertThat(this.jdbc
			.queryForObject("select after_json::text from audit_event where entity_type = 'User' and action = 'CREATE' "
					+ "and after_json ->> 'username' = 'charnwood.csp'", String.class))
			.contains("CSP_MANAGER")
			.doesNotContain("charnwood-password-1", "bcrypt");

		// the first password is the administrator's too: every page waits for the
		// person's own
		MockHttpSession manager = SignIn.as(this.mvc, "charnwood.csp", "charnwood-password-1");
		this.mvc.perform(get("/partnerships/CHA").session(manager)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(post("/monitoring/returns/2024-25/Q3/CHA").session(manager).with(csrf()))
			.andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("charnwood.csp", "charnwood-password-1")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/account/password").session(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose your own password before you carry on")));
		long version = this.jdbc.queryForObject("select version from app_user where username = 'charnwood.csp'",
				Long.class);
		this.mvc
			.perform(post("/account/password").session(manager)
				.with(csrf())
				.param("currentPassword", "charnwood-password-1")
				.param("newPassword", "saffron canal whistle 31")
				.param("confirmPassword", "saffron canal whistle 31")
				.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/partnerships/CHA").session(manager)).andExpect(status().isOk());
		this.mvc.perform(get("/partnerships/LEI").session(manager)).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select password_to_change from app_user where username = 'charnwood.csp'",
				Boolean.class))
			.isFalse();
	}

	@Test
	void everyMistakeOnTheFormIsShownAtOnceInTheOrderOfTheForm() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String page = this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "x")
				.param("displayName", "")
				.param("roles", "CSP_MANAGER", "OFFICER")
				.param("password", "short"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String summary = page.substring(page.indexOf("govuk-error-summary__list"),
				page.indexOf("</ul>", page.indexOf("govuk-error-summary__list")));
		assertThat(summary).containsSubsequence("#username", "The username must be 3 to 60", "#displayName",
				"Enter the person&#39;s name", "#roles", "A CSP manager cannot hold any other role", "#password",
				"The password must be at least 12 characters long");
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = 'x'", Integer.class))
			.isZero();
	}

	@Test
	void aThemedReviewerHoldsNoOtherRole() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "two.hats")
				.param("displayName", "Two Hats")
				.param("roles", "REVIEWER", "OFFICER")
				.param("password", "a-long-enough-password"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A themed reviewer cannot hold any other role")));
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = 'two.hats'", Integer.class))
			.isZero();
	}

	@Test
	void mistakesAreShownOnTheFormAndNothingIsSaved() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "short.password")
				.param("displayName", "Short Password")
				.param("roles", "OFFICER")
				.param("password", "elevenchars"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("The password must be at least 12 characters long"),
					containsString("value=\"Short Password\""), not(containsString("elevenchars")))));
		this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "no.partnership")
				.param("displayName", "No Partnership")
				.param("roles", "CSP_MANAGER")
				.param("password", "a-long-enough-password"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose the partnership this CSP manager manages")));
		this.mvc
			.perform(post("/admin/users").session(admin)
				.with(csrf())
				.param("username", "Officer")
				.param("displayName", "Another Officer")
				.param("roles", "OFFICER")
				.param("password", "a-long-enough-password"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The username Officer is already taken")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from app_user where username in ('short.password', 'no.partnership')", Integer.class))
			.isZero();
	}

	@Test
	void aDisabledUserCannotSignInAndIsToldNothingMore() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(post("/admin/users").session(admin)
			.with(csrf())
			.param("username", "leaver")
			.param("displayName", "Lee Leaver")
			.param("roles", "FINANCE")
			.param("password", "leaver-password-1"));
		long id = this.jdbc.queryForObject("select id from app_user where username = 'leaver'", Long.class);
		this.mvc.perform(post("/admin/users/" + id + "/disable").session(admin).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/admin/users/" + id));

		this.mvc.perform(formLogin("/login").user("leaver").password("leaver-password-1"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where entity_type = 'User' and entity_id = ? order by id", String.class,
				String.valueOf(id)))
			.containsExactly("CREATE", "DISABLE", "SIGN_IN_REFUSED");
	}

	@Test
	void anAdministratorResetsAPasswordToAtLeastTwelveCharacters() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(post("/admin/users").session(admin)
			.with(csrf())
			.param("username", "forgetful")
			.param("displayName", "Fay Forgetful")
			.param("roles", "OFFICER")
			.param("password", "first-password-1"));
		long id = this.jdbc.queryForObject("select id from app_user where username = 'forgetful'", Long.class);

		this.mvc
			.perform(post("/admin/users/" + id + "/password").session(admin).with(csrf()).param("newPassword", "short"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The password must be at least 12 characters long")));
		this.mvc
			.perform(post("/admin/users/" + id + "/password").session(admin)
				.with(csrf())
				.param("newPassword", "second-password-2"))
			.andExpect(redirectedUrl("/admin/users/" + id));

		this.mvc.perform(formLogin("/login").user("forgetful").password("first-password-1"))
			.andExpect(redirectedUrl("/login?error"));
		MockHttpSession fay = SignIn.as(this.mvc, "forgetful", "second-password-2");
		// a reset password is known to the administrator too: Fay chooses her own first
		this.mvc.perform(get("/grants").session(fay)).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long id = this.jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
		long version = this.jdbc.queryForObject("select version from app_user where username = 'admin'", Long.class);
		this.mvc
			.perform(post("/admin/users/" + id + "/disable").session(admin)
				.with(csrf())
				.param("version", String.valueOf(version)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You cannot disable your own account")));
		assertThat(this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id)).isTrue();
		this.mvc
			.perform(post("/admin/users/" + id).session(admin)
				.with(csrf())
				.param("displayName", "Ada Admin")
				.param("roles", "OFFICER")
				.param("version", String.valueOf(version)))
			.andExpect(content().string(containsString("You cannot remove your own administrator role")));
		// nor reset their own password here (it would sign them out), nor see the buttons
		this.mvc
			.perform(post("/admin/users/" + id + "/password").session(admin)
				.with(csrf())
				.param("newPassword", "quartz meadow lantern 88"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is your own account: change your password on Password")));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where entity_type = 'User' "
				+ "and entity_id = ? and action = 'RESET_PASSWORD'", Integer.class, String.valueOf(id)))
			.isZero();
		this.mvc.perform(get("/admin/users/" + id).session(admin))
			.andExpect(content().string(allOf(containsString("This is your own account"),
					not(containsString("Disable user")), not(containsString("reset their second factor")),
					not(containsString("action=\"/admin/users/" + id + "/password\"")))));
		this.mvc.perform(get("/grants").session(admin)).andExpect(status().isOk());
	}

	@Test
	void anApplicantHasNoPasswordToResetSoNoneIsSetOrAskedFor() throws Exception {
		long applicant = uk.opcc.cspgrants.support.ApplicantFixture.make(this.jdbc);
		try {
			MockHttpSession admin = SignIn.as(this.mvc, "admin");
			this.mvc.perform(get("/admin/users/" + applicant).session(admin))
				.andExpect(content().string(allOf(containsString("signs in by a link emailed to them each time"),
						not(containsString("action=\"/admin/users/" + applicant + "/password\"")))));
			this.mvc
				.perform(post("/admin/users/" + applicant + "/password").session(admin)
					.with(csrf())
					.param("newPassword", "orchard lantern velvet 9"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("An applicant signs in by a link emailed to them")));
			assertThat(this.jdbc.queryForObject("select password_to_change from app_user where id = ?", Boolean.class,
					applicant))
				.isFalse();
		}
		finally {
			uk.opcc.cspgrants.support.ApplicantFixture.remove(this.jdbc);
		}
	}

	@Test
	void aLockedUserIsShownLockedAndAResetPasswordEndsTheLockOut() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(post("/admin/users").session(admin)
			.with(csrf())
			.param("username", "locked.out")
			.param("displayName", "Lou Locked")
			.param("roles", "OFFICER")
			.param("password", "amber kettle journey 1"));
		long id = this.jdbc.queryForObject("select id from app_user where username = 'locked.out'", Long.class);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(formLogin("/login").user("locked.out").password("wrong " + attempt));
		}
		java.time.Instant until = this.jdbc
			.queryForObject("select locked_until from sign_in_attempt where username = 'locked.out'",
					java.sql.Timestamp.class)
			.toInstant();
		this.mvc.perform(get("/admin/users/" + id).session(admin))
			.andExpect(content().string(allOf(containsString("govuk-tag--red\">Locked"),
					containsString("it cannot sign in until " + uk.opcc.cspgrants.shared.Dates.dayAndTime(until)))));
		this.mvc
			.perform(post("/admin/users/" + id + "/password").session(admin)
				.with(csrf())
				.param("newPassword", "harbour violet tractor 7"))
			.andExpect(redirectedUrl("/admin/users/" + id));
		SignIn.as(this.mvc, "locked.out", "harbour violet tractor 7");
		this.mvc.perform(get("/admin/users/" + id).session(admin))
			.andExpect(content().string(not(containsString("govuk-tag--red\">Locked"))));
	}

	@Test
	void theAuditTrailPageFiltersByWhatChanged() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		String page = this.mvc
			.perform(get("/admin/audit").param("entityType", "Partnership").param("actor", "system").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the filter lists every person; the entries found are the system's changes of
		// partnerships only, none of the CSP manager's
		String entries = page.substring(page.indexOf("<table"), page.indexOf("</table>"));
		assertThat(entries).contains("Leicester City Council").doesNotContain("leicester.csp");
	}

}
