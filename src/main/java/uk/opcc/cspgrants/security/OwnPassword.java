package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.FieldRefusals;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * People change their own password (OWASP ASVS 2.1.5, 2.1.6): the current one first,
 * which counts towards the lock-out like a sign-in when wrong, then a new one that meets
 * the {@link PasswordPolicy}, typed twice. The new password is saved once, by an update
 * that names the account's version as the page read it; every other session of the
 * account ends, and the person is told ({@link AccountNotices}). Only for accounts that
 * sign in with a password here: someone who signs in through their organisation changes
 * it there.
 */
@Service
public class OwnPassword {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final PasswordAgain passwordAgain;

	private final AuditTrail auditTrail;

	private final AccountNotices notices;

	private final TransactionTemplate transaction;

	private final SessionEnds sessionEnds;

	OwnPassword(JdbcClient jdbc, PasswordEncoder passwordEncoder, PasswordAgain passwordAgain, AuditTrail auditTrail,
			AccountNotices notices, PlatformTransactionManager transactions, SessionEnds sessionEnds) {
		this.sessionEnds = sessionEnds;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.passwordAgain = passwordAgain;
		this.auditTrail = auditTrail;
		this.notices = notices;
		// named, so that what it commits counts as a change (the account kept a second
		// for the session check is read again at once)
		this.transaction = DataVersions.transactionOf(transactions, OwnPassword.class, "change");
	}

	/** The account as the page about its password reads it. */
	public Account account(CurrentUser user) {
		return this.jdbc.sql("""
				select u.version, u.password_changed_at, u.password_to_change,
				    exists (select 1 from single_sign_on_account s where s.user_id = u.id) as through_provider
				from app_user u where u.id = :id
				""")
			.param("id", user.id())
			.query((rs, row) -> new Account(rs.getLong("version"),
					(rs.getTimestamp("password_changed_at") != null)
							? rs.getTimestamp("password_changed_at").toInstant() : null,
					rs.getBoolean("through_provider"), rs.getBoolean("password_to_change")))
			.single();
	}

	/**
	 * Changes the password of the person signed in: when it is done, the moment every
	 * session signed in before it ends, but the one with {@code sessionId}, which goes on
	 * as if signed in again just after ({@link SignedInSessions}).
	 */
	public Instant change(CurrentUser user, String current, String next, String again, long expectedVersion,
			String sessionId, String networkAddress) {
		Account account = account(user);
		if (account.throughProvider()) {
			throw new ValidationException("currentPassword",
					"You sign in with your organisation's account, so your password is changed there, not here");
		}
		if (account.version() != expectedVersion) {
			// before the current password is checked: a form sent twice, or from a tab
			// opened before the password changed, is not a wrong password
			throw changedMeanwhile();
		}
		switch (this.passwordAgain.check(user, current, "changing the password")) {
			case EMPTY -> throw new ValidationException("currentPassword", "Enter your current password");
			case WRONG -> throw new ValidationException("currentPassword", "Your current password is not right");
			case LOCKED -> throw new ValidationException("currentPassword",
					"Too many wrong passwords have been typed for your account: try again in a few minutes");
			case BUSY -> throw new ValidationException("currentPassword",
					"Too many passwords for your account are being checked at once: try again in a minute");
			case RIGHT -> {
			}
		}
		if (current.equals(next)) {
			throw new ValidationException("newPassword", "The new password must be different from your current one");
		}
		FieldRefusals refusals = new FieldRefusals();
		String email = this.jdbc.sql("select email from app_user where id = :id")
			.param("id", user.id())
			.query(String.class)
			.optional()
			.orElse(null);
		refusals.check(() -> PasswordPolicy.check("newPassword", next,
				Arrays.asList(user.getUsername(), user.displayName(), email), current));
		if (!refusals.refused("newPassword") && !next.equals(again)) {
			refusals.add("confirmPassword", "The passwords do not match: type the new password again");
		}
		refusals.throwIfAny();
		String newHash = this.passwordEncoder.encode(next);
		return this.transaction.execute(status -> {
			// the moment is the database's, so that every node ends the same sessions
			Instant at = this.jdbc.sql("select clock_timestamp()")
				.query(Timestamp.class)
				.single()
				.toInstant()
				.truncatedTo(ChronoUnit.MICROS);
			int changed = this.jdbc.sql("""
					update app_user set password_hash = :hash, password_changed_at = :at, updated_at = :at,
					    sessions_ended_at = greatest(coalesce(sessions_ended_at, :at), :at), session_kept_hash = :kept,
					    password_to_change = false, version = version + 1
					where id = :id and version = :version
					""")
				.param("hash", newHash)
				.param("kept", SignedInSession.hashOf(sessionId))
				.param("at", Timestamp.from(at))
				.param("id", user.id())
				.param("version", expectedVersion)
				.update();
			if (changed == 0) {
				throw changedMeanwhile();
			}
			this.sessionEnds.alsoOnceCommitted(user.id());
			this.auditTrail.record("CHANGE_PASSWORD", AuditTrail.USER, user.id(), null,
					Map.of("networkAddress", networkAddress));
			this.notices.passwordChanged(user.getUsername(), null, at, networkAddress);
			return at;
		});
	}

	private static ConflictException changedMeanwhile() {
		return new ConflictException("currentPassword",
				"Your account was changed after this page opened (perhaps your password, in another tab): "
						+ "nothing was saved. Type your passwords again");
	}

	/**
	 * The account's password as its page shows it.
	 *
	 * @param version the account's version, sent back with the form
	 * @param changedAt when the password was last set, if known
	 * @param throughProvider whether the account signs in through the organisation's
	 * provider (and has no password here)
	 */
	public record Account(long version, Instant changedAt, boolean throughProvider, boolean toChange) {

	}

}
