package uk.opcc.cspgrants.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.support.AtOnce;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second-factor secrets kept in plain text before V73 are sealed at the next start, each
 * once however many nodes start together, and their codes still sign in.
 */
@IntegrationTest
class SecondFactorSecretsSealedTest {

	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@Autowired
	SecondFactorSecretsSealed sealing;

	@Autowired
	SecondFactors factors;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	private long id;

	@AfterEach
	void forget() {
		this.jdbc.update("delete from second_factor where user_id = ?", this.id);
	}

	@Test
	void aSecretKeptInPlainTextIsSealedOnceAndItsCodesStillSignIn() throws Exception {
		this.id = this.users
			.create("plain.secret", new AccountDetails("Pat Plain", java.util.Set.of(Role.OFFICER), null),
					"a-long-enough-password")
			.id();
		this.jdbc.update(
				"insert into second_factor (user_id, secret, set_up_at, last_used_step) " + "values (?, ?, now(), 0)",
				this.id, SECRET);

		// nodes starting together
		List<List<Long>> sealed = AtOnce.run(20, this.sealing::sealAll);

		assertThat(sealed.stream().flatMap(List::stream).filter(user -> user == this.id)).hasSize(1);
		String kept = this.jdbc.queryForObject(
				"select coalesce(secret, '') || '|' || secret_sealed from second_factor where user_id = ?",
				String.class, this.id);
		assertThat(kept).startsWith("|v1.").doesNotContain(SECRET);
		CurrentUser pat = this.users.principalOf("plain.secret").orElseThrow();
		String code = new TotpCodes().codeAt(SECRET, Instant.now());
		assertThat(this.factors.signInWithCode(pat, code)).isEqualTo(SecondFactors.Outcome.ACCEPTED);
	}

}
