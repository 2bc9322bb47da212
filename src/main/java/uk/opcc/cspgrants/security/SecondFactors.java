package uk.opcc.cspgrants.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The second factor of local accounts: setting it up (a secret shown once as a QR code,
 * confirmed by the first code, and ten recovery codes shown once), checking a code at
 * sign-in, and removing it. Each change is made once by the database: a factor is
 * confirmed by the one update that finds it unconfirmed, a code is accepted by the one
 * update that finds its 30-second step later than the last one accepted (so no code works
 * twice), a recovery code by the one that finds it unused. Codes are checked against the
 * real time, never the demo's clock: the phone keeps real time.
 */
@Service
public class SecondFactors {

	private static final String AUDIT_TYPE = AuditTrail.USER;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecondFactors.class);

	private final SecondFactorProperties properties;

	private final SecretSeal seal;

	private final SignInThrottle throttle;

	private final TotpCodes codes = new TotpCodes();

	private final Clock realTime;

	private final SignInEvents events;

	private final AccountNotices notices;

	private final SessionEnds sessionEnds;

	SecondFactors(JdbcClient jdbc, AuditTrail auditTrail, SecondFactorProperties properties, SignInThrottle throttle,
			SignInEvents events, AccountNotices notices, SessionEnds sessionEnds, SecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.sessionEnds = sessionEnds;
		this.events = events;
		this.notices = notices;
		this.auditTrail = auditTrail;
		this.properties = properties;
		this.throttle = throttle;
		this.realTime = Clock.systemUTC();
	}

	/** Whether the user's role requires a second factor. */
	public boolean required(CurrentUser user) {
		return this.properties.requiredOf(user);
	}

	/** Whether the user must give a code after their password: set up, or required. */
	@Transactional(readOnly = true)
	public boolean needed(CurrentUser user) {
		return required(user) || status(user.id()).setUp();
	}

	/** The user's second factor as their account page shows it. */
	@Transactional(readOnly = true)
	public Status status(long userId) {
		return this.jdbc
			.sql("""
					select f.set_up_at,
					       (select count(*) from recovery_code r where r.user_id = f.user_id and r.used_at is null) as left_,
					       f.recovery_version
					from second_factor f where f.user_id = :id
					""")
			.param("id", userId)
			.query((rs, row) -> new Status(true, rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3)))
			.optional()
			.orElse(new Status(false, null, 0, 0));
	}

	/**
	 * Finishes setting up with the first code from the app for the secret shown to this
	 * person (kept in their session until now): the ten recovery codes, shown this once.
	 * @throws ConflictException when a second factor was set up meanwhile
	 */
	@Transactional
	public List<String> confirm(CurrentUser user, String secret, String typed) {
		Instant now = this.realTime.instant();
		if (typed == null || typed.isBlank()) {
			throw new ValidationException("code", "Enter the 6-digit code your authenticator app shows now");
		}
		long step = this.codes.stepOf(secret, typed, now)
			.orElseThrow(() -> new ValidationException("code",
					"The code is not right: enter the 6 digits your authenticator app shows now"));
		int made = this.jdbc.sql("""
				insert into second_factor (user_id, secret_sealed, set_up_at, last_used_step)
				values (:id, :sealed, :now, :step)
				on conflict (user_id) do nothing
				""")
			.param("id", user.id())
			.param("sealed", this.seal.seal(user.id(), secret))
			.param("now", Timestamp.from(now))
			.param("step", step)
			.update();
		if (made == 0) {
			throw new ConflictException("code",
					"A second factor is already set up for this account: sign in with a code from the app");
		}
		List<String> recovery = recoveryCodesFor(user.id());
		this.auditTrail.record("SECOND_FACTOR_SET_UP", AUDIT_TYPE, user.id(), null,
				Map.of("recoveryCodes", recovery.size()));
		this.notices.secondFactorSetUp(user.getUsername(), now);
		return recovery;
	}

	/**
	 * Ten new recovery codes for the account, kept salted and hashed: shown this once.
	 */
	private List<String> recoveryCodesFor(long userId) {
		List<String> recovery = new ArrayList<>();
		while (recovery.size() < 10) {
			String code = recoveryCode();
			if (!recovery.contains(code)) {
				recovery.add(code);
				byte[] salt = new byte[16];
				RANDOM.nextBytes(salt);
				String saltHex = HexFormat.of().formatHex(salt);
				this.jdbc.sql("insert into recovery_code (user_id, code_hash, salt) values (:id, :hash, :salt)")
					.param("id", userId)
					.param("hash", hash(saltHex + code))
					.param("salt", saltHex)
					.update();
			}
		}
		return recovery;
	}

	/**
	 * Makes ten new recovery codes for the account, shown this once; the old ones, used
	 * or not, stop working. Once for the codes the page showed ({@code version}, from
	 * {@link Status#recoveryVersion()}): made again meanwhile, it is refused.
	 * @throws ConflictException when the codes were made again after the page was read,
	 * or the second factor is gone
	 */
	@Transactional
	public List<String> newRecoveryCodes(CurrentUser user, int version) {
		int moved = this.jdbc
			.sql("update second_factor set recovery_version = recovery_version + 1 "
					+ "where user_id = :id and recovery_version = :version")
			.param("id", user.id())
			.param("version", version)
			.update();
		if (moved == 0) {
			throw status(user.id()).setUp()
					? new ConflictException("codes",
							"Your recovery codes were made again after this page opened: the codes shown then are the "
									+ "ones that work")
					: new ConflictException("codes", "You have no second factor now, so no recovery codes");
		}
		this.jdbc.sql("delete from recovery_code where user_id = :id").param("id", user.id()).update();
		List<String> recovery = recoveryCodesFor(user.id());
		Instant now = this.realTime.instant();
		this.auditTrail.record("RECOVERY_CODES_MADE", AUDIT_TYPE, user.id(), null,
				Map.of("recoveryCodes", recovery.size()));
		this.notices.recoveryCodesMade(user.getUsername(), now);
		return recovery;
	}

	/**
	 * Checks the code typed after a right password, one check at a time per account (the
	 * account's row is locked first, so that codes sent at once are each checked after
	 * the failures before them are counted): the authenticator app's code of now, never
	 * one already accepted, or an unused recovery code (used up by this). A wrong code
	 * counts towards the lock-out; a right one ends it.
	 */
	@Transactional
	public Outcome signInWithCode(CurrentUser user, String typed) {
		String username = user.getUsername();
		if (!this.throttle.beginAttempt(username)) {
			return Outcome.LOCKED;
		}
		Optional<String> secret = secretOf(user.id());
		Outcome outcome = secret.isEmpty() ? Outcome.WRONG : check(user.id(), secret.get(), typed);
		if (outcome == Outcome.ACCEPTED) {
			this.throttle.succeeded(username);
		}
		else if (outcome == Outcome.ALREADY_USED) {
			// not audited: it is not counted, so someone with the password and a code
			// seen
			// could write refusals without end
			this.throttle.uncountAttempt(username);
		}
		else {
			boolean lockedNow = this.throttle.failedAttempt(username);
			this.events.refused(username, isRecoveryCode(typed) ? "a wrong recovery code" : "a wrong code", lockedNow);
			if (lockedNow) {
				return Outcome.LOCKED;
			}
		}
		return outcome;
	}

	/**
	 * The account's secret, opened; a secret the key cannot open is logged and its codes
	 * are wrong (its recovery codes still sign in, and an administrator can reset it).
	 * Empty when none is set up.
	 */
	private Optional<String> secretOf(long userId) {
		return this.jdbc.sql("select secret, secret_sealed from second_factor where user_id = :id")
			.param("id", userId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.map(kept -> {
				if (kept[1] == null) {
					return kept[0].strip();
				}
				return this.seal.open(userId, kept[1]).orElseGet(() -> {
					LOG.error(
							"The second-factor secret of user {} does not open with the key given "
									+ "(csp-grants.second-factor.secrets.key); was the key changed without keeping the "
									+ "old one in previous-keys? Their codes are refused; recovery codes still sign in",
							userId);
					return "";
				});
			});
	}

	private Outcome check(long userId, String secret, String typed) {
		if (isRecoveryCode(typed)) {
			String plain = typed.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "");
			String code = plain.substring(0, 5) + "-" + plain.substring(5);
			// each code is kept salted: the unused ones of the account are hashed with
			// their salts to find it (ten at most), then used up by an update that finds
			// it still unused, so it signs in once
			Optional<String> matching = this.jdbc
				.sql("select code_hash, salt from recovery_code where user_id = :id and used_at is null")
				.param("id", userId)
				.query((rs, row) -> new KeptCode(rs.getString(1), rs.getString(2)))
				.list()
				.stream()
				.filter(kept -> kept.matches(code))
				.map(KeptCode::hash)
				.findFirst();
			int used = matching.isEmpty() ? 0
					: this.jdbc.sql("""
							update recovery_code set used_at = :now
							where user_id = :id and code_hash = :hash and used_at is null
							""")
						.param("now", Timestamp.from(this.realTime.instant()))
						.param("id", userId)
						.param("hash", matching.get())
						.update();
			if (used == 0) {
				return Outcome.WRONG;
			}
			int left = status(userId).recoveryCodesLeft();
			this.auditTrail.record("RECOVERY_CODE_USED", AUDIT_TYPE, userId, null, Map.of("recoveryCodesLeft", left));
			this.notices.recoveryCodeUsed(usernameOf(userId), this.realTime.instant(), left);
			return Outcome.ACCEPTED;
		}
		OptionalLong step = secret.isEmpty() ? OptionalLong.empty()
				: this.codes.stepOf(secret, typed, this.realTime.instant());
		if (step.isEmpty()) {
			return Outcome.WRONG;
		}
		int accepted = this.jdbc.sql("""
				update second_factor set last_used_step = :step where user_id = :id and last_used_step < :step
				""").param("step", step.getAsLong()).param("id", userId).update();
		return (accepted == 1) ? Outcome.ACCEPTED : Outcome.ALREADY_USED;
	}

	/**
	 * Removes a user's second factor: they set up a new one at their next sign-in if
	 * their role requires one. By the user (only when their role does not require one) or
	 * an administrator (a lost phone and lost recovery codes).
	 */
	@Transactional
	public void remove(long userId, CurrentUser actor, boolean allowedWhileRequired) {
		if (actor.id() == userId && !allowedWhileRequired && required(actor)) {
			throw new ValidationException("form",
					"Your role needs a second factor, so it cannot be turned off. Ask an administrator to reset it if you have lost your phone");
		}
		this.jdbc.sql("delete from recovery_code where user_id = :id").param("id", userId).update();
		int removed = this.jdbc.sql("delete from second_factor where user_id = :id").param("id", userId).update();
		if (removed == 0) {
			throw new ConflictException("form", "There is no second factor set up for this account now");
		}
		if (actor.id() != userId) {
			// reset by an administrator (a lost or stolen phone): the sessions signed in
			// with it end
			// a new version, so that a change of the account saved from an older read is
			// refused rather than putting back the old value; never moved back
			this.jdbc
				.sql("update app_user set sessions_ended_at = greatest(coalesce(sessions_ended_at, :at), :at), "
						+ "session_kept_hash = null, version = version + 1 where id = :id")
				.param("at", Timestamp.from(this.realTime.instant()))
				.param("id", userId)
				.update();
			this.sessionEnds.alsoOnceCommitted(userId);
		}
		this.auditTrail.record("SECOND_FACTOR_REMOVED", AUDIT_TYPE, userId, Map.of("secondFactor", "set up"),
				Map.of("secondFactor", "none", "by", actor.displayName()));
		this.notices.secondFactorRemoved(usernameOf(userId), (actor.id() != userId) ? actor.displayName() : null,
				this.realTime.instant());
	}

	private String usernameOf(long userId) {
		return this.jdbc.sql("select username from app_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	/**
	 * Whether what was typed is shaped like a recovery code (ten letters and digits, with
	 * a letter, the dash optional) rather than the app's six digits.
	 */
	static boolean isRecoveryCode(String typed) {
		String normalised = (typed == null) ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
		return normalised.matches("[a-z2-9]{5}-?[a-z2-9]{5}") && normalised.matches(".*[a-z].*");
	}

	/**
	 * A recovery code as kept: its hash, and its salt (none for codes made before V70).
	 */
	private record KeptCode(String hash, String salt) {

		boolean matches(String code) {
			String candidate = (this.salt != null) ? SecondFactors.hash(this.salt + code) : SecondFactors.hash(code);
			return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII),
					this.hash.getBytes(StandardCharsets.US_ASCII));
		}

	}

	static String hash(String recoveryCode) {
		return Sha256.hex(recoveryCode);
	}

	/**
	 * Ten characters easy to read and type ({@code k7m2p-x9qa4}), about 49 bits: kept
	 * salted (ASVS 2.6.2).
	 */
	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	/** What a code typed at sign-in did. */
	public enum Outcome {

		/** Right: signed in. */
		ACCEPTED,
		/** The app's right code, but already used (pressed twice, or seen by someone). */
		ALREADY_USED,
		/** Not the code. */
		WRONG,
		/** The username is locked by too many failures. */
		LOCKED

	}

	/** A new secret for setting up, shown once to the person setting it up. */
	static String newSecret() {
		return TotpCodes.newSecret();
	}

	/**
	 * A user's second factor.
	 *
	 * @param setUp whether one is set up
	 * @param since when it was
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record Status(boolean setUp, Instant since, int recoveryCodesLeft, int recoveryVersion) {

	}

}
