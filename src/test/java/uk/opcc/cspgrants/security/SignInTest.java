package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.Usernames;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	/** {@code commİssioner}, with U+0130, a capital I with a dot above. */
	private static final String DOTTED_CAPITAL_I = "comm\u0130ssioner";

	/** {@code commissioner} in fullwidth letters, which NFKC reads as ASCII. */
	private static final String FULLWIDTH = "\uFF43\uFF4F\uFF4D\uFF4D\uFF49\uFF53\uFF53\uFF49\uFF4F\uFF4E\uFF45\uFF52";

	@AfterEach
	void forgetTheCommissionersFailures() {
		this.jdbc.update("delete from sign_in_attempt where username in (?, ?)", "commissioner",
				Usernames.normalise(DOTTED_CAPITAL_I));
	}

	@Test
	void fiveFailuresLockEverySpellingThatReachesTheAccountAndNoOddSpellingSignsIn() throws Exception {
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(formLogin("/login").user("commissioner").password("wrong-" + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").user("commissioner").password("wrong-5"))
			.andExpect(redirectedUrl("/login?locked"));
		for (String spelling : List.of("commissioner", "Commissioner", "COMMISSIONER", " commissioner ", FULLWIDTH)) {
			this.mvc.perform(formLogin("/login").user(spelling).password(SignIn.DEMO_PASSWORD))
				.andExpect(redirectedUrl("/login?locked"));
			this.mvc.perform(get("/api/v1/partnerships").with(httpBasic(spelling, SignIn.DEMO_PASSWORD)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(formLogin("/login").user(DOTTED_CAPITAL_I).password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aUsernameOutsideTheAlphabetIsNeverLookedUp() throws Exception {
		this.mvc.perform(formLogin("/login").user(DOTTED_CAPITAL_I).password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic(DOTTED_CAPITAL_I, SignIn.DEMO_PASSWORD)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(formLogin("/login").user(FULLWIDTH).password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("commissioner"));
		this.mvc.perform(formLogin("/login").user(DOTTED_CAPITAL_I).password(SignIn.DEMO_PASSWORD))
			.andExpect(unauthenticated());
	}

	/**
	 * An odd spelling reaches no account, so its failures are its own: they lock that
	 * spelling, not the commissioner, who still signs in; the odd spelling never does.
	 */
	@Test
	void failuresOfASpellingThatReachesNoAccountAreCountedUnderThatSpelling() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(formLogin("/login").user(DOTTED_CAPITAL_I).password("wrong-" + attempt));
		}
		this.mvc.perform(formLogin("/login").user(DOTTED_CAPITAL_I).password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(formLogin("/login").user("commissioner").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void usersAreStoredAndFoundUnderOneNormalisedName() throws Exception {
		UserView made = this.users.create(" Normal.Ised ",
				new AccountDetails("Normal Ised", Set.of(Role.OFFICER), null), "a-long-enough-password");
		assertThat(made.username()).isEqualTo("normal.ised");
		assertThatThrownBy(() -> this.users.create("\uFF4E\uFF4F\uFF52\uFF4D\uFF41\uFF4C.ised",
				new AccountDetails("Again", Set.of(Role.OFFICER), null), "a-long-enough-password"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.users.create("d\u0130tto",
				new AccountDetails("Dotted", Set.of(Role.OFFICER), null), "a-long-enough-password"))
			.isInstanceOf(ValidationException.class);
		SignIn.as(this.mvc, "NORMAL.ISED", "a-long-enough-password");
		assertThatThrownBy(() -> this.jdbc
			.update("insert into app_user (username, display_name, password_hash) values ('Upper.Case', 'Upper', 'x')"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc
			.update("insert into app_user (username, display_name, password_hash) values ('normal.ised', 'Twin', 'x')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

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
					"This account has been locked because of 5 failed sign-in attempts. Try again in 15 minutes.")));
		// the page the refused sign-in is sent to knows the username typed, so says when
		// the lock ends
		jakarta.servlet.http.Cookie typed = this.mvc
			.perform(formLogin("/login").user("locktest.user").password("a-long-enough-password"))
			.andExpect(redirectedUrl("/login?locked"))
			.andReturn()
			.getResponse()
			.getCookie(TypedUsername.COOKIE);
		java.time.Instant until = this.jdbc
			.queryForObject("select locked_until from sign_in_attempt where username = 'locktest.user'",
					java.sql.Timestamp.class)
			.toInstant();
		String ends = java.time.format.DateTimeFormatter.ofPattern("h:mma", java.util.Locale.UK)
			.format(until.atZone(java.time.ZoneId.of("Europe/London")))
			.toLowerCase(java.util.Locale.UK);
		this.mvc.perform(get("/login").param("locked", "").cookie(typed))
			.andExpect(content().string(allOf(
					containsString("This account has been locked because of 5 failed sign-in attempts. Try again after "
							+ ends + "."),
					containsString("value=\"locktest.user\""), containsString("<title>Error: Sign in"))));
	}

	@Test
	void aRefusedSignInKeepsTheUsernameTypedAndAnEmptyFieldIsAskedForNotCounted() throws Exception {
		this.users.create("typed.user", new AccountDetails("Typed User", Set.of(Role.OFFICER), null),
				"a-long-enough-password");
		jakarta.servlet.http.Cookie typed = this.mvc
			.perform(formLogin("/login").user("Typed.User ").password("not the password"))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn()
			.getResponse()
			.getCookie(TypedUsername.COOKIE);
		assertThat(typed.isHttpOnly()).isTrue();
		this.mvc.perform(get("/login").param("error", "").cookie(typed))
			.andExpect(content().string(allOf(containsString("value=\"Typed.User\""),
					containsString("id=\"username-error\""), containsString("aria-describedby=\"username-error\""),
					not(containsString("not the password")))));
		// the right password forgets the username kept, for the next person at this
		// computer
		jakarta.servlet.http.Cookie forgotten = this.mvc
			.perform(post("/login").with(csrf())
				.param("username", "typed.user")
				.param("password", "a-long-enough-password")
				.cookie(typed))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie(TypedUsername.COOKIE);
		assertThat(forgotten.getMaxAge()).isZero();
		this.mvc.perform(formLogin("/login").user("typed.user").password(""))
			.andExpect(redirectedUrl("/login?missing=password"));
		this.mvc.perform(formLogin("/login").user(" ").password("anything"))
			.andExpect(redirectedUrl("/login?missing=username"));
		this.mvc.perform(get("/login").param("missing", "password").cookie(typed))
			.andExpect(content().string(allOf(containsString("<a href=\"#password\">Enter your password</a>"),
					containsString("id=\"password-error\""))));
		this.mvc.perform(get("/login").param("missing", "username"))
			.andExpect(content().string(containsString("<a href=\"#username\">Enter your username</a>")));
		// the empty password is not counted (the right one started the count again)
		assertThat(this.jdbc.queryForObject("select failed_count from sign_in_attempt where username = 'typed.user'",
				Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_REFUSED' "
				+ "and entity_type = 'User' and entity_id = (select id::text from app_user where username = 'typed.user')",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aPasswordWhoseTurnToBeCheckedDoesNotComeIsAskedToTryAgainNotCountedAsWrong() throws Exception {
		this.users.create("busy.user", new AccountDetails("Busy User", Set.of(Role.OFFICER), null),
				"a-long-enough-password");
		// as many of its passwords being checked (on other nodes) as it has failures
		// left,
		// for longer than a password waits (csp-grants.sign-in.check-wait, 10 seconds)
		this.jdbc.update("insert into sign_in_attempt (username, failed_count, checking, checking_since) "
				+ "values ('busy.user', 3, 2, now() + interval '1 minute')");
		try {
			this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("busy.user", "a-long-enough-password")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "10"))
				.andExpect(content().string(containsString("being checked at once")));
			assertThat(this.jdbc.queryForObject("select failed_count from sign_in_attempt where username = 'busy.user'",
					Integer.class))
				.isEqualTo(3);
			this.mvc.perform(get("/login").param("busy", ""))
				.andExpect(content().string(containsString(
						"Too many passwords for this username are being checked at once. Wait a minute and try again")));
		}
		finally {
			this.jdbc.update("delete from sign_in_attempt where username = 'busy.user'");
		}
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
