package uk.opcc.cspgrants.security;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.shared.Role;
import uk.opcc.cspgrants.shared.notice.Audience;

/**
 * The people an {@link Audience} names, as they are now: enabled accounts only, never a
 * service account (a program's), each person once, in name order. One query.
 */
@Component
public class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Recipient> of(Audience audience) {
		String[] users = audience.users().stream().map(String::toLowerCase).toArray(String[]::new);
		String[] roles = audience.roles().stream().map(Role::name).toArray(String[]::new);
		String[] managed = audience.cspManagersOf().toArray(String[]::new);
		String[] responsible = audience.officersResponsibleFor().toArray(String[]::new);
		String[] escalated = audience.managersOfOfficersResponsibleFor().toArray(String[]::new);
		return this.jdbc.sql("""
				with officer as (
				    -- the officer responsible for each partnership, or every OPCC officer where none is set
				    -- or the one set can no longer sign in
				    select p.code, coalesce(r.id, o.user_id) as user_id
				    from partnership p
				    left join app_user r on r.id = p.responsible_officer_id and r.enabled
				    left join app_user_role o on r.id is null and o.role = 'OFFICER'
				    where p.code = any(:responsible) or p.code = any(:escalated)
				), chosen as (
				    select u.id from app_user u where lower(u.username) = any(:users)
				    union
				    select r.user_id from app_user_role r where r.role = any(:roles)
				    union
				    select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'CSP_MANAGER'
				        join partnership p on p.id = u.partnership_id where p.code = any(:managed)
				    union
				    select o.user_id from officer o where o.code = any(:responsible)
				    union
				    -- the manager of each such officer, or every administrator where none is recorded or the
				    -- one recorded can no longer sign in
				    select coalesce(m.id, a.user_id) from officer o join app_user u on u.id = o.user_id
				        left join app_user m on m.id = u.manager_id and m.enabled
				        left join app_user_role a on m.id is null and a.role = 'ADMIN'
				        where o.code = any(:escalated)
				)
				select u.username, u.display_name, u.email from app_user u
				where u.enabled and not u.service_account and u.id in (select id from chosen where id is not null)
				order by u.display_name, u.username
				""")
			.param("users", users)
			.param("roles", roles)
			.param("managed", managed)
			.param("responsible", responsible)
			.param("escalated", escalated)
			.query((row, n) -> new Recipient(row.getString(1), row.getString(2), row.getString(3)))
			.list();
	}

}
