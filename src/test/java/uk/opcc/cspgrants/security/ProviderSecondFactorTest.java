package uk.opcc.cspgrants.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role that requires a second factor is given through the organisation's provider only
 * when its id token shows the provider asked for one ({@code amr} of RFC 8176, or a named
 * {@code acr}); otherwise no role at all, and the page says why.
 */
@IntegrationTest
class ProviderSecondFactorTest {

	private static final String ISSUER = "https://login.example/mfa-tenant";

	private static final String GROUP = "Test-Finance-Needing-A-Second-Factor";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccountRepository users;

	@Autowired
	SignInMappings mappings;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate template;

	@Test
	void financeThroughTheProviderNeedsItsSecondFactorShownAndWithoutItNoRoleAtAll() {
		SignInMappings.MappingView mapping = this.mappings.add(
				new SignInMappings.MappingForm("groups", GROUP, "FINANCE", null),
				Principals.of("admin", this.template));
		try {
			ProviderAccounts accounts = new ProviderAccounts(this.jdbc, this.users, this.mappings, this.auditTrail,
					this.clock, this.transactions, new SecondFactorProperties(Set.of(Role.FINANCE, Role.ADMIN)),
					new ProviderSecondFactorProperties(List.of("mfa"), List.of(), false));

			// in a transaction, as the service's own bean signs in
			TransactionTemplate inTransaction = new TransactionTemplate(this.transactions);
			ProviderAccounts.SignedIn withPasswordAlone = inTransaction
				.execute(status -> accounts.signIn(ISSUER, "fin-1", claims(List.of("pwd"))));
			assertThat(withPasswordAlone.user().roles()).isEmpty();
			assertThat(withPasswordAlone.problem()).contains("did not ask you for a second factor")
				.contains("CSP Grants needs for Finance");

			ProviderAccounts.SignedIn withMfa = inTransaction
				.execute(status -> accounts.signIn(ISSUER, "fin-1", claims(List.of("pwd", "mfa"))));
			assertThat(withMfa.user().roles()).containsExactly(Role.FINANCE);
			assertThat(withMfa.problem()).isNull();

			// nor through the API with the provider's access token that does not show one
			assertThat(accounts.presenting(ISSUER, "fin-1", claims(List.of("pwd"))).user().roles()).isEmpty();
			assertThat(accounts.presenting(ISSUER, "fin-1", claims(List.of("pwd", "mfa"))).user().roles())
				.containsExactly(Role.FINANCE);

			// and taken away again by the next sign-in without it
			assertThat(inTransaction.execute(status -> accounts.signIn(ISSUER, "fin-1", claims(List.of("pwd"))))
				.user()
				.roles()).isEmpty();
		}
		finally {
			SignInMappings.MappingView now = this.mappings.all()
				.stream()
				.filter(kept -> kept.id() == mapping.id())
				.findFirst()
				.orElseThrow();
			this.mappings.switchTo(now.id(), false, now.version(), Principals.of("admin", this.template));
		}
	}

	@Test
	void theClaimsThatShowASecondFactor() {
		ProviderSecondFactorProperties byDefault = new ProviderSecondFactorProperties(List.of("mfa"), List.of(), false);
		assertThat(byDefault.shownBy(Map.of("amr", List.of("pwd", "mfa")))).isTrue();
		assertThat(byDefault.shownBy(Map.of("amr", "mfa"))).isTrue();
		assertThat(byDefault.shownBy(Map.of("amr", List.of("pwd")))).isFalse();
		assertThat(byDefault.shownBy(Map.of())).isFalse();
		assertThat(byDefault.shownBy(Map.of("acr", "urn:okta:loa:2fa:any"))).isFalse();

		ProviderSecondFactorProperties byLevel = new ProviderSecondFactorProperties(List.of("mfa"),
				List.of("urn:okta:loa:2fa:any"), false);
		assertThat(byLevel.shownBy(Map.of("acr", "urn:okta:loa:2fa:any"))).isTrue();
		assertThat(byLevel.shownBy(Map.of("acr", "urn:okta:loa:1fa:any"))).isFalse();

		ProviderSecondFactorProperties trusted = new ProviderSecondFactorProperties(List.of("mfa"), List.of(), true);
		assertThat(trusted.shownBy(Map.of())).isTrue();
	}

	private static Map<String, Object> claims(List<String> amr) {
		return Map.of("name", "Fin Provider", "email", "fin.provider@opcc.example", "groups", List.of(GROUP), "amr",
				amr);
	}

}
