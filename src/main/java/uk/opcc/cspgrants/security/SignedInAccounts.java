package uk.opcc.cspgrants.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.opcc.cspgrants.shared.DataVersions;
import uk.opcc.cspgrants.shared.Role;

/**
 * The accounts of the people signed in, as they are now, for {@link SignedInSessions}:
 * one indexed query, kept a second on this node (read again at once after any change
 * committed here), so a busy page costs no query for it and a change made on another node
 * counts within the second.
 */
@Component
class SignedInAccounts {

	private static final int KEPT_ACCOUNTS = 1024;

	private final JdbcClient jdbc;

	private final DataVersions.Keeper<Long, SignedInSession.Account> kept;

	/**
	 * A session still going was signed out, if at all, less than this ago (it was signed
	 * in less than this ago, or moved on when its person changed the password in it,
	 * which an ended session cannot do): older ends need not be read.
	 */
	private final Duration absoluteTimeout;

	SignedInAccounts(JdbcClient jdbc, DataVersions versions,
			@Value("${csp-grants.sessions.absolute-timeout:12h}") Duration absoluteTimeout) {
		this.jdbc = jdbc;
		this.absoluteTimeout = absoluteTimeout;
		this.kept = versions.keeper(KEPT_ACCOUNTS);
	}

	/** The account {@code userId} as it is now; {@code null} when there is none. */
	SignedInSession.Account now(long userId) {
		return this.kept.get(userId,
				() -> this.jdbc.sql("""
						select u.enabled, u.partnership_id, u.organisation_id, u.sessions_ended_at,
						  array(select r.role from app_user_role r where r.user_id = u.id), u.session_kept_hash,
						  array(select s.id from signed_in_session s where s.user_id = u.id and s.ended_at > ?),
						  u.password_to_change
						from app_user u where u.id = ?""")
					.param(Timestamp.from(Instant.now().minus(this.absoluteTimeout)))
					.param(userId)
					.query(SignedInAccounts::account)
					.optional()
					.orElse(null));
	}

	private static SignedInSession.Account account(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray(5);
		EnumSet<Role> held = EnumSet.noneOf(Role.class);
		for (String role : (String[]) roles.getArray()) {
			held.add(Role.valueOf(role));
		}
		Timestamp ended = rs.getTimestamp(4);
		Set<Long> endedSessions = new HashSet<>();
		for (Long id : (Long[]) rs.getArray(7).getArray()) {
			endedSessions.add(id);
		}
		return new SignedInSession.Account(rs.getBoolean(1), held, rs.getObject(2, Long.class),
				rs.getObject(3, Long.class), (ended != null) ? ended.toInstant() : null, rs.getString(6), endedSessions,
				rs.getBoolean(8));
	}

}
