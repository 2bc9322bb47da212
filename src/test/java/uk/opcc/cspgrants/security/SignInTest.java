package uk.opcc.cspgrants.security;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Test
	void pagesNeedASignIn() throws Exception {
		this.mvc.perform(get("/partnerships")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in to CSP Grants")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
		this.mvc.perform(formLogin("/login").user("officer").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user("nobody-by-this-name").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("Enter a correct username and password")));
	}

	@Test
	void theSessionIdChangesAtSignIn() throws Exception {
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult result = this.mvc.perform(formLogin("/login").user("finance").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
		MockHttpSession anonymous = (MockHttpSession) this.mvc.perform(get("/login"))
			.andReturn()
			.getRequest()
			.getSession();
		MockHttpSession signedIn = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user("finance").password(SignIn.DEMO_PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
		assertThat(signedIn.getId()).isNotEqualTo(anonymous.getId());
	}

	@Test
	void fiveFailuresLockTheUsernameForAWhileAndThePageSaysSo() throws Exception {
		this.users.create("locktest.user", new AccountDetails("Lock Test", Set.of(Role.OFFICER), null),
				"a-long-enough-password");
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(formLogin("/login").user("locktest.user").password("wrong-" + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").user("locktest.user").password("wrong-5"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(formLogin("/login").user("locktest.user").password("a-long-enough-password"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("locktest.user", "a-long-enough-password")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login").param("locked", ""))
			.andExpect(content().string(containsString(
					"This account is locked after 5 failed sign-in attempts. Try again in 15 minutes.")));
	}

	@Test
	void anUnknownUsernameIsLockedTooSoLockingRevealsNothing() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(formLogin("/login").user("ghost.user").password("wrong-" + attempt));
		}
		this.mvc.perform(formLogin("/login").user("ghost.user").password("anything"))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "commissioner");
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		this.mvc.perform(get("/partnerships").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void navigationShowsEachRoleWhatItMayUse() throws Exception {
		this.mvc.perform(get("/").session(SignIn.as(this.mvc, "admin")))
			.andExpect(content().string(containsString("href=\"/admin/users\"")))
			.andExpect(content().string(containsString("href=\"/admin/audit\"")));
		String officerHome = this.mvc.perform(get("/").session(SignIn.as(this.mvc, "officer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officerHome).contains("href=\"/partnerships\"").doesNotContain("/admin/users", "/admin/audit");
	}

	@Test
	void aPageARoleMayNotUseAnswers403WithAFriendlyPage() throws Exception {
		this.mvc.perform(get("/admin/audit").session(SignIn.as(this.mvc, "finance"))).andExpect(status().isForbidden());
	}

}
