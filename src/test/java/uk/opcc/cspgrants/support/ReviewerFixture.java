package uk.opcc.cspgrants.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Themed reviewers' accounts for tests: each holds the one role REVIEWER and the demo
 * password (so that a live application can sign them in). {@link #remove} takes away
 * their assignments' rows only with the rounds (see {@code RoundFixture}); remove the
 * rounds first.
 */
public final class ReviewerFixture {

	public static final String USERNAME = "reviewer.fixture";

	private ReviewerFixture() {
	}

	/** Makes a reviewer afresh; returns its user id. */
	public static long make(JdbcTemplate db, String username, String displayName) {
		remove(db, username);
		long id = db.queryForObject(
				"insert into app_user (username, display_name, password_hash, enabled, email, created_at, updated_at) "
						+ "select ?, ?, password_hash, true, ? || '@reviewers.example', now(), now() from app_user "
						+ "where username = 'officer' returning id",
				Long.class, username, displayName, username);
		db.update("insert into app_user_role (user_id, role) values (?, 'REVIEWER')", id);
		return id;
	}

	/** The matrix's reviewer. */
	public static long make(JdbcTemplate db) {
		return make(db, USERNAME, "Ria Reviewer");
	}

	public static void remove(JdbcTemplate db, String username) {
		db.update("delete from round_reviewer where user_id in (select id from app_user where username = ?)", username);
		db.update("delete from notification where username = ?", username);
		db.update("delete from app_user_role where user_id in (select id from app_user where username = ?)", username);
		db.update("delete from app_user where username = ?", username);
	}

}
