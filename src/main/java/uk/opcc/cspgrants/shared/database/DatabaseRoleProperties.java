package uk.opcc.cspgrants.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database roles (README, Database roles): the application connects as a role that
 * owns nothing, Flyway migrates as the owner of the schema.
 *
 * @param applicationRole the role the migrations grant the application's rights to (the
 * Flyway placeholder {@code application_role}); by default the one the application
 * connects as ({@code spring.datasource.username}), else {@code csp_grants_app}. The
 * embedded PostgreSQL creates it.
 */
@ConfigurationProperties("csp-grants.database")
public record DatabaseRoleProperties(@DefaultValue("csp_grants_app") String applicationRole) {
}
