package uk.opcc.cspgrants.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.support.LiveApplication;
import uk.opcc.identityprovider.IdentityProvider;

/**
 * Machine clients present the organisation's provider's access tokens (JWTs signed by the
 * provider running in the test, by the client credentials grant) to the API: the
 * signature, issuer, audience and expiry are checked by Spring Security's resource
 * server, and the client gets the roles the administrators' sign-in mappings give its
 * claims, as a person signing in does.
 */
class ProviderAccessTokenTest {

	private static IdentityProvider provider;

	private static LiveApplication application;

	@BeforeAll
	static void start() {
		ProviderAndApplication started = ProviderAndApplication.started();
		provider = started.provider();
		application = started.application();
	}

	@Test
	void aMachineClientReadsTheApiWithTheRoleItsClaimsAreMappedToUntilTheMappingIsSwitchedOff() {
		LiveApplication.Browser admin = application.signIn("admin");
		assertThat(admin
			.post("/admin/sign-in-mappings",
					Map.of("claim", "roles", "value", "CspGrants.Ledger", "role", "FINANCE", "partnershipCode", ""))
			.statusCode()).isEqualTo(302);
		provider.machineClient("finance-ledger", "ledger-secret", IdentityProvider.API_AUDIENCE,
				Map.of("roles", List.of("CspGrants.Ledger")));
		LiveApplication.Api ledger = application.apiWithToken(provider.accessToken("finance-ledger", "ledger-secret"));

		HttpResponse<String> weights = ledger.get("/api/v1/harm-weights");
		assertThat(weights.statusCode()).isEqualTo(200);
		assertThat(weights.body()).contains("Burglary");
		// finance may not change the partnerships
		HttpResponse<String> change = ledger.post("/api/v1/partnerships", "{}");
		assertThat(change.statusCode()).isEqualTo(403);
		long account = application.database()
			.queryForObject(
					"select user_id from single_sign_on_account where subject = 'finance-ledger' and issuer = ?",
					Long.class, provider.issuer());
		// the roles come from the token at each request and are not stored
		assertThat(application.database()
			.queryForObject("select count(*) from app_user_role where user_id = ?", Long.class, account)).isZero();
		assertThat(application.database()
			.queryForObject("select count(*) from audit_event where entity_type = 'User' and entity_id = ? "
					+ "and action = 'CREATE'", Long.class, String.valueOf(account)))
			.isEqualTo(1);

		long mapping = application.database()
			.queryForObject("select id from sign_in_mapping where claim_value = 'CspGrants.Ledger'", Long.class);
		assertThat(
				admin.post("/admin/sign-in-mappings/" + mapping + "/switch-off", Map.of("version", "0")).statusCode())
			.isEqualTo(302);
		HttpResponse<String> after = ledger.get("/api/v1/harm-weights");
		assertThat(after.statusCode()).isEqualTo(403);
		assertThat(after.body()).contains("The access token is valid, but gives no role here")
			.contains("sign-in mappings page");

		application.database().update("update app_user set enabled = false where id = ?", account);
		HttpResponse<String> disabled = ledger.get("/api/v1/harm-weights");
		assertThat(disabled.statusCode()).isEqualTo(401);
		assertThat(disabled.body()).contains("disabled by an administrator");
	}

	@Test
	void twentyFirstRequestsAtOnceMakeOneAccountAndAllAreAnswered() {
		LiveApplication.Browser admin = application.signIn("admin");
		admin.post("/admin/sign-in-mappings",
				Map.of("claim", "roles", "value", "CspGrants.Warehouse", "role", "OFFICER", "partnershipCode", ""));
		provider.machineClient("data-warehouse", "warehouse-secret", IdentityProvider.API_AUDIENCE,
				Map.of("roles", List.of("CspGrants.Warehouse")));
		LiveApplication.Api warehouse = application
			.apiWithToken(provider.accessToken("data-warehouse", "warehouse-secret"));
		List<HttpResponse<String>> reads = application.atOnce(20, i -> warehouse.get("/api/v1/harm-weights"));
		assertThat(LiveApplication.statuses(reads)).isEqualTo(Map.of(200, 20L));
		assertThat(application.database()
			.queryForObject("select count(*) from single_sign_on_account where subject = 'data-warehouse'", Long.class))
			.isEqualTo(1);
		assertThat(application.database()
			.queryForObject("select count(*) from app_user where username like 'sso.%' and id not in "
					+ "(select user_id from single_sign_on_account)", Long.class))
			.isZero();
	}

	@Test
	void aTokenForAnotherServiceOrNotTheProvidersOrNotMappedIsRefusedAndSaysWhy() {
		provider.machineClient("other-service", "other-secret", "api://another-service",
				Map.of("roles", List.of("CspGrants.Ledger")));
		HttpResponse<String> otherAudience = application
			.apiWithToken(provider.accessToken("other-service", "other-secret"))
			.get("/api/v1/harm-weights");
		assertThat(otherAudience.statusCode()).isEqualTo(401);
		assertThat(otherAudience.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
		assertThat(otherAudience.body()).contains("not be for this service");

		String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5IiwiaXNzIjoiaHR0cDovL2V2aWwifQ.c2lnbmF0dXJl";
		assertThat(application.apiWithToken(forged).get("/api/v1/harm-weights").statusCode()).isEqualTo(401);

		provider.machineClient("unmapped", "unmapped-secret", IdentityProvider.API_AUDIENCE,
				Map.of("roles", List.of("Something.Else")));
		HttpResponse<String> unmapped = application.apiWithToken(provider.accessToken("unmapped", "unmapped-secret"))
			.get("/api/v1/harm-weights");
		assertThat(unmapped.statusCode()).isEqualTo(403);
		assertThat(unmapped.body()).contains("No sign-in mapping gives its claims a role that may use the API");

		// this service's own tokens still answer as before
		HttpResponse<String> ownToken = application.apiWithToken("cspg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
			.get("/api/v1/harm-weights");
		assertThat(ownToken.statusCode()).isEqualTo(401);
		assertThat(ownToken.body()).contains("The API token is not valid");
	}

}
