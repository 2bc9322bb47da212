package uk.opcc.cspgrants.demo;

import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.security.AccountDetails;
import uk.opcc.cspgrants.security.ApiTokens;
import uk.opcc.cspgrants.security.UserManagement;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * A service account as a force would make one for its finance ledger (issue 17): the
 * finance role, a read-only token for the nightly export made by the administrator. Added
 * once; the token's secret was shown to nobody, so a demonstration makes another.
 */
@Component
@Profile("demo")
@Order(12)
class ServiceAccountDemo implements ApplicationRunner {

	static final String USERNAME = "finance.ledger";

	private final UserManagement users;

	private final ApiTokens tokens;

	ServiceAccountDemo(UserManagement users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@Override
	public void run(ApplicationArguments args) {
		CurrentUser admin = this.users.principalOf("admin").orElse(null);
		if (admin == null || this.users.exists(USERNAME)) {
			return;
		}
		long ledger = this.users
			.createServiceAccount(USERNAME, new AccountDetails("Finance ledger", Set.of(Role.FINANCE), null))
			.id();
		this.tokens.create(ledger, "Nightly export of payments", "365", true, UUID.randomUUID(), admin);
	}

}
