package uk.opcc.cspgrants.security;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.LeastRecentlyUsed;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * API tokens: made by a user for themselves, or by an administrator for another account
 * (a service account for a finance ledger, say), once per press of "Create token" (the
 * form's key, {@code api_token_created_once}); the secret shown once and only its SHA-256
 * kept; revoked once ({@code revoked_at is null} in the update's {@code where}). A
 * request bearing a token acts as its user with the user's roles and partnership as they
 * are then; a revoked or expired token, or a user who may no longer sign in, is refused.
 * Making and revoking are audited; use is recorded as the token's last use, to the
 * minute.
 */
@Service
@Transactional
public class ApiTokens {

	static final String AUDIT_TYPE = "ApiToken";

	static final int DEFAULT_DAYS = 90;

	static final int MAX_DAYS = 365;

	/** The roles that may hold a token ({@link Role#holdsApiTokens()}), by name. */
	private static final List<String> MAY_HOLD = Arrays.stream(Role.values())
		.filter(Role::holdsApiTokens)
		.map(Role::name)
		.toList();

	private static final Duration LAST_USE_STEP = Duration.ofMinutes(1);

	/** How many presented tokens each node keeps (see {@link #presented}). */
	private static final int KEPT_TOKENS = 1024;

	private static final String COLUMNS = "t.id, t.user_id, u.username, u.display_name, t.name, t.token_prefix, "
			+ "t.read_only, t.created_at, t.created_by, t.expires_at, t.revoked_at, t.revoked_by, t.last_used_at, "
			+ "u.enabled";

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final ApplicationEventPublisher events;

	/**
	 * The tokens presented lately, by the SHA-256 of their secret, with their accounts:
	 * read at most once a second, and again at once after any change here (a revocation,
	 * an account disabled or given another role), so a busy client costs no query on most
	 * requests; on another node of a cluster such a change counts within the max age of
	 * {@code DataVersions}. Secrets that are no token are never kept.
	 */
	private final DataVersions.Keeper<String, Found> presented;

	/** When the last use of each token used lately was last written here. */
	private final LeastRecentlyUsed<Long, Instant> usesRecorded = new LeastRecentlyUsed<>(KEPT_TOKENS);

	private final SingleSignOnProperties signOn;

	ApiTokens(JdbcClient jdbc, AuditTrail auditTrail, Clock clock, ApplicationEventPublisher events,
			DataVersions versions, SingleSignOnProperties signOn) {
		this.signOn = signOn;
		this.presented = versions.keeper(KEPT_TOKENS);
		this.events = events;
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** A token just made, with its secret: shown once, never kept. */
	public record Created(ApiTokenView token, String secret) {

		/** Without the secret, should it ever be logged. */
		@Override
		public String toString() {
			return "Created[token=" + this.token + "]";
		}

	}

	/** The user a token acts as, and whether it may only read. */
	record Bearer(CurrentUser user, boolean readOnly) {
	}

	/**
	 * Makes a token for {@code userId} ({@code by} themselves, or anyone's by an
	 * administrator) from the form's answers; the same form key twice is refused.
	 */
	public Created create(long userId, String name, String days, boolean readOnly, UUID createKey, CurrentUser by) {
		if (userId != by.id() && !by.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only an administrator makes a token for someone else");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String label = (name == null) ? "" : name.strip();
		if (label.isEmpty()) {
			errors.put("name", "Enter what the token is for, such as the system that will use it");
		}
		else if (label.length() > 100) {
			errors.put("name", "What the token is for must be 100 characters or fewer");
		}
		int valid = DEFAULT_DAYS;
		String typedDays = (days == null) ? "" : days.strip();
		if (!typedDays.isEmpty()) {
			try {
				valid = Integer.parseInt(typedDays);
			}
			catch (NumberFormatException notANumber) {
				valid = -1;
			}
			if (valid < 1 || valid > MAX_DAYS) {
				errors.put("days", "Enter how many days the token works, a whole number from 1 to " + MAX_DAYS);
			}
		}
		if (createKey == null) {
			errors.put("name", "Create the token from its page");
		}
		Optional<String> holder = holder(userId);
		if (holder.isEmpty()) {
			errors.put("userId",
					"Choose the account the token acts as: a member of staff, a CSP manager or a service account");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		String secret = TokenSecret.generate(this.random);
		Instant now = this.clock.instant();
		Instant expires = now.plus(Duration.ofDays(valid));
		int validDays = valid;
		long id = DatabaseRefusal.orConflict(
				() -> this.jdbc
					.sql("""
							insert into api_token (user_id, name, token_hash, token_prefix, read_only, create_key, created_at,
							  created_by, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
					.params(userId, label, TokenSecret.hash(secret), TokenSecret.prefixOf(secret), readOnly, createKey,
							Timestamp.from(now), by.displayName(), Timestamp.from(expires))
					.query(Long.class)
					.single(),
				Map.of("api_token_created_once",
						"You pressed “Create token” more than once: the first press made the token and showed it once. "
								+ "If you did not copy it, revoke it and create another"));
		ApiTokenView token = find(id).orElseThrow();
		if (userId != by.id()) {
			// nobody is given a token that acts as them without being told
			this.events.publishEvent(new Notice("api-token-made-for-you:" + id, null, "api-token-made-for-you",
					Map.of("admin", by.displayName(), "name", label, "prefix", token.prefix(), "access",
							readOnly ? "read what you may read" : "read and change what you may", "expires",
							Dates.dayAndTime(expires)),
					"/account/tokens", Audience.users(token.username())));
		}
		this.auditTrail.record("CREATE_TOKEN", AUDIT_TYPE, id, null,
				Map.of("name", label, "prefix", token.prefix(), "user", holder.get(), "readOnly",
						readOnly ? "yes" : "no", "expiresAt", Dates.dayAndTime(expires), "days", validDays));
		return new Created(token, secret);
	}

	/** A user's own tokens, the newest first. */
	@Transactional(readOnly = true)
	public List<ApiTokenView> of(long userId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from api_token t join app_user u on u.id = t.user_id where t.user_id = ? order by t.id desc")
			.param(userId)
			.query(ApiTokens::view)
			.list();
	}

	/** Every token, the newest first, for administrators. */
	@Transactional(readOnly = true)
	public List<ApiTokenView> all() {
		return this.jdbc
			.sql("select " + COLUMNS + " from api_token t join app_user u on u.id = t.user_id " + "order by t.id desc")
			.query(ApiTokens::view)
			.list();
	}

	/**
	 * A token its owner (or an administrator) may see; another's is not found, exactly as
	 * one that does not exist.
	 */
	@Transactional(readOnly = true)
	public ApiTokenView get(long id, CurrentUser by) {
		return find(id).filter(token -> token.userId() == by.id() || by.has(Role.ADMIN))
			.orElseThrow(() -> new NotFoundException("There is no such API token of yours"));
	}

	/** Revokes a token, once: a second revocation is refused, naming who revoked it. */
	public ApiTokenView revoke(long id, CurrentUser by) {
		ApiTokenView token = get(id, by);
		Instant now = this.clock.instant();
		int revoked = this.jdbc
			.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(now), by.displayName(), id)
			.update();
		if (revoked == 0) {
			ApiTokenView already = find(id).orElseThrow();
			throw new ConflictException(null, "The API token “" + already.name() + "” was already revoked by "
					+ already.revokedBy() + " on " + Dates.dayAndTime(already.revokedAt()));
		}
		this.auditTrail.record("REVOKE_TOKEN", AUDIT_TYPE, id, null,
				Map.of("name", token.name(), "prefix", token.prefix(), "user", token.userName()));
		return find(id).orElseThrow();
	}

	/**
	 * The user a secret acts as, if it is a token that works now: not revoked, not
	 * expired, its user enabled and still in a role that may hold one (a staff account
	 * made a themed reviewer keeps no working token). Its last use is moved on at most
	 * once a minute, so that a busy client does not write on every request.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	Optional<Bearer> bearer(String secret) {
		if (!TokenSecret.wellFormed(secret)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String hash = TokenSecret.hash(secret);
		Found token = this.presented.get(hash,
				() -> this.jdbc.sql("""
						select t.id, t.read_only, t.expires_at, t.revoked_at, t.last_used_at, u.id, u.username,
						  u.display_name, u.enabled, u.partnership_id, u.organisation_id,
						  array(select r.role from app_user_role r where r.user_id = u.id),
						  (select s.last_signed_in_at from single_sign_on_account s where s.user_id = u.id)
						from api_token t join app_user u on u.id = t.user_id where t.token_hash = ?""")
					.param(hash)
					.query(ApiTokens::found)
					.optional()
					.orElse(null));
		if (token == null || token.revokedAt() != null || !now.isBefore(token.expiresAt()) || !token.user().isEnabled()
				|| !token.user().mayHoldApiTokens() || (token.providerSignInAt() != null
						&& !now.isBefore(token.providerSignInAt().plus(this.signOn.tokensNeedSignInWithin())))) {
			return Optional.empty();
		}
		Instant kept = this.usesRecorded.find(token.id());
		Instant recorded = (kept != null) ? kept : token.lastUsedAt();
		if (recorded == null || recorded.isBefore(now.minus(LAST_USE_STEP))) {
			this.jdbc
				.sql("update api_token set last_used_at = ? where id = ? and revoked_at is null "
						+ "and (last_used_at is null or last_used_at < ?)")
				.params(Timestamp.from(now), token.id(), Timestamp.from(now.minus(LAST_USE_STEP)))
				.update();
			this.usesRecorded.put(token.id(), now);
		}
		return Optional.of(new Bearer(token.user(), token.readOnly()));
	}

	/** An account an administrator may make a token for: its id, name and username. */
	public record Holder(long id, String name, String username) {
	}

	/** The accounts that may hold a token, by name. */
	@Transactional(readOnly = true)
	public List<Holder> holders() {
		return this.jdbc
			.sql("select u.id, u.display_name, u.username from app_user u where u.enabled "
					+ "and exists (select 1 from app_user_role r where r.user_id = u.id and r.role in ("
					+ String.join(", ", Collections.nCopies(MAY_HOLD.size(), "?"))
					+ ")) order by u.display_name, u.username")
			.params(MAY_HOLD)
			.query((rs, row) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The name of an account that may hold a token, if it is one. */
	private Optional<String> holder(long userId) {
		return holders().stream().filter(holder -> holder.id() == userId).map(Holder::name).findFirst();
	}

	private Optional<ApiTokenView> find(long id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from api_token t join app_user u on u.id = t.user_id where t.id = ?")
			.param(id)
			.query(ApiTokens::view)
			.optional();
	}

	private static ApiTokenView view(ResultSet rs, int row) throws SQLException {
		return new ApiTokenView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), instant(rs.getTimestamp(8)), rs.getString(9),
				instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12),
				instant(rs.getTimestamp(13)), rs.getBoolean(14));
	}

	/**
	 * A token as found, with its holder; {@code providerSignInAt} is when they last
	 * signed in through the organisation's provider, or null for a local account.
	 */
	private record Found(long id, boolean readOnly, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
			CurrentUser user, Instant providerSignInAt) {
	}

	private static Found found(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray(12);
		EnumSet<Role> held = EnumSet.noneOf(Role.class);
		for (String role : (String[]) roles.getArray()) {
			held.add(Role.valueOf(role));
		}
		CurrentUser user = new CurrentUser(rs.getLong(6), rs.getString(7), rs.getString(8), "", rs.getBoolean(9), held,
				rs.getObject(10, Long.class), rs.getObject(11, Long.class));
		return new Found(rs.getLong(1), rs.getBoolean(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
				instant(rs.getTimestamp(5)), user, instant(rs.getTimestamp(13)));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
