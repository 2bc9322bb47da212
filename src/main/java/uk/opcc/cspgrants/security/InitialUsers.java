package uk.opcc.cspgrants.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.shared.Role;

/**
 * In production, the first administrator. The application refuses to start when there is
 * no administrator yet and no password for one in {@code CSP_GRANTS_ADMIN_PASSWORD}.
 */
@Component
@Profile("prod")
@Order(10)
class InitialUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

	private final UserManagement users;

	private final TransactionTemplate transaction;

	private final String username;

	private final String password;

	InitialUsers(UserManagement users, TransactionTemplate transaction,
			@Value("${csp-grants.initial-admin.username:admin}") String username,
			@Value("${csp-grants.initial-admin.password:}") String password) {
		this.users = users;
		this.transaction = transaction;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.anEnabledAdministratorExists()) {
			return;
		}
		if (this.password == null || this.password.isBlank()) {
			throw new IllegalStateException("There is no administrator yet. Set CSP_GRANTS_ADMIN_PASSWORD "
					+ "(at least 12 characters) to create the first one, then start again.");
		}
		this.transaction.executeWithoutResult(status -> this.users.create(this.username,
				new AccountDetails("Administrator", Set.of(Role.ADMIN), null), this.password));
		log.info("Created the first administrator, {}; change the password after signing in", this.username);
	}

}
