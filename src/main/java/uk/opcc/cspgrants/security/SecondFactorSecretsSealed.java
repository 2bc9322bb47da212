package uk.opcc.cspgrants.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At each start, seals with the current key every second-factor secret kept in plain text
 * (before V73) or sealed with a previous key (after the key was changed, the old one kept
 * in {@code previous-keys}). Each row is changed only if it is still as it was read, so
 * nodes starting together seal each once. A secret that no key given opens is left as it
 * is and logged.
 */
@Component
class SecondFactorSecretsSealed implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(SecondFactorSecretsSealed.class);

	private final JdbcClient jdbc;

	private final SecretSeal seal;

	SecondFactorSecretsSealed(JdbcClient jdbc, SecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		sealAll();
	}

	/** Seals what needs it: the accounts whose secrets this sealed. */
	List<Long> sealAll() {
		List<Long> sealed = new java.util.ArrayList<>();
		List<Kept> kept = this.jdbc.sql("select user_id, secret, secret_sealed from second_factor")
			.query((rs, row) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (Kept secret : kept) {
			if (secret.plain() != null) {
				int changed = this.jdbc
					.sql("update second_factor set secret = null, secret_sealed = :sealed "
							+ "where user_id = :id and secret = :plain")
					.param("sealed", this.seal.seal(secret.userId(), secret.plain().strip()))
					.param("id", secret.userId())
					.param("plain", secret.plain())
					.update();
				if (changed == 1) {
					sealed.add(secret.userId());
				}
			}
			else if (this.seal.sealedWithAnOlderKey(secret.sealed())) {
				var opened = this.seal.open(secret.userId(), secret.sealed());
				if (opened.isEmpty()) {
					LOG.error(
							"The second-factor secret of user {} does not open with any key given "
									+ "(csp-grants.second-factor.secrets.key and previous-keys): left as it is",
							secret.userId());
					continue;
				}
				int changed = this.jdbc.sql(
						"update second_factor set secret_sealed = :sealed where user_id = :id and secret_sealed = :old")
					.param("sealed", this.seal.seal(secret.userId(), opened.get()))
					.param("id", secret.userId())
					.param("old", secret.sealed())
					.update();
				if (changed == 1) {
					sealed.add(secret.userId());
				}
			}
		}
		if (!sealed.isEmpty()) {
			LOG.info("Sealed {} second-factor secrets with the current key", sealed.size());
		}
		return sealed;
	}

	private record Kept(long userId, String plain, String sealed) {

	}

}
