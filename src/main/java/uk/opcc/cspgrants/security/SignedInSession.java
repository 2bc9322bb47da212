package uk.opcc.cspgrants.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * When a session was signed in, on the real clock, and the rules that end it (OWASP ASVS
 * 3.3): at most {@code csp-grants.sessions.absolute-timeout} after signing in however
 * busy it is (the idle timeout is the servlet session's), at once when the account is
 * disabled or an administrator ends its sessions (a new password, a second factor reset),
 * and with the account's roles, partnership and organisation as they are now, not as they
 * were at sign-in; but a role that needs a second factor is not taken on by a session
 * signed in without one: it signs in again. {@code secondFactor}: whether the sign-in
 * asked for one (or was at the organisation's provider, whose id token showed it asked
 * for one: {@link ProviderSecondFactorProperties}). {@code recordId}: its row in
 * {@code signed_in_session} ({@link SessionRecords}), 0 when it has none; a session
 * signed out from another of its person's ends too.
 */
record SignedInSession(long userId, Instant at, boolean secondFactor, long recordId) implements Serializable {

	static final String ATTRIBUTE = SignedInSession.class.getName();

	/** What a session's next request meets. */
	enum Verdict {

		/** Goes on as it is. */
		KEEP,
		/**
		 * Goes on with the account's roles, partnership and organisation as they are now.
		 */
		REFRESH,
		/**
		 * Ended: the account is disabled or gone, or its sessions were ended after this.
		 */
		ENDED,
		/** Ended: its person signed it out from another of their sessions. */
		SIGNED_OUT_ELSEWHERE,
		/** Ended: signed in longer ago than the absolute timeout. */
		TIMED_OUT

	}

	/**
	 * An account as it is now: what decides whether its sessions go on and with what
	 * roles.
	 */
	record Account(boolean enabled, Set<Role> roles, Long partnershipId, Long organisationId, Instant sessionsEndedAt,
			String sessionKeptHash, Set<Long> endedSessions, boolean passwordToChange) {

		Account {
			roles = Set.copyOf(roles);
			endedSessions = Set.copyOf(endedSessions);
		}

		Account(boolean enabled, Set<Role> roles, Long partnershipId, Long organisationId, Instant sessionsEndedAt,
				String sessionKeptHash, Set<Long> endedSessions) {
			this(enabled, roles, partnershipId, organisationId, sessionsEndedAt, sessionKeptHash, endedSessions, false);
		}

		Account(boolean enabled, Set<Role> roles, Long partnershipId, Long organisationId, Instant sessionsEndedAt) {
			this(enabled, roles, partnershipId, organisationId, sessionsEndedAt, null, Set.of());
		}

		/**
		 * Whether the session with this id is the one that ended the others and goes on
		 * (its person changed the password in it).
		 */
		boolean keeps(String sessionId) {
			return this.sessionKeptHash != null && this.sessionKeptHash.equals(hashOf(sessionId));
		}

	}

	/**
	 * The SHA-256 of a session id, in hex: what the account keeps of the session that
	 * goes on.
	 */
	static String hashOf(String sessionId) {
		return Sha256.hex(sessionId);
	}

	/**
	 * The session's sign-in as recorded, or {@code now} recorded as it (with no second
	 * factor): for a session signed in before sessions were timed, or by someone else
	 * before (a second sign-in in the same browser).
	 */
	static SignedInSession of(HttpSession session, long userId, Instant now) {
		if (session.getAttribute(ATTRIBUTE) instanceof SignedInSession recorded && recorded.userId() == userId) {
			return recorded;
		}
		return started(session, userId, now, false, 0);
	}

	/** The record of the session signed in to {@code session}, 0 when it has none. */
	static long recordIn(HttpSession session) {
		return (session != null && session.getAttribute(ATTRIBUTE) instanceof SignedInSession signedIn)
				? signedIn.recordId() : 0;
	}

	/**
	 * Records that {@code userId} signed in to this session {@code now}, its row being
	 * {@code recordId} (0 for none).
	 */
	static SignedInSession started(HttpSession session, long userId, Instant now, boolean secondFactor, long recordId) {
		SignedInSession started = new SignedInSession(userId, now, secondFactor, recordId);
		session.setAttribute(ATTRIBUTE, started);
		return started;
	}

	/**
	 * What this session meets at {@code now} for {@code inSession} (the account as the
	 * session holds it) given {@code account} as it is now ({@code null} when it is gone)
	 * and the roles that need a second factor.
	 */
	Verdict check(CurrentUser inSession, Account account, Instant now, Duration absoluteTimeout,
			Set<Role> secondFactorRoles) {
		if (!now.isBefore(this.at.plus(absoluteTimeout))) {
			return Verdict.TIMED_OUT;
		}
		if (account == null || !account.enabled()
				|| (account.sessionsEndedAt() != null && !this.at.isAfter(account.sessionsEndedAt()))) {
			return Verdict.ENDED;
		}
		if (this.recordId != 0 && account.endedSessions().contains(this.recordId)) {
			return Verdict.SIGNED_OUT_ELSEWHERE;
		}
		boolean same = inSession.roles().equals(account.roles())
				&& Objects.equals(inSession.partnershipId(), account.partnershipId())
				&& Objects.equals(inSession.organisationId(), account.organisationId());
		if (same) {
			return Verdict.KEEP;
		}
		boolean needsSecondFactor = account.roles().stream().anyMatch(secondFactorRoles::contains);
		return (needsSecondFactor && !this.secondFactor) ? Verdict.ENDED : Verdict.REFRESH;
	}

	/** The account held by the session, with the roles and links it has now. */
	static CurrentUser refreshed(CurrentUser inSession, Account account) {
		return new CurrentUser(inSession.id(), inSession.getUsername(), inSession.displayName(),
				inSession.getPassword(), true, account.roles(), account.partnershipId(), account.organisationId());
	}

}
