package uk.opcc.cspgrants.support;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Role;

/**
 * The signed-in principal of a user in the test database, read straight from its tables.
 */
public final class Principals {

	private Principals() {
	}

	public static CurrentUser of(String username, JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"select id, display_name, password_hash, enabled, partnership_id, organisation_id from app_user "
						+ "where username = ?",
				(rs, row) -> {
					Set<Role> roles = EnumSet.noneOf(Role.class);
					jdbc.queryForList("select role from app_user_role where user_id = ?", String.class, rs.getLong(1))
						.forEach(role -> roles.add(Role.valueOf(role)));
					return new CurrentUser(rs.getLong(1), username, rs.getString(2), rs.getString(3), rs.getBoolean(4),
							roles, (Long) rs.getObject(5), (Long) rs.getObject(6));
				}, username);
	}

}
