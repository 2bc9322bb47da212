package uk.opcc.cspgrants.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An applicant to a grant round made straight in the tables of V48, for tests that need
 * someone signed in as an applicant ({@code Principals.of}): the account
 * {@value #USERNAME} with the address {@value #EMAIL}, verified. Removed again with
 * everything written to it, so that a test on the shared database leaves nothing behind.
 */
public final class ApplicantFixture {

	public static final String USERNAME = "applicant.fixture";

	public static final String EMAIL = "applicant.fixture@applicants.example";

	private ApplicantFixture() {
	}

	/** Makes the applicant afresh; returns its user id. */
	public static long make(JdbcTemplate db) {
		remove(db);
		return make(db, USERNAME, EMAIL);
	}

	/** Makes another applicant, signed in once; returns its user id. */
	public static long make(JdbcTemplate db, String username, String email) {
		long id = db.queryForObject(
				"insert into app_user (username, display_name, password_hash, enabled, email, created_at, updated_at) "
						+ "values (?, ?, '{bcrypt}$2a$10$unusableunusableunusableunusableunusableunusableunusa', "
						+ "true, ?, now(), now()) returning id",
				Long.class, username, email, email);
		db.update("insert into app_user_role (user_id, role) values (?, 'APPLICANT')", id);
		db.update("insert into applicant_account (user_id, email, created_at, verified_at) values (?, ?, now(), now())",
				id, email);
		return id;
	}

	/** Removes the applicant and its links and messages. */
	public static void remove(JdbcTemplate db) {
		removeApplicants(db, "lower(email) = '" + EMAIL + "'");
	}

	/**
	 * Removes every applicant whose {@code applicant_account} row matches {@code where}
	 * (SQL of the test's own), with their links, messages and limits.
	 */
	public static void removeApplicants(JdbcTemplate db, String where) {
		java.util.List<Long> ids = db.queryForList("select user_id from applicant_account where " + where, Long.class);
		db.update("delete from sign_in_link_request where email_key in (select lower(email) from applicant_account "
				+ "where " + where + ")");
		for (long id : ids) {
			db.update("delete from notification where username = (select username from app_user where id = ?)", id);
			db.update("delete from sign_in_link where user_id = ?", id);
			db.update("delete from applicant_account where user_id = ?", id);
			db.update("delete from app_user_role where user_id = ?", id);
			db.update("delete from app_user where id = ?", id);
		}
	}

}
