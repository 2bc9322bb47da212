package uk.opcc.cspgrants.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.StaffDirectory;

/** The accounts as the {@link StaffDirectory} other modules read: one query each. */
@Component
class Staff implements StaffDirectory {

	private static final String SELECT = """
			select u.id, u.display_name, u.enabled, array_remove(array_agg(r.role), null)
			from app_user u left join app_user_role r on r.user_id = u.id
			""";

	private final JdbcClient jdbc;

	Staff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<StaffMember> enabledWith(Role role) {
		return this.jdbc.sql(SELECT + """
				where u.enabled and not u.service_account
				  and exists (select 1 from app_user_role h where h.user_id = u.id and h.role = ?)
				group by u.id order by u.display_name, u.username
				""").param(role.name()).query((rs, n) -> member(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffMember> find(long id) {
		// a service account is a program's, never on the staff
		return this.jdbc.sql(SELECT + " where u.id = ? and not u.service_account group by u.id")
			.param(id)
			.query((rs, n) -> member(rs))
			.optional();
	}

	private static StaffMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) rs.getArray(4).getArray()).map(Role::valueOf).forEach(roles::add);
		return new StaffMember(rs.getLong(1), rs.getString(2), rs.getBoolean(3), roles);
	}

}
