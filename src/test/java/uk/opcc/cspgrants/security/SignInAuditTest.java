package uk.opcc.cspgrants.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-ins in the audit trail (OWASP ASVS 7.2.1): each sign-in by its account with how
 * and from where, each refused password against the account it was tried on, the lock-out
 * once, and nothing for a username no account has or for a request to the API that
 * succeeds.
 */
@IntegrationTest
class SignInAuditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	AuditTrail auditTrail;

	@AfterEach
	void forgetFailures() {
		this.jdbc.update("delete from sign_in_attempt");
	}

	@Test
	void aSignInIsRecordedAgainstTheAccountByItsOwnerWithHowAndFromWhere() throws Exception {
		long officer = id("officer");
		long before = last();
		SignIn.as(this.mvc, "officer");
		assertThat(events(officer, before)).containsExactly("officer SIGN_IN a password 127.0.0.1");
		// the API with a right password is a request, not a sign-in
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("officer", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk());
		assertThat(events(officer, before)).hasSize(1);
	}

	@Test
	void wrongPasswordsAreRecordedAgainstTheAccountAndTheLockOutOnceThenNothingWhileLocked() throws Exception {
		long monitoring = id("monitoring");
		long before = last();
		for (int attempt = 1; attempt <= 4; attempt++) {
			this.mvc.perform(formLogin("/login").user("Monitoring").password("wrong-" + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("monitoring", "wrong-5")))
			.andExpect(status().isUnauthorized());
		for (int attempt = 6; attempt <= 8; attempt++) {
			this.mvc.perform(formLogin("/login").user("monitoring").password(SignIn.DEMO_PASSWORD))
				.andExpect(redirectedUrl("/login?locked"));
		}
		String wrong = "system SIGN_IN_REFUSED a wrong password 127.0.0.1";
		assertThat(events(monitoring, before)).containsExactly(wrong, wrong, wrong, wrong,
				"system SIGN_IN_REFUSED a wrong password (HTTP Basic, through the API) 127.0.0.1",
				"system LOCKED_OUT 5 127.0.0.1");
		assertThat(this.jdbc.queryForObject(
				"select (after_json ->> 'lockedForMinutes')::int from audit_event where id > ? and action = 'LOCKED_OUT'",
				Integer.class, before))
			.isEqualTo(15);
		// and Mo is told, once
		assertThat(this.jdbc.queryForList(
				"select subject from notification where username = 'monitoring' and template = 'sign-in-locked'",
				String.class))
			.containsExactly("Signing in to your CSP Grants account is locked for 15 minutes");
	}

	@Test
	void aUsernameNoAccountHasLeavesNothingInTheTrail() throws Exception {
		long before = last();
		for (int attempt = 1; attempt <= 7; attempt++) {
			this.mvc.perform(formLogin("/login").user("nobody-" + attempt).password("guess"))
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where id > ? and action in ('SIGN_IN_REFUSED', 'LOCKED_OUT')",
				Long.class, before))
			.isZero();
	}

	@Test
	void aDisabledAccountsPasswordIsRecordedAsRefusedBecauseItIsDisabled() throws Exception {
		UserView made = this.users.create("left.the.force",
				new uk.opcc.cspgrants.security.AccountDetails("Lynn Left", Set.of(Role.OFFICER), null),
				"a-long-enough-password");
		this.jdbc.update("update app_user set enabled = false where id = ?", made.id());
		long before = last();
		this.mvc.perform(formLogin("/login").user("left.the.force").password("a-long-enough-password"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(events(made.id(), before))
			.containsExactly("system SIGN_IN_REFUSED the account is disabled 127.0.0.1");
	}

	@Test
	void theUsersPageShowsTheirLastSignInsAndLinksToTheirWholeTrail() throws Exception {
		long commissioner = id("commissioner");
		this.mvc.perform(formLogin("/login").user("commissioner").password("not-it"));
		SignIn.as(this.mvc, "commissioner");
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(get("/admin/users/" + commissioner).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign-ins and changes")))
			.andExpect(content().string(containsString("Chris Commissioner signed in")))
			.andExpect(content().string(containsString("A sign-in as Chris Commissioner was refused")))
			.andExpect(content().string(containsString("Reason: a wrong password")))
			.andExpect(content().string(containsString("Network address: 127.0.0.1")))
			.andExpect(content()
				.string(containsString("/admin/audit?entityType=User&amp;entityId=" + commissioner + "\"")));
	}

	@Test
	void eventsWrittenAsUserInCapitalsBeforeAreFoundWithTheUsersOthers() {
		long admin = id("admin");
		this.jdbc.update("insert into audit_event (actor, action, entity_type, entity_id, after_json) "
				+ "values ('admin', 'SECOND_FACTOR_SET_UP', 'USER', ?, '{}'::jsonb)", String.valueOf(admin));
		List<String> found = this.auditTrail
			.find(new AuditTrail.AuditFilter("User", String.valueOf(admin), null, null, null), 0, 100)
			.entries()
			.stream()
			.map(entry -> entry.sentence().text())
			.toList();
		assertThat(found).contains("Ada Admin set up a second factor");
		assertThat(this.auditTrail.entityTypes()).containsKey("User").doesNotContainKey("USER");
	}

	private long id(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private long last() {
		return this.jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
	}

	/** The account's sign-in events since: actor, action, how or why, address. */
	private List<String> events(long userId, long since) {
		return this.jdbc.queryForList(
				"select actor || ' ' || action || ' ' || coalesce(after_json ->> 'how', after_json ->> 'reason', "
						+ "after_json ->> 'failures') || ' ' || (after_json ->> 'networkAddress') from audit_event "
						+ "where id > ? and entity_type = 'User' and entity_id = ? "
						+ "and action in ('SIGN_IN', 'SIGN_IN_REFUSED', 'LOCKED_OUT') order by id",
				String.class, since, String.valueOf(userId));
	}

}
