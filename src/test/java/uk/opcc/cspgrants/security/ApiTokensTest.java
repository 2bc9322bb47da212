package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.TokenFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API tokens end to end on the demo's people: Olu Officer makes a token on the page
 * (shown once, never cached, kept as its SHA-256, expiring in the days asked), uses it as
 * {@code Authorization: Bearer} with Olu's role, presses "Create token" again with the
 * same form (refused) and mistypes the form (each message on its field); a read-only
 * token reads but changes nothing; Lee Leicester's token carries Lee's role; an
 * administrator makes one for Fran Finance; revoked, expired or unknown tokens are 401;
 * revoking twice is refused naming who revoked it; another's token is not found; the
 * database keeps every token and changes only its last use and revocation.
 */
@IntegrationTest
class ApiTokensTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@AfterEach
	void remove() {
		TokenFixture.remove(this.owner, "Test %");
	}

	@Autowired
	java.time.Clock clock;

	@Test
	void theTokensOfSomeoneWhoSignsInThroughTheirOrganisationStopWhenTheyHaveNotSignedInFor30Days() throws Exception {
		String stayed = tokenOfProviderAccount("sso.stayed", java.time.Duration.ofDays(29));
		String left = tokenOfProviderAccount("sso.left", java.time.Duration.ofDays(31));
		this.mvc.perform(get("/api/v1/partnerships").header("Authorization", "Bearer " + stayed))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/partnerships").header("Authorization", "Bearer " + left))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("may not have signed in here lately")));
		// their tokens page says so
		this.mvc
			.perform(get("/account/tokens")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.users.principalOf("sso.stayed").orElseThrow())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"your tokens work only while you sign in here at least once every <span>30</span> days")));
	}

	/**
	 * A token of a new account linked to the organisation's provider, which last signed
	 * in through it {@code ago}.
	 */
	private String tokenOfProviderAccount(String username, java.time.Duration ago) throws Exception {
		long id = this.users
			.create(username, new AccountDetails("Sam " + username, java.util.Set.of(Role.OFFICER), null),
					"a-long-enough-password")
			.id();
		String secret = TokenFixture.make(this.mvc, this.users.principalOf(username).orElseThrow(),
				"Test provider " + username, false);
		java.time.Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into single_sign_on_account (user_id, issuer, subject, created_at, last_signed_in_at) "
						+ "values (?, 'https://login.example/tenant', ?, ?, ?)",
				id, username, java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(60))),
				java.sql.Timestamp.from(now.minus(ago)));
		return secret;
	}

	@Test
	void aTokenMadeOnThePageIsShownOnceKeptAsItsHashAndActsAsItsUser() throws Exception {
		UUID key = UUID.randomUUID();
		MvcResult made = this.mvc
			.perform(post("/account/tokens").with(as("officer"))
				.with(csrf())
				.param("name", "Test ledger")
				.param("days", "30")
				.param("createKey", key.toString()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(allOf(containsString("API token created"), containsString("Test ledger"),
					containsString("It is shown only this once"),
					containsString("http://localhost/api/v1/partnerships"),
					containsString("<title>Your new API token"))))
			.andReturn();
		String secret = secretIn(made);
		Map<String, Object> row = this.jdbc.queryForMap("select token_hash, token_prefix, read_only, created_by, "
				+ "expires_at - created_at as valid from api_token where create_key = ?", key);
		assertThat(row.get("token_hash")).isEqualTo(TokenSecret.hash(secret));
		assertThat(row.get("token_prefix")).isEqualTo(secret.substring(0, 9));
		assertThat(row.get("read_only")).isEqualTo(false);
		assertThat(row.get("created_by")).isEqualTo("Olu Officer");
		assertThat(row.get("valid").toString()).isEqualTo("30 days");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ? or token_prefix = ?",
				Integer.class, secret, secret))
			.as("the secret itself is not kept")
			.isZero();

		// the token acts as Olu: an officer may read the rounds, not approve a run
		this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/formula-runs/1/approve").header("Authorization", "Bearer " + secret))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select last_used_at is not null from api_token where create_key = ?",
				Boolean.class, key))
			.isTrue();
		this.mvc.perform(get("/account/tokens").with(as("officer")))
			.andExpect(content().string(allOf(containsString("Test ledger"), containsString(secret.substring(0, 9)),
					not(containsString(secret)), containsString("Read and change"),
					// the example works as printed, for any role that holds tokens
					containsString("http://localhost/api/v1/partnerships"))));
		this.mvc.perform(get("/api/v1/partnerships").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk());

		// "Create token" pressed again with the same form makes nothing
		this.mvc
			.perform(post("/account/tokens").with(as("officer"))
				.with(csrf())
				.param("name", "Test ledger")
				.param("days", "30")
				.param("createKey", key.toString()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("You pressed “Create token” more than once")));
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where create_key = ?", Integer.class, key))
			.isEqualTo(1);
	}

	@Test
	void aMistypedFormIsRefusedFieldByFieldKeepingWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/account/tokens").with(as("officer"))
				.with(csrf())
				.param("name", " ")
				.param("days", "366")
				.param("readOnly", "true")
				.param("createKey", UUID.randomUUID().toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(allOf(containsString("Enter what the token is for, such as the system that will use it"),
						containsString("Enter how many days the token works, a whole number from 1 to 365"),
						containsString("href=\"#days\""), containsString("value=\"366\""))));
	}

	@Test
	void aReadOnlyTokenReadsButChangesNothingAndACspManagersCarriesTheirRole() throws Exception {
		String reader = make("leicester.csp", "Test reader", true);
		this.mvc.perform(get("/api/v1/partnerships").header("Authorization", "Bearer " + reader))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/returns/2024-25/Q1/LEI").header("Authorization", "Bearer " + reader)
				.contentType("application/json")
				.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("This API token may only read: nothing was changed.")));
		// a CSP manager may not read the decisions, with a token as with a password
		this.mvc.perform(get("/api/v1/decisions").header("Authorization", "Bearer " + reader))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorMakesATokenForAServiceAccountAndOnlyAnAdministratorMay() throws Exception {
		long fran = this.jdbc.queryForObject("select id from app_user where username = 'finance'", Long.class);
		MvcResult made = this.mvc
			.perform(post("/admin/tokens").with(as("admin"))
				.with(csrf())
				.param("userId", Long.toString(fran))
				.param("name", "Test finance ledger")
				.param("days", "")
				.param("createKey", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fran Finance (finance)")))
			.andReturn();
		String secret = secretIn(made);
		assertThat(this.jdbc
			.queryForObject("select expires_at - created_at from api_token where token_hash = ?", Object.class,
					TokenSecret.hash(secret))
			.toString()).isEqualTo("90 days");
		// Fran is told that a token acts as her account
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where username = 'finance' "
						+ "and template = 'api-token-made-for-you' and message_key = ?",
				Integer.class,
				"api-token-made-for-you:" + this.jdbc.queryForObject("select id from api_token where token_hash = ?",
						Long.class, TokenSecret.hash(secret))))
			.isEqualTo(1);
		// Fran's token reads what Fran may
		this.mvc.perform(get("/api/v1/reports/quarterly/2024-25/Q1").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/tokens").with(as("admin")))
			.andExpect(content().string(allOf(containsString("Test finance ledger"), containsString("Fran Finance"))));
		this.mvc
			.perform(post("/admin/tokens").with(as("officer"))
				.with(csrf())
				.param("userId", Long.toString(fran))
				.param("name", "Test not allowed")
				.param("createKey", UUID.randomUUID().toString()))
			.andExpect(status().isForbidden());
		// an applicant's account holds no token
		this.mvc
			.perform(post("/admin/tokens").with(as("admin"))
				.with(csrf())
				.param("userId", "-1")
				.param("name", "Test nobody")
				.param("createKey", UUID.randomUUID().toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"Choose the account the token acts as: a member of staff, a CSP manager or a service account")));
	}

	@Test
	void aRevokedExpiredOrUnknownTokenIsRefusedAndRevokingTwiceNamesWhoDidIt() throws Exception {
		String secret = make("officer", "Test revoked", false);
		long id = this.jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class,
				TokenSecret.hash(secret));
		this.mvc.perform(get("/account/tokens/" + id + "/revoke").with(as("officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Revoke the API token “Test revoked”?"),
					containsString("Anything using it stops working at once"))));
		// another's token is not found
		this.mvc.perform(get("/account/tokens/" + id + "/revoke").with(as("finance"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/account/tokens/" + id + "/revoke").with(as("finance")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/account/tokens/" + id + "/revoke").with(as("officer")).with(csrf()))
			.andExpect(redirectedUrl("/account/tokens"));
		this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().string(containsString("The API token is not valid")));
		this.mvc.perform(get("/account/tokens/" + id + "/revoke").with(as("officer")))
			.andExpect(content().string(allOf(containsString("The API token “Test revoked” is revoked"),
					containsString("Olu Officer revoked it on"), not(containsString("Revoke the token</button>")))));
		this.mvc.perform(post("/admin/tokens/" + id + "/revoke").with(as("admin")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("was already revoked by Olu Officer on")));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where entity_type = 'ApiToken' "
						+ "and entity_id = ? and action in ('CREATE_TOKEN', 'REVOKE_TOKEN')",
				Integer.class, Long.toString(id)))
			.isEqualTo(2);

		// an expired token, and one that never was
		String expired = "cspg_" + "E".repeat(43);
		long officer = this.jdbc.queryForObject("select id from app_user where username = 'officer'", Long.class);
		this.jdbc.update(
				"insert into api_token (user_id, name, token_hash, token_prefix, read_only, create_key, "
						+ "created_at, created_by, expires_at) values (?, 'Test expired', ?, 'cspg_EEEE', false, "
						+ "gen_random_uuid(), ?, 'Olu Officer', ?)",
				officer, TokenSecret.hash(expired), Timestamp.from(Instant.now().minus(Duration.ofDays(91))),
				Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
		this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer " + expired))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer cspg_" + "N".repeat(43)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer not-a-token"))
			.andExpect(status().isUnauthorized());

		// the database keeps every token, and a token does not change
		assertThatThrownBy(() -> this.jdbc.update("update api_token set read_only = true where id = ?", id))
			.hasMessageContaining("An API token does not change");
		assertThatThrownBy(() -> this.jdbc.update("update api_token set revoked_by = 'Someone' where id = ?", id))
			.hasMessageContaining("was already revoked by Olu Officer");
		assertThatThrownBy(() -> this.jdbc.update("delete from api_token where id = ?", id))
			.hasMessageContaining("An API token is revoked, never removed");
	}

	@Test
	void aTokenStopsWorkingWhenItsAccountIsMadeARoleThatHoldsNone() throws Exception {
		long id = this.jdbc.queryForObject("insert into app_user (username, display_name, password_hash) "
				+ "values ('token.mover', 'Tam Mover', 'x') returning id", Long.class);
		this.jdbc.update("insert into app_user_role (user_id, role) values (?, 'OFFICER')", id);
		try {
			String secret = make("token.mover", "Test mover", false);
			this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer " + secret))
				.andExpect(status().isOk());
			// an administrator makes the account a themed reviewer: the token stops at
			// once,
			// though the token and its account were read less than a second ago
			this.users.update(id, new AccountDetails("Tam Mover", Set.of(Role.REVIEWER), null),
					this.users.get(id).version(), Principals.of("admin", this.jdbc));
			this.mvc.perform(get("/api/v1/review").header("Authorization", "Bearer " + secret))
				.andExpect(status().isUnauthorized());
			// a disabled account's token is listed as not working, not as active
			this.jdbc.update("update app_user set enabled = false where id = ?", id);
			this.mvc.perform(get("/admin/tokens").with(as("admin")))
				.andExpect(content().string(containsString("Account disabled")));
			this.jdbc.update("update app_user set enabled = true where id = ?", id);
			// a change made elsewhere (another node of a cluster, by hand in SQL) counts
			// within the max age of the kept reads, one second
			this.jdbc.update("update app_user_role set role = 'OFFICER' where user_id = ?", id);
			Thread.sleep(1100);
			this.mvc.perform(get("/api/v1/rounds").header("Authorization", "Bearer " + secret))
				.andExpect(status().isOk());
		}
		finally {
			TokenFixture.remove(this.owner, "Test mover");
			this.jdbc.update("delete from app_user_role where user_id = ?", id);
			this.jdbc.update("delete from app_user where id = ?", id);
		}
	}

	/** Makes a token for a user through the service's page; its secret. */
	private String make(String username, String name, boolean readOnly) throws Exception {
		return TokenFixture.make(this.mvc, Principals.of(username, this.jdbc), name, readOnly);
	}

	private static String secretIn(MvcResult result) throws Exception {
		return TokenFixture.secretIn(result);
	}

	private RequestPostProcessor as(String username) {
		return user(Principals.of(username, this.jdbc));
	}

}
