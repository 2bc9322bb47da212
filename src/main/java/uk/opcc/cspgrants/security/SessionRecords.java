package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.LeastRecentlyUsed;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * Each signed-in session as its person sees it on *Your sessions* (OWASP ASVS 3.3.4): the
 * browser and system, the network address, when it signed in and how, when it was last
 * used; and signing one out, or every other, from another. A session signed out here ends
 * at its next request ({@link SignedInSession#check}), on this node at once and on
 * another within a second. Writing a sign-in and moving on a last use (at most once a
 * minute) happen outside any transaction, so that neither counts as a change of what the
 * kept pages show.
 */
@Component
class SessionRecords {

	/** How often a session's last use is written. */
	static final Duration SEEN_STEP = Duration.ofMinutes(1);

	/**
	 * Rows of sessions signed in longer ago than this are forgotten at the next sign-in.
	 */
	private static final Duration FORGOTTEN_AFTER = Duration.ofDays(31);

	private static final int MOST_REMEMBERED = 10_000;

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final TransactionTemplate ending;

	private final Duration absoluteTimeout;

	private final Duration idleTimeout;

	/** When this node last wrote each session's last use. */
	private final LeastRecentlyUsed<Long, Instant> seenWritten = new LeastRecentlyUsed<>(MOST_REMEMBERED);

	SessionRecords(JdbcClient jdbc, AuditTrail auditTrail, PlatformTransactionManager transactions,
			@Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.ending = DataVersions.transactionOf(transactions, SessionRecords.class, "end");
		this.absoluteTimeout = absoluteTimeout;
		this.idleTimeout = idleTimeout;
	}

	/**
	 * Records that the account {@code userId} signed in to this request's session
	 * {@code how} ("a password"), and stamps the session with it.
	 */
	SignedInSession started(HttpServletRequest request, long userId, String how, boolean secondFactor) {
		Instant now = Instant.now();
		this.jdbc.sql("delete from signed_in_session where user_id = :id and signed_in_at < :forgotten")
			.param("id", userId)
			.param("forgotten", Timestamp.from(now.minus(FORGOTTEN_AFTER)))
			.update();
		long id = this.jdbc.sql("""
				insert into signed_in_session (user_id, signed_in_at, how, device, network_address, last_seen_at)
				values (:user, :now, :how, :device, :address, :now) returning id""")
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("how", shortened(how, 200))
			.param("device", shortened(Devices.describe(request.getHeader("User-Agent")), 200))
			.param("address", shortened(request.getRemoteAddr(), 100))
			.query(Long.class)
			.single();
		this.seenWritten.put(id, now);
		return SignedInSession.started(request.getSession(), userId, now, secondFactor, id);
	}

	/**
	 * A request of the recorded session {@code id} at {@code now}: its last use, once a
	 * minute.
	 */
	void seen(long id, Instant now) {
		Instant written = this.seenWritten.find(id);
		if (written != null && written.isAfter(now.minus(SEEN_STEP))) {
			return;
		}
		this.jdbc
			.sql("update signed_in_session set last_seen_at = :now where id = :id and ended_at is null "
					+ "and last_seen_at < :step")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("step", Timestamp.from(now.minus(SEEN_STEP)))
			.update();
		this.seenWritten.put(id, now);
	}

	/**
	 * The sessions of {@code userId} still signed in: not signed out or ended, not ended
	 * with all the others (a new password, say) unless it is {@code current}, used within
	 * the idle timeout and signed in within the absolute one. The current first, then the
	 * most recently used.
	 */
	List<SessionView> open(long userId, long current) {
		Instant now = Instant.now();
		return this.jdbc.sql("""
				select s.id, s.device, s.network_address, s.how, s.signed_in_at, s.last_seen_at
				from signed_in_session s join app_user u on u.id = s.user_id
				where s.user_id = :user and s.ended_at is null
				  and s.signed_in_at > :signedInSince and s.last_seen_at > :usedSince
				  and (s.id = :current or u.sessions_ended_at is null or s.signed_in_at > u.sessions_ended_at)
				order by s.id = :current desc, s.last_seen_at desc, s.id desc""")
			.param("user", userId)
			.param("signedInSince", Timestamp.from(now.minus(this.absoluteTimeout)))
			.param("usedSince", Timestamp.from(now.minus(this.idleTimeout)))
			.param("current", current)
			.query((rs, row) -> new SessionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getLong(1) == current))
			.list();
	}

	/**
	 * Signs out the session {@code id} of {@code user}, from another of theirs: it ends
	 * at its next request. Once: a session already signed out is refused, saying so.
	 */
	void end(CurrentUser user, long id, long current) {
		if (id == current) {
			throw new ConflictException("session", "That is this browser's session: use Sign out to end it");
		}
		String device = this.ending.execute(status -> {
			String ended = this.jdbc.sql("""
					update signed_in_session set ended_at = :now, ended_by = :by
					where id = :id and user_id = :user and ended_at is null returning device""")
				.param("now", Timestamp.from(Instant.now()))
				.param("by", "signed out by " + user.displayName() + " from another session")
				.param("id", id)
				.param("user", user.id())
				.query(String.class)
				.optional()
				.orElse(null);
			if (ended != null) {
				this.auditTrail.record("END_SESSION", AuditTrail.USER, user.id(), null,
						Map.of("session", id, "device", ended));
			}
			return ended;
		});
		if (device == null) {
			boolean exists = this.jdbc.sql("select count(*) from signed_in_session where id = :id and user_id = :user")
				.param("id", id)
				.param("user", user.id())
				.query(Long.class)
				.single() > 0;
			if (!exists) {
				throw new NotFoundException("You have no session " + id);
			}
			throw new ConflictException("session", "That session has already been signed out");
		}
	}

	/**
	 * Signs out every other session of {@code user} still signed in (those the page
	 * lists): how many there were. Once: when there is none (another request signed them
	 * out first, or the page was out of date) it is refused, saying so.
	 */
	int endOthers(CurrentUser user, long current) {
		Instant now = Instant.now();
		return this.ending.execute(status -> {
			int ended = this.jdbc.sql("""
					update signed_in_session s set ended_at = :now, ended_by = :by
					from app_user u
					where u.id = s.user_id and s.user_id = :user and s.id <> :current and s.ended_at is null
					  and s.signed_in_at > :signedInSince and s.last_seen_at > :usedSince
					  and (u.sessions_ended_at is null or s.signed_in_at > u.sessions_ended_at)""")
				.param("now", Timestamp.from(now))
				.param("signedInSince", Timestamp.from(now.minus(this.absoluteTimeout)))
				.param("usedSince", Timestamp.from(now.minus(this.idleTimeout)))
				.param("by", "signed out by " + user.displayName() + " with every other session")
				.param("user", user.id())
				.param("current", current)
				.update();
			if (ended == 0) {
				throw new ConflictException("session",
						"You have no other session to sign out: they have already been signed out or have ended");
			}
			this.auditTrail.record("END_OTHER_SESSIONS", AuditTrail.USER, user.id(), null, Map.of("sessions", ended));
			return ended;
		});
	}

	/**
	 * The session {@code id} goes on as if signed in at {@code at} (its person changed
	 * the password in it, ending every other).
	 */
	void restamped(long id, Instant at) {
		this.jdbc.sql("update signed_in_session set signed_in_at = :at where id = :id and signed_in_at < :at")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/** The session {@code id} was signed out by its own person. */
	void signedOut(long id) {
		this.jdbc
			.sql("update signed_in_session set ended_at = :now, ended_by = 'signed out' "
					+ "where id = :id and ended_at is null")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
	}

	private static String shortened(String text, int most) {
		if (text == null) {
			return null;
		}
		return (text.length() > most) ? text.substring(0, most) : text;
	}

	/** A session as its person sees it. */
	record SessionView(long id, String device, String networkAddress, String how, Instant signedInAt,
			Instant lastSeenAt, boolean current) {

	}

}
