package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.Usernames;

/**
 * Counts failed sign-ins per username typed, whether or not that user exists, and locks
 * the username after too many in a row. Kept in PostgreSQL so that every node sees the
 * same count.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** When the username's lock ends, if it is locked now. */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String username) {
		return this.jdbc.sql("select locked_until from sign_in_attempt where username = ?")
			.param(key(username))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter(until -> until.isAfter(this.clock.instant()));
	}

	/** Counts a failure; returns true when this failure locks the username. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(String username) {
		Instant now = this.clock.instant();
		return count(username, now).failures() >= this.properties.maxFailedAttempts() && lock(username, now);
	}

	/**
	 * Counts an attempt before it is checked, in the caller's transaction (the row stays
	 * locked until it ends, so attempts sent at once are counted and checked one after
	 * another): whether it may be checked at all. Refused when the username is locked, or
	 * when the attempts before it have used up the allowance.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean beginAttempt(String username) {
		Instant now = this.clock.instant();
		Counted counted = count(username, now);
		if (counted.lockedUntil() != null && counted.lockedUntil().toInstant().isAfter(now)) {
			return false;
		}
		if (counted.failures() > this.properties.maxFailedAttempts()) {
			lock(username, now);
			return false;
		}
		return true;
	}

	/**
	 * After an attempt counted by {@link #beginAttempt} failed: whether it found the
	 * allowance used up and locked the username now (false when it was locked already).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean failedAttempt(String username) {
		Integer failures = this.jdbc.sql("select failed_count from sign_in_attempt where username = :name")
			.param("name", key(username))
			.query(Integer.class)
			.optional()
			.orElse(0);
		return failures >= this.properties.maxFailedAttempts() && lock(username, this.clock.instant());
	}

	/**
	 * One more failure of the username, counted from one again once an old lock has
	 * ended: the count, and the lock still running if any.
	 */
	private Counted count(String username, Instant now) {
		return this.jdbc
			.sql("insert into sign_in_attempt (username, failed_count, last_failed_at) values (:name, 1, :now) "
					+ "on conflict (username) do update set failed_count = case "
					+ "when sign_in_attempt.locked_until is not null and sign_in_attempt.locked_until <= :now then 1 "
					+ "else sign_in_attempt.failed_count + 1 end, "
					+ "locked_until = case when sign_in_attempt.locked_until <= :now then null "
					+ "else sign_in_attempt.locked_until end, last_failed_at = :now "
					+ "returning failed_count, locked_until")
			.param("name", key(username))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Counted(rs.getInt(1), rs.getTimestamp(2)))
			.single();
	}

	private record Counted(int failures, Timestamp lockedUntil) {

	}

	/** An attempt counted by {@link #beginAttempt} that was neither right nor wrong. */
	@Transactional(propagation = Propagation.MANDATORY)
	void uncountAttempt(String username) {
		this.jdbc.sql("update sign_in_attempt set failed_count = greatest(failed_count - 1, 0) where username = :name")
			.param("name", key(username))
			.update();
	}

	/** A right attempt: the count starts again, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void succeeded(String username) {
		this.jdbc.sql("delete from sign_in_attempt where username = ?").param(key(username)).update();
	}

	/**
	 * Locks the username unless it is locked already: whether this locked it, so that one
	 * lock-out is told once however many failures find the count used up.
	 */
	private boolean lock(String username, Instant now) {
		return this.jdbc
			.sql("update sign_in_attempt set locked_until = ? where username = ? "
					+ "and (locked_until is null or locked_until <= ?)")
			.params(Timestamp.from(now.plus(this.properties.lockout())), key(username), Timestamp.from(now))
			.update() == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username) {
		this.jdbc.sql("delete from sign_in_attempt where username = ?").param(key(username)).update();
	}

	/**
	 * The username as {@link Usernames#normalise} reads it, so that the failures of every
	 * spelling that reaches an account are counted together.
	 */
	private static String key(String username) {
		String name = Usernames.normalise(username);
		return (name.length() > 255) ? name.substring(0, 255) : name;
	}

}
