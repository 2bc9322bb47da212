package uk.opcc.cspgrants.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no database is configured.
 *
 * @param enabled false to never start one
 * @param dataDirectory where its data lives between runs
 * @param port a fixed port, or 0 for any free one
 * @param databaseName the database the application uses inside it
 */
@ConfigurationProperties("csp-grants.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("csp_grants") String databaseName) {
}
