package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
 * Before a change to how someone signs in, the person must have proved who they are in
 * the last 15 minutes (OWASP ASVS 3.7.1): a session signed in longer ago is asked for the
 * password again and then goes on to the page it asked for; a wrong password counts
 * towards the lock-out; a form opened in time may still be sent.
 */
@IntegrationTest
class ConfirmItIsYouTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@org.springframework.boot.flyway.autoconfigure.FlywayDataSource
	javax.sql.DataSource owner;

	@AfterEach
	void forget() {
		this.jdbc.update("delete from sign_in_attempt where username = 'officer'");
		uk.opcc.cspgrants.support.TokenFixture.remove(this.owner, "Confirmed ledger");
	}

	@Test
	void aSessionSignedInLongAgoConfirmsItsPasswordThenGoesOnToThePageAskedFor() throws Exception {
		MockHttpSession olu = SignIn.as(this.mvc, "officer");
		this.mvc.perform(get("/account/tokens").session(olu)).andExpect(status().isOk());
		signedInAgo(olu, Duration.ofMinutes(16));
		MvcResult sent = this.mvc.perform(get("/account/tokens").session(olu))
			.andExpect(redirectedUrl("/account/confirm"))
			.andReturn();
		Cookie continuing = sent.getResponse().getCookie(SignInRequestCache.COOKIE);
		assertThat(continuing).isNotNull();
		this.mvc.perform(get("/account/confirm").session(olu))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm it is you")))
			.andExpect(content().string(containsString("autocomplete=\"current-password\"")));
		this.mvc
			.perform(post("/account/confirm").session(olu).with(csrf()).cookie(continuing).param("password", "not it"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#password\"")))
			.andExpect(content().string(containsString("The password is not right")));
		assertThat(this.jdbc.queryForObject("select failed_count from sign_in_attempt where username = 'officer'",
				Integer.class))
			.isEqualTo(1);
		this.mvc
			.perform(post("/account/confirm").session(olu)
				.with(csrf())
				.cookie(continuing)
				.param("password", SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/account/tokens"));
		this.mvc.perform(get("/account/tokens").session(olu)).andExpect(status().isOk());
		this.mvc.perform(get("/account/second-factor/set-up").session(olu)).andExpect(status().isOk());
	}

	@Test
	void aFormOpenedInTimeIsSentButOneOpenedLongAgoOrNeverIsNotAndGoesBackToItsPage() throws Exception {
		MockHttpSession olu = SignIn.as(this.mvc, "officer");
		// the form is opened while the sign-in is recent, and sent when it no longer is
		this.mvc.perform(get("/account/tokens").session(olu)).andExpect(status().isOk());
		signedInAgo(olu, Duration.ofMinutes(40));
		this.mvc
			.perform(post("/account/tokens").session(olu)
				.with(csrf())
				.param("name", "Confirmed ledger")
				.param("createKey", java.util.UUID.randomUUID().toString())
				.param("days", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("API token created")));
		// a form opened longer ago than the idle timeout, or never (a form sent straight
		// from a session whose proof is old), is not
		RecentProof.Confirmed opened = (RecentProof.Confirmed) olu.getAttribute(RecentProof.FORM_OPENED);
		for (Instant when : new Instant[] { Instant.now().minus(Duration.ofMinutes(31)), null }) {
			if (when != null) {
				olu.setAttribute(RecentProof.FORM_OPENED, new RecentProof.Confirmed(opened.userId(), when));
			}
			else {
				olu.removeAttribute(RecentProof.FORM_OPENED);
			}
			MvcResult refused = this.mvc
				.perform(post("/account/tokens").session(olu)
					.with(csrf())
					.header("Referer", "http://localhost/account/tokens")
					.param("name", "Confirmed ledger")
					.param("createKey", java.util.UUID.randomUUID().toString())
					.param("days", "30"))
				.andExpect(redirectedUrl("/account/confirm"))
				.andReturn();
			assertThat(refused.getResponse().getCookie(SignInRequestCache.COOKIE).getValue()).isEqualTo(
					java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("/account/tokens".getBytes()));
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from api_token where name = 'Confirmed ledger' and revoked_at is null", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aSessionSignedOutFromYourSessionsOpenedInTimeIsSignedOutAndOneNotDoneIsSaidSo() throws Exception {
		MockHttpSession olu = SignIn.as(this.mvc, "officer");
		MockHttpSession other = SignIn.as(this.mvc, "officer");
		long otherRecord = SignedInSession.recordIn(other);
		// Your sessions is opened while the sign-in is recent; its button pressed later
		this.mvc.perform(get("/account/sessions").session(olu)).andExpect(status().isOk());
		signedInAgo(olu, Duration.ofMinutes(20));
		this.mvc.perform(post("/account/sessions/" + otherRecord + "/end").session(olu).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions"));
		// a press from a page opened long ago is not done, and both pages say so
		MockHttpSession third = SignIn.as(this.mvc, "officer");
		long thirdRecord = SignedInSession.recordIn(third);
		olu.removeAttribute(RecentProof.FORM_OPENED);
		MvcResult refused = this.mvc
			.perform(post("/account/sessions/" + thirdRecord + "/end").session(olu)
				.with(csrf())
				.header("Referer", "http://localhost/account/sessions"))
			.andExpect(redirectedUrl("/account/confirm"))
			.andReturn();
		this.mvc.perform(get("/account/confirm").session(olu))
			.andExpect(content().string(containsString("What you pressed has not been done yet")));
		this.mvc
			.perform(post("/account/confirm").session(olu)
				.with(csrf())
				.cookie(refused.getResponse().getCookie(SignInRequestCache.COOKIE))
				.param("password", SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/account/sessions"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem",
						"You have confirmed it is you. What you pressed before was not done: do it again now"));
		assertThat(this.jdbc.queryForObject("select ended_at is null from signed_in_session where id = ?",
				Boolean.class, thirdRecord))
			.isTrue();
		this.mvc.perform(get("/account/confirm").session(olu))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("has not been done yet"))));
	}

	@Test
	void aSessionSignedInThroughTheProviderCountsWhenTheProviderLastAskedForThePassword() {
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		Instant now = Instant.now();
		SignedInSession.started(session, 7, now, true, 0);
		// signed in just now, silently, on the provider's session of an hour ago
		RecentProof.signedInThroughProvider(session, 7, now.minus(Duration.ofHours(1)));
		assertThat(RecentProof.recent(session, 7, now, Duration.ofMinutes(15))).isFalse();
		// the provider asked for the password again just now
		RecentProof.signedInThroughProvider(session, 7, now.minusSeconds(5));
		assertThat(RecentProof.recent(session, 7, now, Duration.ofMinutes(15))).isTrue();
		// a provider that does not say when it asked proves nothing
		RecentProof.signedInThroughProvider(session, 7, null);
		assertThat(RecentProof.recent(session, 7, now, Duration.ofMinutes(15))).isFalse();
	}

	@Test
	void anAdministratorsPagesOfUsersAskToo() throws Exception {
		MockHttpSession ada = SignIn.as(this.mvc, "admin");
		signedInAgo(ada, Duration.ofMinutes(20));
		this.mvc.perform(get("/admin/users").session(ada)).andExpect(redirectedUrl("/account/confirm"));
		// pages that change nothing of how anyone signs in do not
		this.mvc.perform(get("/partnerships").session(ada)).andExpect(status().isOk());
	}

	private static void signedInAgo(MockHttpSession session, Duration ago) {
		SignedInSession now = (SignedInSession) session.getAttribute(SignedInSession.ATTRIBUTE);
		session.setAttribute(SignedInSession.ATTRIBUTE,
				new SignedInSession(now.userId(), Instant.now().minus(ago), now.secondFactor(), now.recordId()));
		session.removeAttribute(RecentProof.CONFIRMED);
	}

}
