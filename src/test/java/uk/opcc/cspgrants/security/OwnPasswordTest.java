package uk.opcc.cspgrants.security;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing one's own password (OWASP ASVS 2.1.5–2.1.7): the current password first, a new
 * one hard to guess typed twice; the other sessions end and this one goes on; the person
 * is told; a wrong current password counts towards the lock-out.
 */
@IntegrationTest
class OwnPasswordTest {

	private static final String NEW = "marmalade otter lighthouse";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theNewPasswordSignsInTheOldOneNoLongerOtherSessionsEndAndThisOneGoesOn() throws Exception {
		long id = person("robin.change");
		MockHttpSession other = SignIn.as(this.mvc, "robin.change");
		MockHttpSession here = SignIn.as(this.mvc, "robin.change");
		this.mvc.perform(get("/account/password").session(here))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Change your password")))
			.andExpect(content().string(containsString("autocomplete=\"current-password\"")))
			.andExpect(content().string(containsString("Your password was last set on")))
			// the bar at the top offers it to someone who signs in with a password
			.andExpect(content().string(containsString("href=\"/account/password\">Password</a>")))
			.andExpect(content().string(containsString("href=\"/account/second-factor\">Second factor</a>")));
		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", SignIn.DEMO_PASSWORD)
				.param("newPassword", NEW)
				.param("confirmPassword", NEW)
				.param("version", String.valueOf(version(id))))
			.andExpect(redirectedUrl("/account/password"))
			.andExpect(flash().attribute("success",
					"Your password has been changed. Any other session signed in to your account has been signed out"));
		// this session goes on; the one signed in elsewhere before is ended
		this.mvc.perform(get("/account/password").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account/password").session(other)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(formLogin("/login").user("robin.change").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		SignIn.as(this.mvc, "robin.change", NEW);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'User' and entity_id = ? and action = 'CHANGE_PASSWORD'",
				Long.class, String.valueOf(id)))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select subject from notification where username = 'robin.change' and template = 'password-changed'",
				String.class))
			.isEqualTo("Your CSP Grants password was changed");
	}

	@Test
	void aWrongCurrentPasswordIsRefusedOnItsFieldAndCountsTowardsTheLockOut() throws Exception {
		long id = person("robin.wrong");
		MockHttpSession here = SignIn.as(this.mvc, "robin.wrong");
		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", "not my password at all")
				.param("newPassword", NEW)
				.param("confirmPassword", NEW)
				.param("version", String.valueOf(version(id))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#currentPassword\"")))
			.andExpect(content().string(containsString("Your current password is not right")))
			// what was typed in a password box is never sent back
			.andExpect(content().string(not(containsString("not my password at all"))))
			.andExpect(content().string(not(containsString(NEW))));
		assertThat(this.jdbc.queryForObject("select failed_count from sign_in_attempt where username = 'robin.wrong'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select after_json ->> 'reason' from audit_event where entity_type = 'User' and entity_id = ? "
						+ "and action = 'SIGN_IN_REFUSED'",
				String.class, String.valueOf(id)))
			.isEqualTo("a wrong password, changing the password");
	}

	@Test
	void aGuessableNewPasswordOrOneTypedDifferentlyTheSecondTimeIsRefusedOnItsField() throws Exception {
		long id = person("robin.weak");
		MockHttpSession here = SignIn.as(this.mvc, "robin.weak");
		for (String guessable : new String[] { "password1234", "qwertyuiop123", "robin.weak2026" }) {
			this.mvc
				.perform(post("/account/password").session(here)
					.with(csrf())
					.param("currentPassword", SignIn.DEMO_PASSWORD)
					.param("newPassword", guessable)
					.param("confirmPassword", guessable)
					.param("version", String.valueOf(version(id))))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("href=\"#newPassword\"")))
				.andExpect(content().string(containsString("The password is too easy to guess")));
		}
		this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", SignIn.DEMO_PASSWORD)
				.param("newPassword", NEW)
				.param("confirmPassword", NEW + " ")
				.param("version", String.valueOf(version(id))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#confirmPassword\"")))
			.andExpect(content().string(containsString("The passwords do not match")));
		MvcResult same = this.mvc
			.perform(post("/account/password").session(here)
				.with(csrf())
				.param("currentPassword", SignIn.DEMO_PASSWORD)
				.param("newPassword", SignIn.DEMO_PASSWORD)
				.param("confirmPassword", SignIn.DEMO_PASSWORD)
				.param("version", String.valueOf(version(id))))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(same.getResponse().getContentAsString())
			.contains("The new password must be different from your current one");
		// nothing changed: the old password still signs in
		SignIn.as(this.mvc, "robin.weak");
	}

	@Test
	void everyoneButApplicantsHasTheLinkAtTheTopOfEveryPage() throws Exception {
		this.mvc.perform(get("/").session(SignIn.as(this.mvc, "leicester.csp")))
			.andExpect(content().string(containsString("href=\"/account/password\"")));
		// a reviewer sees only their reviews, and this page
		MockHttpSession reviewer = SignIn.as(this.mvc, "reviewer");
		this.mvc.perform(get("/review").session(reviewer))
			.andExpect(content().string(containsString("href=\"/account/password\"")));
		this.mvc.perform(get("/account/password").session(reviewer)).andExpect(status().isOk());
	}

	private long person(String username) {
		return this.users
			.create(username, new AccountDetails("Robin " + username, Set.of(Role.OFFICER), null), SignIn.DEMO_PASSWORD)
			.id();
	}

	private long version(long id) {
		return this.jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
	}

}
