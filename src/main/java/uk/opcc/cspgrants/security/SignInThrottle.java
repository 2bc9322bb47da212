package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * same count. A password's count is written outside any transaction (each statement on
 * its own, a caller's transaction set aside): it holds no row lock while the password is
 * checked, and is no change of what the kept pages show, so checking a program's HTTP
 * Basic password on every request does not make every kept table be read again.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	private final Clock clock;

	/**
	 * How long after the last password of a username began to be checked the count of
	 * those being checked is forgotten: left by a node that stopped mid-check (a check
	 * takes a fraction of a second).
	 */
	static final Duration CHECKING_FORGOTTEN_AFTER = Duration.ofSeconds(30);

	/**
	 * Timed by the real clock, as sessions are, never a demo's: a demo's clock starts
	 * again at each start, and a lock-out or a count of passwords being checked written
	 * before would otherwise last until it caught up.
	 */
	SignInThrottle(JdbcClient jdbc, SignInProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = Clock.systemUTC();
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

	/**
	 * Asks to check a password of the username now, counting it as being checked when it
	 * may be: refused while the username is locked, and while as many of its passwords
	 * are being checked as it has failures left before the lock-out (so that passwords
	 * sent at once are never more than that). One statement, so that no row stays locked
	 * and no connection stays held while the password is checked.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	Turn takeTurn(String username) {
		Instant now = this.clock.instant();
		int taken = this.jdbc.sql("""
				insert into sign_in_attempt (username, failed_count, checking, checking_since)
				values (:name, 0, 1, :now)
				on conflict (username) do update set
				  failed_count = case when sign_in_attempt.locked_until <= :now then 0
				    else sign_in_attempt.failed_count end,
				  locked_until = case when sign_in_attempt.locked_until <= :now then null
				    else sign_in_attempt.locked_until end,
				  checking = case when sign_in_attempt.checking_since < :forgotten then 0
				    else sign_in_attempt.checking end + 1,
				  checking_since = :now
				where (sign_in_attempt.locked_until is null or sign_in_attempt.locked_until <= :now)
				  and case when sign_in_attempt.locked_until <= :now then 0 else sign_in_attempt.failed_count end
				    + case when sign_in_attempt.checking_since < :forgotten then 0 else sign_in_attempt.checking end
				    < :allowed""")
			.param("name", key(username))
			.param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(now.minus(CHECKING_FORGOTTEN_AFTER)))
			.param("allowed", this.properties.maxFailedAttempts())
			.update();
		if (taken == 1) {
			return Turn.TAKEN;
		}
		if (lockedUntil(username).isPresent()) {
			return Turn.LOCKED;
		}
		// failures already at the allowance (it was lowered since they were counted) lock
		// it now, rather than leaving every password to wait for a turn that never comes
		int failures = this.jdbc.sql("select failed_count from sign_in_attempt where username = :name")
			.param("name", key(username))
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (failures >= this.properties.maxFailedAttempts()) {
			lock(username, now);
			return Turn.LOCKED;
		}
		return Turn.WAIT;
	}

	/**
	 * A password counted by {@link #takeTurn} was wrong: one more failure, and the lock
	 * when that uses up the allowance, in one statement (so that no turn is asked for
	 * between the two); whether this locked the username now (false when it was locked
	 * already).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	boolean checkedWrong(String username) {
		Instant now = this.clock.instant();
		Timestamp until = Timestamp.from(now.plus(this.properties.lockout()));
		return this.jdbc.sql("""
				insert into sign_in_attempt (username, failed_count, last_failed_at, locked_until)
				values (:name, 1, :now, case when 1 >= :allowed then cast(:until as timestamptz) end)
				on conflict (username) do update set
				  checking = greatest(sign_in_attempt.checking - 1, 0),
				  failed_count = sign_in_attempt.failed_count + 1,
				  last_failed_at = :now,
				  locked_until = case
				    when sign_in_attempt.failed_count + 1 >= :allowed
				      and (sign_in_attempt.locked_until is null or sign_in_attempt.locked_until <= :now)
				      then cast(:until as timestamptz)
				    else sign_in_attempt.locked_until end
				returning locked_until is not distinct from cast(:until as timestamptz)""")
			.param("name", key(username))
			.param("now", Timestamp.from(now))
			.param("allowed", this.properties.maxFailedAttempts())
			.param("until", until)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A password counted by {@link #takeTurn} was right: the failures start again from
	 * none, unless {@code keepFailures} (a second factor is still to come) or the
	 * username was locked meanwhile by passwords checked at the same time.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void checkedRight(String username, boolean keepFailures) {
		this.jdbc.sql("""
				update sign_in_attempt set checking = greatest(checking - 1, 0),
				  failed_count = case when :keep or locked_until > :now then failed_count else 0 end
				where username = :name""")
			.param("name", key(username))
			.param("keep", keepFailures)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** A password counted by {@link #takeTurn} could not be checked (a fault). */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void notChecked(String username) {
		this.jdbc.sql("update sign_in_attempt set checking = greatest(checking - 1, 0) where username = :name")
			.param("name", key(username))
			.update();
	}

	/** Whether a password may be checked now. */
	enum Turn {

		/** Counted as being checked: check it, then say how it went. */
		TAKEN,
		/** Locked after too many failures: not checked. */
		LOCKED,
		/** As many are being checked as there are failures left: wait and ask again. */
		WAIT

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

	/**
	 * The username's lock-out and failures end, in the caller's transaction: an
	 * administrator set a new password for it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void unlocked(String username) {
		startAgain(username);
	}

	/** A right attempt: the count starts again, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void succeeded(String username) {
		startAgain(username);
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

	/**
	 * A right sign-in: the count starts again, and a lock ends. The passwords being
	 * checked at that moment stay counted.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void recordSuccess(String username) {
		startAgain(username);
	}

	private void startAgain(String username) {
		this.jdbc.sql("update sign_in_attempt set failed_count = 0, locked_until = null where username = ?")
			.param(key(username))
			.update();
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
