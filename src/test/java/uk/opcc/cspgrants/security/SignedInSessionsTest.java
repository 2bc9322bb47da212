package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions already signed in meet the account as it is now (issue 17, OWASP ASVS 3.3):
 * disabling the account, a new password or a second factor reset by an administrator end
 * them at their next request, and the sign-in page says why; a session signed in after a
 * new password goes on; roles given or taken away count at once, and a change made in the
 * database (by another node) within the second; a session ends twelve hours after signing
 * in however busy, and the page it asked for opens after signing in again.
 */
@IntegrationTest
class SignedInSessionsTest {

	private static final String PASSWORD = "Sessions end when they should 2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecondFactors secondFactors;

	@Test
	void disablingAnAccountEndsItsSessionAtItsNextRequestAndTheSignInPageSaysWhy() throws Exception {
		UserView sam = officer("session.disabled");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.mvc.perform(get("/grants").session(session)).andExpect(status().isOk());

		this.users.disable(sam.id(), sam.version(), admin());

		this.mvc.perform(get("/grants").session(session)).andExpect(redirectedUrl("/login?ended"));
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/login").param("ended", ""))
			.andExpect(content().string(containsString("You have been signed out")))
			.andExpect(content().string(containsString(
					"Your account changed since you signed in here (a new password, its second factor, or a change by an administrator)")));
	}

	@Test
	void aNewPasswordEndsTheSessionsSignedInWithTheOldOneAndNotThoseSignedInAfter() throws Exception {
		UserView sam = officer("session.password");
		MockHttpSession before = SignIn.as(this.mvc, sam.username(), PASSWORD);

		this.users.resetPassword(sam.id(), "A new password for a new start", null);

		// a form sent from the old session changes nothing
		this.mvc.perform(post("/notifications/settings").session(before).with(csrf()).param("email", "true"))
			.andExpect(redirectedUrl("/login?ended"));
		MockHttpSession after = SignIn.as(this.mvc, sam.username(), "A new password for a new start");
		// signed in with the new password, whose person is asked to choose their own
		// first
		this.mvc.perform(get("/grants").session(after)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").session(after)).andExpect(status().isOk());
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aNewPasswordEndsTheSessionsSignedInWhileItsChangeWasStillBeingSaved() throws Exception {
		UserView sam = officer("session.slow");
		java.time.Instant[] duringTheChange = new java.time.Instant[1];
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> {
				this.users.resetPassword(sam.id(), "A new password for a new start", null);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				// a sign-in with the old password now, before the change commits, would
				// be later than the moment the change first wrote
				duringTheChange[0] = java.time.Instant.now();
			});
		assertThat(this.jdbc
			.queryForObject("select sessions_ended_at from app_user where id = ?", java.sql.Timestamp.class, sam.id())
			.toInstant()).isAfter(duringTheChange[0]);
	}

	@Test
	void aRoleGivenOrTakenAwayCountsAtOnceInASessionThatGoesOn() throws Exception {
		UserView sam = officer("session.roles");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());

		UserView admin = this.users.update(sam.id(),
				new AccountDetails("Sam Sessions", Set.of(Role.OFFICER, Role.ADMIN), null), sam.version(), admin());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		this.users.update(sam.id(), new AccountDetails("Sam Sessions", Set.of(Role.REVIEWER), null), admin.version(),
				admin());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations").session(session)).andExpect(status().isForbidden());
		assertThat(session.isInvalid()).isFalse();
	}

	@Test
	void anAccountDisabledInTheDatabaseByAnotherNodeEndsItsSessionsWithinTheSecond() throws Exception {
		UserView sam = officer("session.elsewhere");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.mvc.perform(get("/grants").session(session)).andExpect(status().isOk());

		this.jdbc.update("update app_user set enabled = false where id = ?", sam.id());
		// this node may trust what it read for the max age of a kept read
		Thread.sleep(1_100);

		this.mvc.perform(get("/grants").session(session)).andExpect(redirectedUrl("/login?ended"));
	}

	@Test
	void aSecondFactorResetByAnAdministratorEndsTheSessionsSignedInWithIt() throws Exception {
		UserView sam = officer("session.second.factor");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.jdbc.update("insert into second_factor (user_id, secret, set_up_at, last_used_step) "
				+ "values (?, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now(), 0)", sam.id());
		this.mvc.perform(get("/grants").session(session)).andExpect(status().isOk());

		this.secondFactors.remove(sam.id(), admin(), true);

		this.mvc.perform(get("/grants").session(session)).andExpect(redirectedUrl("/login?ended"));
	}

	@Test
	void aSessionEndsTwelveHoursAfterSigningInAndThePageAskedForOpensAfterSigningInAgain() throws Exception {
		UserView sam = officer("session.twelve.hours");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.mvc.perform(get("/grants").session(session)).andExpect(status().isOk());
		session.setAttribute(SignedInSession.ATTRIBUTE,
				new SignedInSession(sam.id(), Instant.now().minus(Duration.ofHours(12)).minusSeconds(1), false, 0));

		MvcResult ended = this.mvc.perform(get("/grants?year=2024-25").session(session))
			.andExpect(redirectedUrl("/login?timedOut"))
			.andReturn();
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/login").param("timedOut", ""))
			.andExpect(content().string(containsString("You have been signed out")))
			.andExpect(content().string(containsString("signed out 12 hours after signing in")));
		Cookie pageAskedFor = ended.getResponse().getCookie(SignInRequestCache.COOKIE);
		assertThat(pageAskedFor).isNotNull();
		this.mvc
			.perform(post("/login").param("username", sam.username())
				.param("password", PASSWORD)
				.with(csrf())
				.cookie(pageAskedFor))
			.andExpect(redirectedUrl("/grants?year=2024-25"));
	}

	@Test
	void signingInAgainFromAnEndedSessionWorksAtOnceAndTheApplicationsFilesNeverEndIt() throws Exception {
		UserView sam = officer("session.again");
		MockHttpSession session = SignIn.as(this.mvc, sam.username(), PASSWORD);
		this.users.resetPassword(sam.id(), "A new password for a new start", null);

		this.mvc.perform(get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css").session(session))
			.andExpect(status().isOk());
		assertThat(session.isInvalid()).as("a style sheet does not look at the account").isFalse();
		this.mvc
			.perform(post("/login").session(session)
				.param("username", sam.username())
				.param("password", "A new password for a new start")
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	private UserView officer(String username) {
		return this.users.create(username, new AccountDetails("Sam Sessions", Set.of(Role.OFFICER), null), PASSWORD);
	}

	private CurrentUser admin() {
		return this.users.principalOf("admin").orElseThrow();
	}

}
