package uk.opcc.cspgrants.security;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.identityprovider.IdentityProvider;
import uk.opcc.cspgrants.support.AtOnce;
import uk.opcc.cspgrants.support.CookieBrowser;
import uk.opcc.cspgrants.support.LiveApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single sign-on through a real OpenID Connect provider running in the test (Spring
 * Authorization Server, {@link IdentityProvider}): a person signs in at the provider, the
 * application checks the id token, makes their account, gives the roles the
 * administrators' mappings give their groups, and signs them out at both.
 */
class SingleSignOnTest {

	private static IdentityProvider provider;

	private static LiveApplication application;

	private static String base;

	@BeforeAll
	static void start() {
		ProviderAndApplication started = ProviderAndApplication.started();
		provider = started.provider();
		application = started.application();
		base = started.base();
	}

	@Test
	void theSignInPageOffersTheOrganisationsAccountBesideTheUsernameAndPassword() {
		CookieBrowser visitor = new CookieBrowser();
		HttpResponse<String> page = visitor.get(base + "/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in with your Leicestershire Police account")
			.contains("href=\"/oauth2/authorization/organisation\"")
			.contains("Or sign in with a username and password")
			.contains("name=\"password\"");
	}

	@Test
	void confirmingItIsYouAsksTheProviderForThePasswordAgain() {
		CookieBrowser visitor = new CookieBrowser();
		HttpResponse<String> signIn = visitor.get(base + "/oauth2/authorization/organisation");
		HttpResponse<String> confirming = visitor.get(base + "/oauth2/authorization/organisation?confirm");
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("prompt=");
		assertThat(confirming.headers().firstValue("Location").orElseThrow()).contains("prompt=login")
			.contains("max_age=0")
			.contains("client_id=");
	}

	@Test
	void someoneNoMappingMatchesSignsInWithNoRoleAndThePageSaysSo() {
		provider.person("nia", "nia-password", "Nia Patel", "nia.patel@leics.police.uk", List.of("grp-hr"));
		CookieBrowser nia = new CookieBrowser();
		HttpResponse<String> landed = signIn(nia, "nia", "nia-password");
		assertThat(landed.uri().getPath()).isEqualTo("/account/no-role");
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.body()).contains("You do not have a role yet").contains("Nia Patel");
		Map<String, Object> account = application.database()
			.queryForMap("select u.id, u.username, u.display_name, u.email, s.issuer from single_sign_on_account s "
					+ "join app_user u on u.id = s.user_id where s.subject = 'nia'");
		assertThat(account).containsEntry("display_name", "Nia Patel")
			.containsEntry("email", "nia.patel@leics.police.uk")
			.containsEntry("issuer", provider.issuer())
			.containsEntry("username", "sso." + account.get("id"));
		assertThat(application.database()
			.queryForObject("select count(*) from app_user_role where user_id = ?", Long.class, account.get("id")))
			.isZero();
		// nothing of the service is open to them, and their home is the page that says so
		assertThat(nia.get(base + "/grants").statusCode()).isEqualTo(403);
		assertThat(nia.get(base + "/").headers().firstValue("Location")).hasValue("/account/no-role");
		// nobody signs in to such an account with a password
		assertThatThrownBy(() -> new AccountLookup(application.bean(UserAccountRepository.class))
			.loadUserByUsername("sso." + account.get("id"))
			.getPassword()).isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void aMappedGroupGivesItsRoleSigningOutEndsBothSessionsAndAMappingSwitchedOffTakesTheRoleAwayAtOnce() {
		provider.person("fran", "fran-password", "Fran Okafor", "fran.okafor@leics.police.uk",
				List.of("grp-staff", "grp-finance-sso-test"));
		LiveApplication.Browser admin = application.signIn("admin");
		HttpResponse<String> added = admin.post("/admin/sign-in-mappings",
				Map.of("claim", "groups", "value", "grp-finance-sso-test", "role", "FINANCE", "partnershipCode", ""));
		assertThat(added.statusCode()).isEqualTo(302);
		long mapping = application.database()
			.queryForObject("select id from sign_in_mapping where claim_value = 'grp-finance-sso-test'", Long.class);

		CookieBrowser fran = new CookieBrowser();
		HttpResponse<String> home = signIn(fran, "fran", "fran-password");
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Fran Okafor");
		// her password and second factor are the provider's: the bar offers neither, but
		// her tokens
		assertThat(home.body()).contains("href=\"/account/tokens\"")
			.doesNotContain("href=\"/account/password\"")
			.doesNotContain("href=\"/account/second-factor\"");
		// finance's own page is open to her
		assertThat(fran.get(base + "/monitoring/payments").statusCode()).isEqualTo(200);
		// and so are her API tokens: the provider has just asked for her password
		// (auth_time)
		assertThat(fran.get(base + "/account/tokens").statusCode()).isEqualTo(200);
		long franId = application.database()
			.queryForObject("select user_id from single_sign_on_account where subject = 'fran'", Long.class);
		assertThat(application.database()
			.queryForList("select role from app_user_role where user_id = ?", String.class, franId))
			.containsExactly("FINANCE");
		assertThat(application.database()
			.queryForObject("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
					+ "and action = 'ROLES_FROM_SIGN_IN'", Long.class, String.valueOf(franId)))
			.isEqualTo(1);
		assertThat(application.database()
			.queryForList("select actor || ': ' || (after_json ->> 'how') from audit_event where entity_type = 'User' "
					+ "and entity_id = ? and action = 'SIGN_IN'", String.class, String.valueOf(franId)))
			.containsExactly(application.database()
				.queryForObject("select username from app_user where id = ?", String.class, franId)
					+ ": single sign-on (your Leicestershire Police account)");

		// signing out here signs out at the provider, which sends her back to the sign-in
		// page
		HttpResponse<String> signedOut = fran.follow(fran.post(base + "/logout", Map.of("_csrf", csrf(home.body()))));
		assertThat(signedOut.uri().toString()).isEqualTo(base + "/login?signedOut");
		assertThat(signedOut.body()).contains("You have signed out");
		assertThat(fran.get(base + "/monitoring/payments").statusCode()).isEqualTo(302);
		// and the provider asks for her password again
		HttpResponse<String> atProvider = fran.follow(fran.get(base + "/oauth2/authorization/organisation"));
		assertThat(atProvider.uri().getPath()).isEqualTo("/login");
		assertThat(atProvider.uri().getPort()).isNotEqualTo(application.port());

		// signed in again in another browser, which stays signed in
		CookieBrowser franElsewhere = new CookieBrowser();
		assertThat(signIn(franElsewhere, "fran", "fran-password").uri().getPath()).isEqualTo("/");
		assertThat(franElsewhere.get(base + "/monitoring/payments").statusCode()).isEqualTo(200);

		HttpResponse<String> list = admin.get("/admin/sign-in-mappings");
		assertThat(list.body()).contains("grp-finance-sso-test");
		long version = application.database()
			.queryForObject("select version from sign_in_mapping where id = ?", Long.class, mapping);
		assertThat(admin
			.post("/admin/sign-in-mappings/" + mapping + "/switch-off", Map.of("version", String.valueOf(version)))
			.statusCode()).isEqualTo(302);
		// at once, not only at her next sign-in: her API tokens act with the roles held
		// now
		assertThat(application.database()
			.queryForList("select role from app_user_role where user_id = ?", String.class, franId)).isEmpty();
		// and the session still signed in loses finance's pages at its next request
		assertThat(franElsewhere.get(base + "/monitoring/payments").statusCode()).isEqualTo(403);
		assertThat(franElsewhere.get(base + "/").headers().firstValue("Location")).hasValue("/account/no-role");

		HttpResponse<String> again = signIn(new CookieBrowser(), "fran", "fran-password");
		assertThat(again.uri().getPath()).isEqualTo("/account/no-role");
		assertThat(application.database()
			.queryForList("select role from app_user_role where user_id = ?", String.class, franId)).isEmpty();
		assertThat(application.database()
			.queryForObject("select count(*) from single_sign_on_account where subject = 'fran'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void switchingOffOneOfTwoMappingsThatGiveARoleLeavesItAndTheSecondTakesItAway() {
		provider.person("gwen", "gwen-password", "Gwen Two-Groups", "gwen@leics.police.uk",
				List.of("grp-fin-one", "grp-fin-two"));
		LiveApplication.Browser admin = application.signIn("admin");
		for (String group : List.of("grp-fin-one", "grp-fin-two")) {
			assertThat(admin
				.post("/admin/sign-in-mappings",
						Map.of("claim", "groups", "value", group, "role", "FINANCE", "partnershipCode", ""))
				.statusCode()).isEqualTo(302);
		}
		assertThat(signIn(new CookieBrowser(), "gwen", "gwen-password").uri().getPath()).isEqualTo("/");
		long gwenId = application.database()
			.queryForObject("select user_id from single_sign_on_account where subject = 'gwen'", Long.class);
		for (String group : List.of("grp-fin-one", "grp-fin-two")) {
			long mapping = application.database()
				.queryForObject("select id from sign_in_mapping where claim_value = ?", Long.class, group);
			assertThat(admin.post("/admin/sign-in-mappings/" + mapping + "/switch-off", Map.of("version", "0"))
				.statusCode()).isEqualTo(302);
			// the other mapping she matched still gives finance; once both are off,
			// nothing does
			assertThat(application.database()
				.queryForList("select role from app_user_role where user_id = ?", String.class, gwenId))
				.isEqualTo("grp-fin-one".equals(group) ? List.of("FINANCE") : List.of());
		}
	}

	@Test
	void aCspManagersMappingLinksTheirPartnershipAndConflictingMappingsGiveNothingAndSayWhy() {
		LiveApplication.Browser admin = application.signIn("admin");
		String code = application.database()
			.queryForObject("select code from partnership where active order by name limit 1", String.class);
		long partnershipId = application.database()
			.queryForObject("select id from partnership where code = ?", Long.class, code);
		assertThat(admin
			.post("/admin/sign-in-mappings",
					Map.of("claim", "groups", "value", "grp-csp-sso-test", "role", "CSP_MANAGER", "partnershipCode",
							code))
			.statusCode()).isEqualTo(302);
		assertThat(admin
			.post("/admin/sign-in-mappings",
					Map.of("claim", "groups", "value", "grp-officer-sso-test", "role", "OFFICER", "partnershipCode",
							""))
			.statusCode()).isEqualTo(302);

		provider.person("cam", "cam-password", "Cam Reid", "cam.reid@example.gov.uk", List.of("grp-csp-sso-test"));
		HttpResponse<String> cam = signIn(new CookieBrowser(), "cam", "cam-password");
		assertThat(cam.uri().getPath()).isEqualTo("/");
		assertThat(application.database()
			.queryForMap("select u.partnership_id, r.role from app_user u join app_user_role r on r.user_id = u.id "
					+ "join single_sign_on_account s on s.user_id = u.id where s.subject = 'cam'"))
			.containsEntry("partnership_id", partnershipId)
			.containsEntry("role", Role.CSP_MANAGER.name());

		provider.person("cam", "cam-password", "Cam Reid", "cam.reid@example.gov.uk",
				List.of("grp-csp-sso-test", "grp-officer-sso-test"));
		HttpResponse<String> both = signIn(new CookieBrowser(), "cam", "cam-password");
		assertThat(both.uri().getPath()).isEqualTo("/account/no-role");
		assertThat(both.body()).contains("both a CSP manager&#39;s role and an OPCC role");
		assertThat(application.database()
			.queryForObject("select partnership_id from app_user u join single_sign_on_account s on s.user_id = u.id "
					+ "where s.subject = 'cam'", Long.class))
			.isNull();
	}

	@Test
	void aMappingIsRefusedOnItsFieldsWithWhatWasTypedKept() {
		LiveApplication.Browser admin = application.signIn("admin");
		HttpResponse<String> refused = admin.post("/admin/sign-in-mappings", Map.of("claim", "groups claim", "value",
				"grp-typed-and-kept", "role", "CSP_MANAGER", "partnershipCode", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("There is a problem")
			.contains("letters, digits and . _ : / - only")
			.contains("Choose the partnership this CSP manager manages")
			.contains("value=\"grp-typed-and-kept\"");
	}

	@Test
	void twentyFirstSignInsAtOnceMakeOneAccount() throws Exception {
		ProviderAccounts accounts = application.bean(ProviderAccounts.class);
		Map<String, Object> claims = Map.of("sub", "twenty", "name", "Twenty At Once", "groups", List.of("grp-none"));
		List<Long> ids = AtOnce.run(20, () -> accounts.signIn(provider.issuer(), "twenty", claims).user().id());
		assertThat(ids).hasSize(20).containsOnly(ids.get(0));
		assertThat(application.database()
			.queryForObject("select count(*) from single_sign_on_account where subject = 'twenty'", Long.class))
			.isEqualTo(1);
		assertThat(application.database()
			.queryForObject("select count(*) from app_user where display_name = 'Twenty At Once'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void aMappingAddedTwentyTimesAtOnceIsAddedOnceAndSwitchedOffOnce() {
		LiveApplication.Browser admin = application.signIn("admin");
		List<HttpResponse<String>> adds = application.atOnce(20, i -> admin.post("/admin/sign-in-mappings", Map
			.of("claim", "roles", "value", "CspGrants.Commissioner", "role", "COMMISSIONER", "partnershipCode", "")));
		assertThat(LiveApplication.statuses(adds)).isEqualTo(Map.of(302, 1L, 409, 19L));
		assertThat(adds.stream().filter(response -> response.statusCode() == 409).findFirst().orElseThrow().body())
			.contains("There is already a mapping from this value of roles to Commissioner");
		long id = application.database()
			.queryForObject("select id from sign_in_mapping where claim_value = 'CspGrants.Commissioner'", Long.class);
		List<HttpResponse<String>> offs = application.atOnce(20,
				i -> admin.post("/admin/sign-in-mappings/" + id + "/switch-off", Map.of("version", "0")));
		assertThat(LiveApplication.statuses(offs)).isEqualTo(Map.of(302, 1L, 409, 19L));
		assertThat(application.database()
			.queryForObject("select count(*) from audit_event where entity_type = 'SIGN_IN_MAPPING' and entity_id = ? "
					+ "and action = 'SWITCH_OFF'", Long.class, String.valueOf(id)))
			.isEqualTo(1);
		List<HttpResponse<String>> ons = application.atOnce(20,
				i -> admin.post("/admin/sign-in-mappings/" + id + "/switch-on", Map.of("version", "1")));
		assertThat(LiveApplication.statuses(ons)).isEqualTo(Map.of(302, 1L, 409, 19L));
		assertThat(application.database()
			.queryForObject("select enabled from sign_in_mapping where id = ?", Boolean.class, id)).isTrue();
	}

	@Test
	void withLocalAccountsOffOnlyTheBreakGlassAdministratorSignsInWithAPassword() {
		AccountLookup lookup = new AccountLookup(application.bean(UserAccountRepository.class),
				new SingleSignOnProperties(false, List.of("Admin"), java.time.Duration.ofDays(30)));
		assertThat(lookup.loadUserByUsername("admin").getUsername()).isEqualTo("admin");
		assertThatThrownBy(() -> lookup.loadUserByUsername("finance")).isInstanceOf(UsernameNotFoundException.class);
	}

	private static String csrf(String page) {
		return CookieBrowser.csrf(page);
	}

	/**
	 * Starts at the application's "Sign in with ..." button, signs in at the provider and
	 * follows the redirects back: the page the application shows after.
	 */
	private static HttpResponse<String> signIn(CookieBrowser person, String username, String password) {
		HttpResponse<String> atProvider = person.follow(person.get(base + "/oauth2/authorization/organisation"));
		assertThat(atProvider.uri().getPath()).isEqualTo("/login");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", csrf(atProvider.body()));
		return person.follow(person.post(atProvider.uri().resolve("/login").toString(), fields));
	}

}
