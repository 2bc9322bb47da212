package uk.opcc.cspgrants.notifications;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages written straight into the outbox for a test, under keys starting
 * {@value #PREFIX}, and removed again: the database is shared by every test.
 */
final class NotificationRows {

	static final String PREFIX = "test-notification-pages:";

	private final JdbcTemplate jdbc;

	NotificationRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A message for a demo user; returns its id. */
	long insert(String key, String username, String subject, String channel, String status, boolean digest,
			Instant createdAt) {
		String name = this.jdbc.queryForObject("select display_name from app_user where username = ?", String.class,
				username);
		return this.jdbc.queryForObject("insert into notification (message_key, about, template, username, "
				+ "recipient_name, email, channel, subject, body, link, digest, status, attempts, next_attempt_at, "
				+ "last_error, created_at) values (?, 'return:2024-25:Q2:LEI', 'return-due-soon', ?, ?, ?, ?, ?, ?, "
				+ "'/monitoring/returns/2024-25/Q2/LEI', ?, ?, ?, ?, ?, ?) returning id", Long.class, PREFIX + key,
				username, name, "EMAIL".equals(channel) ? username + "@example.org" : null, channel, subject,
				"Dear " + name + ",\n\n" + subject + ".\n\nOpen the return: https://csp-grants.example.org"
						+ "/monitoring/returns/2024-25/Q2/LEI",
				digest, status, "FAILED".equals(status) ? 5 : 0, Timestamp.from(createdAt),
				"FAILED".equals(status) ? "Connection refused by the mail server" : null, Timestamp.from(createdAt));
	}

	/**
	 * Removes this test's messages and the daily summaries of {@code digestDay}, putting
	 * back anyone else's messages a summary of that day took.
	 */
	void removeAll(String digestDay) {
		String digests = "select id from notification where message_key like 'daily-digest:%:" + digestDay + "'";
		this.jdbc.update("update notification set status = 'WAITING', digest_id = null where digest_id in (" + digests
				+ ") and message_key not like ?", PREFIX + "%");
		this.jdbc.update("delete from notification where message_key like ?", PREFIX + "%");
		this.jdbc.update("delete from notification where id in (" + digests + ")");
	}

}
