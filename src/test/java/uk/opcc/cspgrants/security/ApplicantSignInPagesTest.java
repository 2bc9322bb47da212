package uk.opcc.cspgrants.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.shared.web.OpenRounds;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's sign-in pages in the demo profile with no mail service (as on a fresh
 * machine): the address is checked on its field with the GOV.UK error summary, hostile
 * text is shown escaped, the "check your email" page shows the link marked "Demo only"
 * (and only in the demo profile with no mail), a link that is not one gets a clear page,
 * an applicant is kept to the pages for applying and can never sign in with a password.
 */
@IntegrationTest
@Import(ApplicantSignInPagesTest.TwoOpenRounds.class)
class ApplicantSignInPagesTest {

	/** Two rounds open for applications, as the rounds module would list them. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TwoOpenRounds {

		@Bean
		@Primary
		OpenRounds twoOpenRounds() {
			return () -> List.of(
					new OpenRounds.OpenRound("PCCG-2026-27", "PCC Grant 2026-27",
							OffsetDateTime.parse("2027-01-29T12:00:00Z")),
					new OpenRounds.OpenRound("IF-2026-27", "Innovation Fund <2026-27>",
							OffsetDateTime.parse("2027-07-30T16:00:00Z")));
		}

	}

	private static final Pattern DEMO_LINK = Pattern.compile("href=\"(/apply/link/[A-Za-z0-9_-]{43})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccountRepository users;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Autowired
	uk.opcc.cspgrants.audit.AuditTrail audit;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	java.time.Clock clock;

	@Autowired
	SignInLinkHousekeeping housekeeping;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@BeforeEach
	@AfterEach
	void noApplicantsOfTheseTests() {
		ApplicantFixture.removeApplicants(this.jdbc, "email ilike '%@pages-test.example'");
		ApplicantFixture.remove(this.jdbc);
	}

	@Test
	void oneNetworkAddressIsSentAFewLinksAnHourWhateverTheEmailAddressesAndOldLinksAreCleared() {
		ApplicantSignIn service = new ApplicantSignIn(this.jdbcClient, this.users, this.audit, this.events,
				new ApplicantProperties(true, 5, 3), this.clock);
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				this.transactions);
		java.util.function.BiFunction<String, String, java.util.Optional<String>> threeAnHour = (email,
				from) -> transaction.execute(status -> service.sendLink(email, "/apply", from));
		this.jdbc.update(
				"delete from sign_in_link_request_from where remote_address in ('198.51.100.7', " + "'198.51.100.8')");
		for (int i = 1; i <= 3; i++) {
			assertThat(threeAnHour.apply("one" + i + "@pages-test.example", "198.51.100.7")).isPresent();
		}
		assertThat(threeAnHour.apply("four@pages-test.example", "198.51.100.7")).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from applicant_account where email = ?", Long.class,
				"four@pages-test.example"))
			.isZero();
		assertThat(threeAnHour.apply("four@pages-test.example", "198.51.100.8")).isPresent();

		this.jdbc.update("update sign_in_link set created_at = now() - interval '31 days 30 minutes', "
				+ "expires_at = now() - interval '31 days' where user_id = (select user_id from applicant_account "
				+ "where email = 'one1@pages-test.example')");
		this.jdbc.update("update sign_in_link_request_from set window_started_at = now() - interval '26 hours' "
				+ "where remote_address = '198.51.100.7'");
		SignInLinkHousekeeping.Cleared cleared = this.housekeeping.clear();
		assertThat(cleared.links()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_link l join applicant_account a "
				+ "on a.user_id = l.user_id where a.email like '%@pages-test.example'", Long.class))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForList(
				"select remote_address from sign_in_link_request_from " + "where remote_address like '198.51.100.%'",
				String.class))
			.containsExactly("198.51.100.8");
		this.jdbc.update("delete from sign_in_link_request_from where remote_address = '198.51.100.8'");
	}

	@Test
	void anAddressThatIsMissingOrWrongIsRefusedOnItsField() throws Exception {
		String blank = refused("   ");
		assertThat(blank).contains("There is a problem", "<a href=\"#email\">Enter your email address</a>",
				"govuk-form-group--error", "id=\"email-error\"", "<title>Error: Sign in to apply for a grant");
		assertThat(refused("jo.example.org"))
			.contains("Enter an email address in the correct format, like name@example.com");
		assertThat(refused("jo@example.org, al@example.org"))
			.contains("Enter an email address in the correct format, like name@example.com");
		assertThat(refused("a".repeat(250) + "@example.org")).contains("Email address must be 254 characters or fewer");
		String hostile = refused(HostileTextEverywhereTest.HOSTILE);
		assertThat(hostile).contains("value=\"" + HostileTextEverywhereTest.ESCAPED + "\"")
			.doesNotContain("<script>alert");
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_link_request where email_key like ?",
				Integer.class, "%<script>%"))
			.isZero();
	}

	@Test
	void withNoMailServiceTheDemoShowsTheLinkAndItSignsIn() throws Exception {
		String address = "demo@pages-test.example";
		MvcResult sent = this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", address))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(sent.getRequest().getSession(false)).as("asking for a link makes no session").isNull();
		String page = sent.getResponse().getContentAsString();
		assertThat(page).contains("Check your email", "Demo only", "Sign in with the link that was sent");
		Matcher link = DEMO_LINK.matcher(page);
		assertThat(link.find()).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select status from notification n join app_user u " + "on u.username = n.username where u.email = ?",
				String.class, address))
			.as("with no mail service the message is kept in the application")
			.isEqualTo("KEPT");

		MvcResult pressed = this.mvc.perform(post(link.group(1)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/apply"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) pressed.getRequest().getSession(false);
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/apply"));
		String home = this.mvc.perform(get("/apply").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains(address, "Grant rounds open for applications").doesNotContain("API documentation");
		this.mvc.perform(get("/apply/sign-in").session(session)).andExpect(redirectedUrl("/apply"));
		this.mvc.perform(post("/logout").with(csrf()).session(session))
			.andExpect(redirectedUrl("/apply/sign-in?signedOut"));
	}

	@Test
	void theLinkIsShownOnlyInTheDemoProfileWithNoMailService() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		assertThat(ApplicantSignInController.demoShowsLinks(demo, false)).isTrue();
		assertThat(ApplicantSignInController.demoShowsLinks(demo, true)).isFalse();
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThat(ApplicantSignInController.demoShowsLinks(prod, false)).isFalse();
		MockEnvironment both = new MockEnvironment();
		both.setActiveProfiles("demo", "prod");
		assertThat(ApplicantSignInController.demoShowsLinks(both, false)).isFalse();
		assertThat(ApplicantSignInController.demoShowsLinks(new MockEnvironment(), false)).isFalse();
	}

	@Test
	void aLinkThatIsNotOneGetsAClearPageOfferingANewOne() throws Exception {
		for (String token : new String[] { "A".repeat(43), "not-a-token", "A".repeat(44) }) {
			String page = this.mvc.perform(get("/apply/link/" + token))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("This link does not work", "Send me a new link");
			this.mvc.perform(post("/apply/link/" + token).with(csrf())).andExpect(status().isNotFound());
		}
		// no CSRF token
		this.mvc.perform(post("/apply/link/" + "A".repeat(43))).andExpect(status().isForbidden());
	}

	@Test
	void anApplicantIsKeptToThePagesForApplying() throws Exception {
		ApplicantFixture.make(this.jdbc);
		var applicant = user(Principals.of(ApplicantFixture.USERNAME, this.jdbc));
		this.mvc.perform(get("/").with(applicant)).andExpect(redirectedUrl("/apply"));
		this.mvc.perform(get("/apply").with(applicant)).andExpect(status().isOk());
		for (String staffPage : new String[] { "/partnerships", "/grants", "/allocations/mine", "/monitoring",
				"/rounds", "/admin/users", "/swagger-ui.html", "/notifications/settings",
				"/monitoring/organisations" }) {
			this.mvc.perform(get(staffPage).with(applicant)).andExpect(status().isForbidden());
		}
		for (String api : new String[] { "/api/v1/grants", "/api/v1/partnerships", "/api/v1/rounds",
				"/api/v1/returns/organisations" }) {
			this.mvc.perform(get(api).accept("application/json").with(applicant)).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/apply").with(user(Principals.of("officer", this.jdbc))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/apply")).andExpect(redirectedUrl("/apply/sign-in"));
		this.mvc.perform(get("/partnerships")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anApplicantNeverSignsInWithAPassword() {
		ApplicantFixture.make(this.jdbc);
		AccountLookup lookup = new AccountLookup(this.users);
		assertThatThrownBy(() -> lookup.loadUserByUsername(ApplicantFixture.USERNAME))
			.isInstanceOf(UsernameNotFoundException.class);
		assertThat(lookup.loadUserByUsername("officer").getUsername()).isEqualTo("officer");
	}

	private String refused(String email) throws Exception {
		return this.mvc.perform(post("/apply/sign-in").with(csrf()).param("email", email))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
