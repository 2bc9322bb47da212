package uk.opcc.cspgrants.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;
import uk.opcc.cspgrants.shared.notice.Notice;

/**
 * Applicants' accounts and their sign-in links. Asking for a link makes the address's
 * account if it has none (one per address, however many ask at once), then, within the
 * address's limit per hour, writes a link and sends it through the notifications outbox.
 * Using a link is one update that marks it used only if it is unused and alive, so a link
 * signs in exactly once, whoever presses at the same moment. The address is verified the
 * first time a link sent to it is used.
 */
@Service
public class ApplicantSignIn {

	static final String AUDIT_TYPE = "ApplicantAccount";

	static final String TEMPLATE = "applicant-sign-in";

	private final JdbcClient jdbc;

	private final UserAccountRepository users;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ApplicantProperties properties;

	private final Clock clock;

	ApplicantSignIn(JdbcClient jdbc, UserAccountRepository users, AuditTrail audit, ApplicationEventPublisher events,
			ApplicantProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends a sign-in link to an address (as {@link ApplicantEmail#read} reads it),
	 * making its account if it has none. Says nothing about whether the account was
	 * there.
	 * @param nextPath where the link leads once used, a path under {@code /apply}
	 * @param from the network address asking
	 * @return the link's token, or empty when the address has had its links for this
	 * hour, or the network address has asked for its links this hour (or the account
	 * cannot sign in), and nothing was sent
	 */
	@Transactional
	public Optional<String> sendLink(String address, String nextPath, String from) {
		Instant now = this.clock.instant();
		if (!withinTheHourlyLimitFrom(from, now) || !withinTheHourlyLimit(address, now)) {
			return Optional.empty();
		}
		long userId = accountOf(address, now);
		String username = this.jdbc.sql("select username from app_user where id = :id and enabled")
			.param("id", userId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (username == null) {
			return Optional.empty();
		}
		SignInToken token = SignInToken.create();
		Instant expires = SignInToken.expiresAt(now);
		this.jdbc.sql("""
				insert into sign_in_link (token_hash, user_id, next_path, created_at, expires_at)
				values (:hash, :user, :next, :now, :expires)
				""")
			.param("hash", token.hash())
			.param("user", userId)
			.param("next", NextPath.orHome(nextPath))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		this.events.publishEvent(new Notice(TEMPLATE + ":" + token.hash(), null, TEMPLATE,
				Map.of("expiresAt", Dates.dayAndTime(expires)), "/apply/link/" + token.token(),
				Audience.users(username)));
		return Optional.of(token.token());
	}

	/** What a link is now, without using it: for the page a link opens. */
	@Transactional(readOnly = true)
	public LinkState look(String token) {
		if (!SignInToken.wellFormed(token)) {
			return LinkState.UNKNOWN;
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select l.expires_at, l.used_at, u.enabled from sign_in_link l join app_user u on u.id = l.user_id
				where l.token_hash = :hash
				""").param("hash", SignInToken.hash(token)).query((rs, row) -> {
			Instant expires = rs.getTimestamp(1).toInstant();
			Timestamp used = rs.getTimestamp(2);
			if (used != null) {
				return LinkState.USED;
			}
			if (!rs.getBoolean(3)) {
				return LinkState.UNKNOWN;
			}
			return SignInToken.usable(expires, null, now) ? LinkState.USABLE : LinkState.EXPIRED;
		}).optional().orElse(LinkState.UNKNOWN);
	}

	/**
	 * Uses a link: exactly once in the database, only while alive and only for an account
	 * that may sign in. The address is verified, the sign-in audited, and the applicant
	 * becomes the signed-in person of this request's security context (the caller keeps
	 * it in a new session).
	 * @return who signed in and where the link leads, or empty when the link is unknown,
	 * used or expired ({@link #look} says which)
	 */
	@Transactional
	public Optional<SignedIn> use(String token) {
		if (!SignInToken.wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<Used> used = this.jdbc.sql("""
				update sign_in_link set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				  and exists (select 1 from app_user u where u.id = sign_in_link.user_id and u.enabled)
				returning user_id, next_path
				""")
			.param("now", Timestamp.from(now))
			.param("hash", SignInToken.hash(token))
			.query((rs, row) -> new Used(rs.getLong(1), rs.getString(2)))
			.optional();
		if (used.isEmpty()) {
			return Optional.empty();
		}
		long userId = used.get().userId();
		boolean firstTime = this.jdbc
			.sql("update applicant_account set verified_at = :now where user_id = :id and verified_at is null")
			.param("now", Timestamp.from(now))
			.param("id", userId)
			.update() == 1;
		CurrentUser applicant = this.users.findById(userId)
			.map(UserAccount::toCurrentUser)
			.filter(user -> user.isApplicant() && user.isEnabled())
			.orElseThrow(
					() -> new IllegalStateException("A sign-in link of user " + userId + " is not an applicant's"));
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(applicant, null,
				applicant.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("email", emailOf(userId));
		after.put("addressVerified", firstTime ? "now, by this link" : "already");
		this.audit.record("SIGN_IN", AUDIT_TYPE, userId, null, after);
		return Optional.of(new SignedIn(applicant, authentication, NextPath.orHome(used.get().nextPath())));
	}

	/** The address of an applicant, for their home page. */
	@Transactional(readOnly = true)
	public Optional<String> emailOf(CurrentUser applicant) {
		return this.jdbc.sql("select email from applicant_account where user_id = :id")
			.param("id", applicant.id())
			.query(String.class)
			.optional();
	}

	private String emailOf(long userId) {
		return this.jdbc.sql("select email from applicant_account where user_id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	/**
	 * Counts a request from a network address in its hour, as for an e-mail address; an
	 * unknown address counts as one.
	 */
	private boolean withinTheHourlyLimitFrom(String from, Instant now) {
		String key = (from == null || from.isBlank()) ? "unknown" : from.strip();
		int requests = this.jdbc
			.sql("""
					insert into sign_in_link_request_from (remote_address, window_started_at, requests) values (:key, :now, 1)
					on conflict (remote_address) do update set
					    requests = case when sign_in_link_request_from.window_started_at <= :hourAgo then 1
					        else least(sign_in_link_request_from.requests + 1, 1000000) end,
					    window_started_at = case when sign_in_link_request_from.window_started_at <= :hourAgo then :now
					        else sign_in_link_request_from.window_started_at end
					returning requests
					""")
			.param("key", key.length() > 64 ? key.substring(0, 64) : key)
			.param("now", Timestamp.from(now))
			.param("hourAgo", Timestamp.from(now.minus(java.time.Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		return requests <= this.properties.linksPerHourFromOneNetworkAddress();
	}

	/**
	 * Counts a request for the address in its hour (the first request of an hour starts
	 * it); true while the count is within the limit. One statement, so requests at the
	 * same moment are counted one after another.
	 */
	private boolean withinTheHourlyLimit(String address, Instant now) {
		int requests = this.jdbc.sql("""
				insert into sign_in_link_request (email_key, window_started_at, requests) values (:key, :now, 1)
				on conflict (email_key) do update set
				    requests = case when sign_in_link_request.window_started_at <= :hourAgo then 1
				        else least(sign_in_link_request.requests + 1, 1000000) end,
				    window_started_at = case when sign_in_link_request.window_started_at <= :hourAgo then :now
				        else sign_in_link_request.window_started_at end
				returning requests
				""")
			.param("key", ApplicantEmail.key(address))
			.param("now", Timestamp.from(now))
			.param("hourAgo", Timestamp.from(now.minus(java.time.Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		return requests <= this.properties.linksPerHour();
	}

	/**
	 * The applicant account of an address, made now if it has none, as asking for a
	 * sign-in link would make it (for the demo's applicants): its user id.
	 */
	@Transactional
	public long accountFor(String address) {
		return accountOf(address, this.clock.instant());
	}

	/**
	 * The id of the address's account, made now if it has none. Two requests for a new
	 * address at once both make a user, but only one account: the other's insert does
	 * nothing (the unique index on the address waits for the first to commit), and its
	 * user, never given a role, is removed again in the same transaction.
	 */
	private long accountOf(String address, Instant now) {
		Optional<Long> existing = existingAccount(address);
		if (existing.isPresent()) {
			return existing.get();
		}
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('app_user', 'id'))").query(Long.class).single();
		String username = "applicant." + id;
		this.jdbc.sql("""
				insert into app_user (id, username, display_name, password_hash, enabled, email, created_at, updated_at)
				overriding system value values (:id, :username, :name, :password, true, :email, :now, :now)
				""")
			.param("id", id)
			.param("username", username)
			.param("name", (address.length() <= 120) ? address : "Applicant")
			.param("password", UnusablePassword.hash())
			.param("email", address)
			.param("now", Timestamp.from(now))
			.update();
		int made = this.jdbc.sql("""
				insert into applicant_account (user_id, email, created_at) values (:id, :email, :now)
				on conflict do nothing
				""").param("id", id).param("email", address).param("now", Timestamp.from(now)).update();
		if (made == 0) {
			this.jdbc.sql("delete from app_user where id = :id").param("id", id).update();
			return existingAccount(address)
				.orElseThrow(() -> new IllegalStateException("The account of an address was there and is not"));
		}
		this.jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)")
			.param("id", id)
			.param("role", Role.APPLICANT.name())
			.update();
		this.audit.record("CREATE", AUDIT_TYPE, id, null, Map.of("username", username, "email", address));
		return id;
	}

	private Optional<Long> existingAccount(String address) {
		return this.jdbc.sql("select user_id from applicant_account where lower(email) = lower(:email)")
			.param("email", address)
			.query(Long.class)
			.optional();
	}

	/** What a sign-in link is now. */
	public enum LinkState {

		/** Unused and alive: it signs in once. */
		USABLE,
		/** Already used: each link signs in once. */
		USED,
		/** Not used in time. */
		EXPIRED,
		/** Not a link this service made, or its account can no longer sign in. */
		UNKNOWN

	}

	/** An applicant signed in by a link, and where it leads. */
	public record SignedIn(CurrentUser applicant, Authentication authentication, String nextPath) {
	}

	private record Used(long userId, String nextPath) {
	}

}
