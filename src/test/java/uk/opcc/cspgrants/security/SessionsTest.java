package uk.opcc.cspgrants.security;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.shared.Role;
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

/**
 * *Your sessions* (OWASP ASVS 3.3.4): someone signed in in two browsers sees both, with
 * the browser, address and how each signed in; signing the other out ends it at its next
 * request, once (again is refused, saying so); signing out of every other session ends
 * them all but this one; a session signed out by its person leaves the list.
 */
@IntegrationTest
class SessionsTest {

	private static final String EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

	private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoBrowsersSeeEachOtherAndOneSignsTheOtherOutOnce() throws Exception {
		person("sam.sessions");
		MockHttpSession desk = signIn("sam.sessions", EDGE);
		MockHttpSession phone = signIn("sam.sessions", IPHONE);

		this.mvc.perform(get("/account/sessions").session(desk))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("You have 2 sessions"),
					containsString("Edge on Windows</span> <strong class=\"govuk-tag govuk-tag--green\">This browser"),
					containsString("Safari on an iPhone"), containsString("with a password"),
					containsString("127.0.0.1"))));
		long phoneSession = record("sam.sessions", "Safari on an iPhone");

		this.mvc.perform(post("/account/sessions/" + phoneSession + "/end").session(desk).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions"))
			.andExpect(flash().attribute("success", "That session has been signed out"));
		// the phone's next request finds its session ended
		this.mvc.perform(get("/grants").session(phone)).andExpect(redirectedUrl("/login?signedOutElsewhere"));
		// and the desk goes on, seeing only itself
		this.mvc.perform(get("/account/sessions").session(desk))
			.andExpect(content()
				.string(allOf(containsString("You have 1 session"), not(containsString("Safari on an iPhone")))));
		// once: again is refused, saying so, on the page
		this.mvc.perform(post("/account/sessions/" + phoneSession + "/end").session(desk).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("That session has already been signed out")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'END_SESSION' "
						+ "and entity_id = (select id::text from app_user where username = 'sam.sessions')",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void signingOutOfEveryOtherSessionKeepsOnlyThisOneAndSigningOutLeavesTheList() throws Exception {
		person("kit.sessions");
		MockHttpSession here = signIn("kit.sessions", EDGE);
		MockHttpSession second = signIn("kit.sessions", IPHONE);
		MockHttpSession third = signIn("kit.sessions", IPHONE);
		// one that timed out long ago is not among "every other"
		this.jdbc.update("insert into signed_in_session (user_id, signed_in_at, how, device, last_seen_at) "
				+ "select id, now() - interval '3 hours', 'a password', 'Firefox on Linux', now() - interval '2 hours' "
				+ "from app_user where username = 'kit.sessions'");

		this.mvc.perform(post("/account/sessions/end-others").session(here).with(csrf()))
			.andExpect(redirectedUrl("/account/sessions"))
			.andExpect(flash().attribute("success", "Your 2 other sessions have been signed out"));
		this.mvc.perform(get("/grants").session(second)).andExpect(redirectedUrl("/login?signedOutElsewhere"));
		this.mvc.perform(get("/grants").session(third)).andExpect(redirectedUrl("/login?signedOutElsewhere"));
		this.mvc.perform(get("/grants").session(here)).andExpect(status().isOk());
		this.mvc.perform(post("/account/sessions/end-others").session(here).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("You have no other session to sign out"),
					containsString("href=\"#session\""), containsString("You have 1 session"))));

		// signing out ends this one's record too
		MockHttpSession later = signIn("kit.sessions", IPHONE);
		this.mvc.perform(post("/logout").session(later).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		assertThat(
				this.jdbc.queryForList(
						"select ended_by from signed_in_session where user_id = "
								+ "(select id from app_user where username = 'kit.sessions') order by id",
						String.class))
			.containsExactly(null, "signed out by Kit Sessions with every other session",
					"signed out by Kit Sessions with every other session", null, "signed out");
	}

	@Test
	void thisBrowsersSessionIsSignedOutWithSignOutAndAnotherPersonsIsNotFound() throws Exception {
		person("lee.sessions");
		person("max.sessions");
		MockHttpSession lee = signIn("lee.sessions", EDGE);
		signIn("max.sessions", IPHONE);
		long leeSession = record("lee.sessions", "Edge on Windows");
		long maxSession = record("max.sessions", "Safari on an iPhone");

		this.mvc.perform(post("/account/sessions/" + leeSession + "/end").session(lee).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("That is this browser")));
		this.mvc.perform(post("/account/sessions/" + maxSession + "/end").session(lee).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select ended_at from signed_in_session where id = ?",
				java.sql.Timestamp.class, maxSession))
			.isNull();
	}

	@Test
	void theSessionThatChangedThePasswordStaysListedAndCanBeSignedOutLater() throws Exception {
		person("ash.sessions");
		MockHttpSession changer = signIn("ash.sessions", EDGE);
		MockHttpSession before = signIn("ash.sessions", IPHONE);
		String newPassword = "lantern orchard velvet 42";
		this.mvc
			.perform(post("/account/password").session(changer)
				.with(csrf())
				.param("currentPassword", SignIn.DEMO_PASSWORD)
				.param("newPassword", newPassword)
				.param("confirmPassword", newPassword)
				.param("version",
						String.valueOf(this.jdbc.queryForObject(
								"select version from app_user where username = 'ash.sessions'", Long.class))))
			.andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/grants").session(before)).andExpect(redirectedUrl("/login?ended"));
		this.mvc.perform(get("/grants").session(changer)).andExpect(status().isOk());

		MockHttpSession later = (MockHttpSession) this.mvc
			.perform(post("/login").with(csrf())
				.param("username", "ash.sessions")
				.param("password", newPassword)
				.header("User-Agent", IPHONE))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		// the session that changed the password is listed from the new one
		this.mvc.perform(get("/account/sessions").session(later))
			.andExpect(
					content().string(allOf(containsString("You have 2 sessions"), containsString("Edge on Windows"))));
		this.mvc.perform(post("/account/sessions/end-others").session(later).with(csrf()))
			.andExpect(flash().attribute("success", "Your other session has been signed out"));
		this.mvc.perform(get("/grants").session(changer)).andExpect(redirectedUrl("/login?signedOutElsewhere"));
	}

	@Test
	void aThemedReviewerAndARecipientsContactManageTheirSessionsToo() throws Exception {
		this.users.create("rue.reviewer", new AccountDetails("Rue Reviewer", Set.of(Role.REVIEWER), null),
				SignIn.DEMO_PASSWORD);
		long catch22 = this.jdbc.queryForObject("select min(id) from organisation where name like 'Catch22%'",
				Long.class);
		this.users.create("rex.recipient",
				new AccountDetails("Rex Recipient", null, Set.of(Role.RECIPIENT), null, null, catch22),
				SignIn.DEMO_PASSWORD);
		for (String username : new String[] { "rue.reviewer", "rex.recipient" }) {
			MockHttpSession here = signIn(username, EDGE);
			MockHttpSession phone = signIn(username, IPHONE);
			this.mvc.perform(get("/account/sessions").session(here))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("You have 2 sessions"),
						containsString("Safari on an iPhone"), containsString("href=\"/account/sessions\""))));
			this.mvc.perform(post("/account/sessions/end-others").session(here).with(csrf()))
				.andExpect(redirectedUrl("/account/sessions"))
				.andExpect(flash().attribute("success", "Your other session has been signed out"));
			this.mvc.perform(get("/account/sessions").session(phone))
				.andExpect(redirectedUrl("/login?signedOutElsewhere"));
		}
	}

	@Test
	void anApplicantSeesTheirSessionsAndConfirmsItIsThemWithANewLink() throws Exception {
		String address = "sessions@applicant-sessions.example";
		try {
			MockHttpSession here = applicantSignsIn(address, EDGE);
			MockHttpSession phone = applicantSignsIn(address, IPHONE);
			this.mvc.perform(get("/account/sessions").session(here))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("You have 2 sessions"),
						containsString("with a sign-in link"), containsString("href=\"/account/sessions\""))));
			// signed in by a link just now: that is proof enough
			this.mvc.perform(post("/account/sessions/end-others").session(here).with(csrf()))
				.andExpect(flash().attribute("success", "Your other session has been signed out"));
			// whichever applicant's page it asks for next
			this.mvc.perform(get("/apply/applications/1").session(phone))
				.andExpect(redirectedUrl("/apply/sign-in?signedOutElsewhere"));
			this.mvc.perform(get("/apply/sign-in").param("signedOutElsewhere", ""))
				.andExpect(content().string(containsString("This session was signed out from another of your "
						+ "sessions, on Your sessions. Sign in again to carry on. If that was not you, someone else "
						+ "may be able to read your email")));
			// with no password, the page that asks to confirm says how: a new link
			this.mvc.perform(get("/account/confirm").session(here))
				.andExpect(status().isOk())
				.andExpect(content().string(
						allOf(containsString("ask for a new sign-in link"), not(containsString("type=\"password\"")))));
			this.mvc.perform(post("/account/confirm").session(here).with(csrf()).param("password", "anything"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("sign out and sign in with a new link")));
		}
		finally {
			uk.opcc.cspgrants.support.ApplicantFixture.removeApplicants(this.jdbc, "lower(email) = '" + address + "'");
		}
	}

	@Test
	void aTimeoutInWords() {
		assertThat(SessionsController.words(Duration.ofMinutes(30))).isEqualTo("30 minutes");
		assertThat(SessionsController.words(Duration.ofHours(12))).isEqualTo("12 hours");
		assertThat(SessionsController.words(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(SessionsController.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
		assertThat(SessionsController.words(Duration.ofDays(1))).isEqualTo("1 day");
	}

	private void person(String username) {
		String[] names = username.split("\\.");
		String name = Character.toUpperCase(names[0].charAt(0)) + names[0].substring(1) + " "
				+ Character.toUpperCase(names[1].charAt(0)) + names[1].substring(1);
		this.users.create(username, new AccountDetails(name, Set.of(Role.OFFICER), null), SignIn.DEMO_PASSWORD);
	}

	private MockHttpSession signIn(String username, String userAgent) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/login").with(csrf())
				.param("username", username)
				.param("password", SignIn.DEMO_PASSWORD)
				.header("User-Agent", userAgent))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private MockHttpSession applicantSignsIn(String address, String userAgent) throws Exception {
		String page = this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", address))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/apply/link/[A-Za-z0-9_-]{43})\"")
			.matcher(page);
		assertThat(link.find()).as(page).isTrue();
		return (MockHttpSession) this.mvc.perform(post(link.group(1)).with(csrf()).header("User-Agent", userAgent))
			.andExpect(redirectedUrl("/apply"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private long record(String username, String device) {
		return this.jdbc.queryForObject("select max(s.id) from signed_in_session s join app_user u on u.id = s.user_id "
				+ "where u.username = ? and s.device = ?", Long.class, username, device);
	}

}
