package uk.opcc.cspgrants.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * A person's own messages, every channel, newest first: what they were told by e-mail and
 * what was kept for them in CSP Grants. Messages cancelled before they were sent (the
 * work was done first) were never meant for reading, and a daily summary only repeats
 * messages listed here one by one, so neither is listed.
 */
@Component
public class MessageList {

	static final int PAGE_SIZE = 25;

	/** The rows a person sees: theirs, neither cancelled nor a digest of others. */
	private static final String MINE = " from notification where username = :username and status <> 'CANCELLED' "
			+ "and template <> '" + Digests.TEMPLATE + "'";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageRows rows;

	MessageList(JdbcClient jdbc, Clock clock, MessageRows rows) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rows = rows;
	}

	/** One page of the person's messages, and how many they have not read. */
	@Transactional(readOnly = true)
	public MessagePage pageFor(String username, int page) {
		long total = this.jdbc.sql("select count(*)" + MINE).param("username", username).query(Long.class).single();
		long unread = this.jdbc.sql("select count(*)" + MINE + " and read_at is null")
			.param("username", username)
			.query(Long.class)
			.single();
		MessagePaging paging = new MessagePaging(MessagePaging.clamp(page, PAGE_SIZE, total), PAGE_SIZE, total);
		List<Message> messages = this.jdbc
			.sql("select *" + MINE + " order by created_at desc, id desc limit :size offset :offset")
			.param("username", username)
			.param("size", PAGE_SIZE)
			.param("offset", paging.offset())
			.query(this.rows::message)
			.list();
		return new MessagePage(messages, paging, unread);
	}

	/**
	 * The newest unread messages of a person, at most {@code limit}, each knowing how
	 * many there are in all; one query, for the home page.
	 */
	@Transactional(readOnly = true)
	public Unread unread(String username, int limit) {
		List<Object[]> rows = this.jdbc
			.sql("select id, subject, count(*) over () as unread" + MINE
					+ " and read_at is null order by created_at desc, id desc limit :limit")
			.param("username", username)
			.param("limit", limit)
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("subject"), rs.getLong("unread") })
			.list();
		long count = rows.isEmpty() ? 0 : (long) rows.get(0)[2];
		return new Unread(count, rows.stream().map(row -> new Unread.Item((long) row[0], (String) row[1])).toList());
	}

	/**
	 * One of the person's messages, marked read the first time it is opened. Someone
	 * else's message is not found, as one that does not exist.
	 */
	@Transactional
	public Message open(String username, long id) {
		this.jdbc
			.sql("update notification set read_at = :now where id = :id and username = :username "
					+ "and read_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("username", username)
			.update();
		return this.jdbc.sql("select * from notification where id = :id and username = :username")
			.param("id", id)
			.param("username", username)
			.query(this.rows::message)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no such message among yours."));
	}

	/** Marks every unread message of the person as read; how many there were. */
	@Transactional
	public int markAllRead(String username) {
		return this.jdbc.sql("update notification set read_at = :now where username = :username and read_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("username", username)
			.update();
	}

	/** A page of messages. */
	public record MessagePage(List<Message> messages, MessagePaging paging, long unread) {
	}

	/** How many messages are unread, and the newest of them. */
	public record Unread(long count, List<Item> newest) {

		/** An unread message's id and subject. */
		public record Item(long id, String subject) {
		}

	}

}
