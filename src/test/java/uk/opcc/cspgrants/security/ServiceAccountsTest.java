package uk.opcc.cspgrants.security;

import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.StaffDirectory;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;
import uk.opcc.cspgrants.support.TokenFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service account, made by an administrator for a program: it acts through the API
 * tokens made for it with its role, never signs in with a password (whatever its password
 * hash says), is given no work or message, and takes no administrator's role, e-mail
 * address, manager or password.
 */
@IntegrationTest
class ServiceAccountsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	Recipients recipients;

	@Autowired
	StaffDirectory staff;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@AfterEach
	void remove() {
		TokenFixture.remove(this.owner, "Test %");
	}

	@Test
	void anAdministratorAddsOneOnItsPageAndItsTokenActsWithItsRole() throws Exception {
		this.mvc.perform(get("/admin/users/new-service-account").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Add a service account"), containsString("What it is for"),
					not(containsString("name=\"password\"")), not(containsString("name=\"email\"")),
					not(containsString("value=\"ADMIN\"")))));
		MvcResult added = this.mvc
			.perform(post("/admin/users/service-accounts").with(as("admin"))
				.with(csrf())
				.param("username", "Test.Warehouse")
				.param("displayName", "Data warehouse")
				.param("roles", "OFFICER"))
			.andReturn();
		UserView warehouse = this.users.list()
			.stream()
			.filter(account -> account.username().equals("test.warehouse"))
			.findFirst()
			.orElseThrow();
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + warehouse.id());
		assertThat(warehouse.serviceAccount()).isTrue();
		assertThat(warehouse.roles()).containsExactly(Role.OFFICER);
		this.mvc.perform(get("/admin/users/" + warehouse.id()).with(as("admin")))
			.andExpect(content().string(allOf(containsString("Service account"),
					containsString("/admin/tokens?account=" + warehouse.id()), not(containsString("Reset password")))));
		this.mvc.perform(get("/admin/users").with(as("admin")))
			.andExpect(content().string(containsString("Service account</strong>")));

		// the administrator makes its token; it reads as an OPCC officer
		MvcResult made = this.mvc
			.perform(post("/admin/tokens").with(as("admin"))
				.with(csrf())
				.param("userId", String.valueOf(warehouse.id()))
				.param("name", "Test warehouse load")
				.param("days", "30")
				.param("createKey", java.util.UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andReturn();
		String secret = TokenFixture.secretIn(made);
		this.mvc.perform(get("/api/v1/partnerships").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk());
		// and nobody is told: a program reads no messages
		assertThat(this.jdbc.queryForObject("select count(*) from notification where username = 'test.warehouse'",
				Long.class))
			.isZero();
	}

	@Test
	void itNeverSignsInWithAPasswordWhateverItsHash() throws Exception {
		UserView ledger = this.users.createServiceAccount("test.ledger",
				new AccountDetails("Test ledger", Set.of(Role.FINANCE), null));
		// a hash no password gives, and even one set behind the service's back is refused
		assertThat(
				this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, ledger.id()))
			.startsWith("{bcrypt}$2a$10$");
		this.jdbc.update("update app_user set password_hash = ? where id = ?",
				this.passwordEncoder.encode("a-long-enough-password"), ledger.id());

		this.mvc.perform(formLogin("/login").user("test.ledger").password("a-long-enough-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/api/v1/partnerships").with(httpBasic("test.ledger", "a-long-enough-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void itIsGivenNoWorkOrMessageAndCountsAsNoAdministrator() throws Exception {
		UserView ledger = this.users.createServiceAccount("test.payments",
				new AccountDetails("Test payments feed", Set.of(Role.FINANCE), null));

		assertThat(this.recipients.of(Audience.roles(Role.FINANCE))).extracting(Recipient::username)
			.contains("finance")
			.doesNotContain("test.payments");
		assertThat(this.recipients.of(Audience.users("test.payments"))).isEmpty();
		assertThat(this.staff.enabledWith(Role.FINANCE)).extracting(StaffDirectory.StaffMember::id)
			.doesNotContain(ledger.id());
		// nor found as staff by its id (a partnership's responsible officer, say)
		assertThat(this.staff.find(ledger.id())).isEmpty();
		this.mvc.perform(get("/admin/users/new").with(as("admin")))
			.andExpect(content().string(allOf(containsString(">Fran Finance</option>"),
					not(containsString(">Test payments feed</option>")))));
	}

	@Test
	void itTakesNoAdministratorsRoleNoMailNoManagerAndNoPasswordEachSaidOnItsField() throws Exception {
		this.mvc
			.perform(post("/admin/users/service-accounts").with(as("admin"))
				.with(csrf())
				.param("username", "test.bad")
				.param("displayName", "")
				.param("roles", "ADMIN"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Enter what the account is for, such as Finance ledger"),
					containsString("A service account cannot be an Administrator"),
					containsString("value=\"test.bad\""))));
		this.mvc
			.perform(post("/admin/users/service-accounts").with(as("admin"))
				.with(csrf())
				.param("username", "test.reviewer")
				.param("displayName", "Test reviewer feed")
				.param("roles", "REVIEWER"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("that role holds no API token")));
		assertThat(this.users.exists("test.bad")).isFalse();

		UserView feed = this.users.createServiceAccount("test.feed",
				new AccountDetails("Test feed", Set.of(Role.OFFICER), null));
		this.mvc
			.perform(post("/admin/users/" + feed.id() + "/password").with(as("admin"))
				.with(csrf())
				.param("newPassword", "a-much-longer-password-for-it"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A service account never signs in, so it has no password")));
		this.mvc
			.perform(post("/admin/users/" + feed.id()).with(as("admin"))
				.with(csrf())
				.param("version", String.valueOf(feed.version()))
				.param("displayName", "Test feed")
				.param("email", "feed@example.org")
				.param("roles", "OFFICER"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A service account has no email address")));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(Principals.of(username, this.jdbc));
	}

}
