package uk.opcc.cspgrants.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * The administrator's view of the outbox: how many messages are in each status, every
 * message filtered by status and recipient, newest first, and sending a failed one again.
 */
@Component
public class OutboxAdmin {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageRows rows;

	OutboxAdmin(JdbcClient jdbc, AuditTrail audit, Clock clock, MessageRows rows) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.rows = rows;
	}

	/** How many messages there are in each status, every status listed. */
	@Transactional(readOnly = true)
	public Map<OutboxStatusWords, Long> counts() {
		Map<OutboxStatusWords, Long> counts = new EnumMap<>(OutboxStatusWords.class);
		for (OutboxStatusWords status : OutboxStatusWords.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from notification group by status").query(rs -> {
			counts.put(OutboxStatusWords.of(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	/** The people who have messages, by username, named, in order of their names. */
	@Transactional(readOnly = true)
	public Map<String, String> recipients() {
		Map<String, String> recipients = new LinkedHashMap<>();
		this.jdbc.sql("select username, max(recipient_name) as name from notification group by username order by 2, 1")
			.query(rs -> {
				recipients.put(rs.getString("username"), rs.getString("name"));
			});
		return recipients;
	}

	/** One page of the messages of a status and a recipient (either may be null: any). */
	@Transactional(readOnly = true)
	public OutboxPage find(OutboxStatusWords status, String username, int page) {
		String where = " where (cast(:status as varchar) is null or status = :status)"
				+ " and (cast(:username as varchar) is null or username = :username)";
		String statusName = (status != null) ? status.name() : null;
		String recipient = (username != null && !username.isBlank()) ? username : null;
		long total = this.jdbc.sql("select count(*) from notification" + where)
			.param("status", statusName)
			.param("username", recipient)
			.query(Long.class)
			.single();
		MessagePaging paging = new MessagePaging(MessagePaging.clamp(page, PAGE_SIZE, total), PAGE_SIZE, total);
		List<OutboxMessage> messages = this.jdbc
			.sql("select * from notification" + where + " order by created_at desc, id desc limit :size offset :offset")
			.param("status", statusName)
			.param("username", recipient)
			.param("size", PAGE_SIZE)
			.param("offset", paging.offset())
			.query(this::outboxMessage)
			.list();
		return new OutboxPage(messages, paging);
	}

	/** One message, whoever it is for. */
	@Transactional(readOnly = true)
	public OutboxMessage get(long id) {
		return this.jdbc.sql("select * from notification where id = :id")
			.param("id", id)
			.query(this::outboxMessage)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no message " + id + "."));
	}

	/**
	 * Sends a failed message again: waiting, no attempts yet, due now. Only from
	 * {@code FAILED} at the version the administrator saw, in the one update that does
	 * it; audited in the same transaction.
	 * @throws ConflictException when it is no longer failed, or changed since
	 */
	@Transactional
	public OutboxMessage sendAgain(long id, long version) {
		OutboxMessage before = get(id);
		int changed = this.jdbc
			.sql("update notification set status = 'WAITING', attempts = 0, next_attempt_at = :now, "
					+ "version = version + 1 where id = :id and status = 'FAILED' and version = :version")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			OutboxMessage now = get(id);
			throw new ConflictException("form", (now.failed())
					? "This message changed after you opened the page. Check it and choose send again once more."
					: "This message is no longer failed: it is now " + now.statusWords().words().toLowerCase()
							+ ". It may already have been sent again by someone else.");
		}
		this.audit.record("SEND_AGAIN", "Notification", id,
				Map.of("status", before.status(), "attempts", before.attempts(), "subject", before.subject(),
						"recipient", before.recipientName()),
				Map.of("status", "WAITING", "attempts", 0, "subject", before.subject(), "recipient",
						before.recipientName()));
		return get(id);
	}

	private OutboxMessage outboxMessage(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(masked(rs.getString("template"), this.rows.message(rs, row)), rs.getString("username"),
				rs.getString("recipient_name"), rs.getString("email"), rs.getString("template"), rs.getInt("attempts"),
				MessageRows.instant(rs, "next_attempt_at"), rs.getString("last_error"),
				rs.getString("cancelled_reason"), rs.getBoolean("digest"), (Long) rs.getObject("digest_id"),
				rs.getLong("version"));
	}

	/**
	 * The message as an administrator may read it: an applicant's sign-in link is a key
	 * to their account for as long as it lives, so its words and link are never shown
	 * here.
	 */
	static Message masked(String template, Message message) {
		if (!MASKED_TEMPLATES.contains(template)) {
			return message;
		}
		return new Message(message.id(), message.subject(), MASKED_BODY, null, null, message.channel(),
				message.status(), message.createdAt(), message.sentAt(), message.readAt());
	}

	/** Templates whose messages hold a link that signs its holder in. */
	static final java.util.Set<String> MASKED_TEMPLATES = java.util.Set.of("applicant-sign-in");

	static final String MASKED_BODY = "Not shown: this message holds a sign-in link, and anyone with the link could "
			+ "sign in as the person it was sent to.";

	/** A page of the outbox. */
	public record OutboxPage(List<OutboxMessage> messages, MessagePaging paging) {
	}

	/** A message as the administrator sees it. */
	public record OutboxMessage(Message message, String username, String recipientName, String email, String template,
			int attempts, Instant nextAttemptAt, String lastError, String cancelledReason, boolean digest,
			Long digestId, long version) {

		public String status() {
			return this.message.status();
		}

		public String subject() {
			return this.message.subject();
		}

		public OutboxStatusWords statusWords() {
			return OutboxStatusWords.of(status());
		}

		public boolean failed() {
			return "FAILED".equals(status());
		}

	}

}
