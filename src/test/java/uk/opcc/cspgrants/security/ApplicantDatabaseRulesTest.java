package uk.opcc.cspgrants.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.support.ApplicantFixture;
import uk.opcc.cspgrants.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database refuses of applicants' accounts and sign-in links whatever connects
 * (V48), written in SQL as the application's role: a second account for an address in
 * other capitals, a link leading outside {@code /apply}, a link living more than an hour,
 * a stored token that is not a SHA-256, a link used after it expired, and no TRUNCATE.
 */
@IntegrationTest
class ApplicantDatabaseRulesTest {

	private static final String HASH = "0123456789abcdef".repeat(4);

	@Autowired
	JdbcTemplate jdbc;

	private long applicant;

	@BeforeEach
	void anApplicant() {
		this.applicant = ApplicantFixture.make(this.jdbc);
	}

	@AfterEach
	void remove() {
		ApplicantFixture.remove(this.jdbc);
	}

	@Test
	void oneAccountPerAddressWhateverItsCapitals() {
		long other = this.jdbc.queryForObject("insert into app_user (username, display_name, password_hash) "
				+ "values ('applicant.rules', 'x', 'x') returning id", Long.class);
		try {
			assertThatThrownBy(() -> this.jdbc.update(
					"insert into applicant_account (user_id, email, created_at) values (?, upper(?), now())", other,
					ApplicantFixture.EMAIL))
				.hasMessageContaining("applicant_account_email_once");
			assertThatThrownBy(() -> this.jdbc.update(
					"insert into applicant_account (user_id, email, created_at) values (?, 'not an address', now())",
					other))
				.hasMessageContaining("applicant_account_email_shape");
			assertThat(this.jdbc.update(
					"insert into applicant_account (user_id, email, created_at) "
							+ "values (?, ?, now()) on conflict do nothing",
					other, ApplicantFixture.EMAIL.toUpperCase()))
				.as("the insert that makes an account does nothing for a known address")
				.isZero();
		}
		finally {
			this.jdbc.update("delete from app_user where id = ?", other);
		}
	}

	@Test
	void aLinkLeadsUnderApplyLivesAnHourAtMostAndStoresOnlyAHash() {
		assertThatThrownBy(() -> link(HASH, "/admin/users", "30 minutes"))
			.hasMessageContaining("sign_in_link_next_is_apply");
		assertThatThrownBy(() -> link(HASH, "//evil.example/apply", "30 minutes"))
			.hasMessageContaining("sign_in_link_next_is_apply");
		assertThatThrownBy(() -> link(HASH, "/applyx", "30 minutes"))
			.hasMessageContaining("sign_in_link_next_is_apply");
		assertThatThrownBy(() -> link(HASH, "/apply", "61 minutes"))
			.hasMessageContaining("sign_in_link_lives_an_hour_at_most");
		assertThatThrownBy(() -> link(HASH.toUpperCase(), "/apply", "30 minutes"))
			.hasMessageContaining("sign_in_link_hash_shape");
		assertThatThrownBy(() -> link("A".repeat(43) + " ".repeat(21), "/apply", "30 minutes"))
			.hasMessageContaining("sign_in_link_hash_shape");
		link(HASH, "/apply/applications/1", "60 minutes");
		assertThatThrownBy(() -> this.jdbc
			.update("update sign_in_link set used_at = expires_at + interval '1 second' where token_hash = ?", HASH))
			.hasMessageContaining("sign_in_link_used_while_alive");
		assertThatThrownBy(() -> link(HASH, "/apply", "30 minutes")).hasMessageContaining("sign_in_link_pkey");
	}

	@Test
	void applicantsTablesRefuseTruncateAndTheApplicantRoleIsKnown() {
		for (String table : new String[] { "applicant_account", "sign_in_link", "sign_in_link_request" }) {
			assertThatThrownBy(() -> this.jdbc.execute("truncate " + table + " cascade"))
				.hasStackTraceContaining("permission denied for table " + table);
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from app_user_role where user_id = ? and role = 'APPLICANT'",
						Integer.class, this.applicant))
			.isEqualTo(1);
	}

	private void link(String hash, String next, String lifetime) {
		this.jdbc.update("insert into sign_in_link (token_hash, user_id, next_path, created_at, expires_at) "
				+ "values (?, ?, ?, now(), now() + cast(? as interval))", hash, this.applicant, next, lifetime);
	}

}
