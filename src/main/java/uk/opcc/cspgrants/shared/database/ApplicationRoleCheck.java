package uk.opcc.cspgrants.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which role the application connects to PostgreSQL as, and warns when
 * that role could act as the owner of the tables (it owns them, is a member of their
 * owner, or is a superuser): such a role can disable the triggers that guard the data.
 */
@Component
class ApplicationRoleCheck {

	private static final Logger log = LoggerFactory.getLogger(ApplicationRoleCheck.class);

	private final JdbcClient jdbc;

	ApplicationRoleCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhichRole() {
		Connected connected = this.jdbc.sql("""
				select current_user as role,
				       coalesce((select pg_has_role(current_user, c.relowner, 'USAGE') from pg_class c
				                 where c.oid = to_regclass('public.audit_event')), false) as acts_as_owner
				""").query(Connected.class).single();
		if (connected.actsAsOwner()) {
			log.warn("The application connects to PostgreSQL as {}, which owns the tables (or is a member of their "
					+ "owner, or a superuser): it could alter or disable the triggers that guard the data. Connect as "
					+ "a role that owns nothing and let Flyway migrate as the owner (README, Database roles).",
					connected.role());
		}
		else {
			log.info("The application connects to PostgreSQL as {}, a role that owns nothing", connected.role());
		}
	}

	record Connected(String role, boolean actsAsOwner) {
	}

}
