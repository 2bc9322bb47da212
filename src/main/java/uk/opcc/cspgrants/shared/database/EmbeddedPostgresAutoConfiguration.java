package uk.opcc.cspgrants.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * With no database configured, starts a real PostgreSQL from the zonky binaries, keeping
 * its data directory between runs (by default {@code ./data/postgres}). With
 * {@code SPRING_DATASOURCE_URL} set, or a test that brings its own database, it starts
 * nothing.
 * <p>
 * Two roles use it: Flyway migrates as {@code postgres}, the superuser that owns the
 * tables (it made them in every data directory so far, so existing ones carry on as they
 * are), and the application connects as its own role ({@code csp_grants_app} unless
 * {@code csp-grants.database.application-role} says otherwise), made here when missing
 * and given its rights by the migrations. It owns nothing and is never a superuser.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
@Conditional(EmbeddedPostgresAutoConfiguration.NoDatabaseConfigured.class)
@EnableConfigurationProperties({ EmbeddedDatabaseProperties.class, DatabaseRoleProperties.class })
public class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	/** The superuser zonky's {@code initdb} makes, owner of everything it holds. */
	static final String OWNER = "postgres";

	private static final String NAME = "[a-z_][a-z0-9_]{0,62}";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL is running on port {}; its data lives in {} and is kept between runs",
				postgres.getPort(), dataDirectory);
		return postgres;
	}

	/** The application's database and role inside the server, each made if missing. */
	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties,
			DatabaseRoleProperties roles) throws SQLException {
		String name = properties.databaseName();
		String role = roles.applicationRole();
		if (!name.matches(NAME)) {
			throw new IllegalArgumentException("The embedded database name must be lower-case letters, digits or _");
		}
		if (!role.matches(NAME) || role.equals(OWNER)) {
			throw new IllegalArgumentException(
					"The application's role in the embedded database must be lower-case letters, digits or _, "
							+ "and not " + OWNER + ": " + role);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			createDatabaseIfMissing(connection, name);
			createApplicationRole(connection, role);
		}
		log.info("The application connects to the embedded PostgreSQL as {}; Flyway migrates as {}", role, OWNER);
		return new EmbeddedDatabase(postgres, name, role);
	}

	/**
	 * Flyway's connection: the owner. Not a candidate for injection by type, so nothing
	 * else uses it by mistake.
	 */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource embeddedOwnerDataSource(EmbeddedDatabase database) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(database.postgres().getJdbcUrl(OWNER, database.name()))
			.username(OWNER)
			.build();
	}

	/** The application's connections: its own role, which owns nothing. */
	@Bean
	@Primary
	DataSource dataSource(EmbeddedDatabase database) {
		return DataSourceBuilder.create()
			.url(database.postgres().getJdbcUrl(database.applicationRole(), database.name()))
			.username(database.applicationRole())
			.build();
	}

	private static void createDatabaseIfMissing(Connection connection, String name) throws SQLException {
		if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
		}
	}

	/**
	 * Makes the application's role if it is missing, in a data directory of any earlier
	 * version, and makes sure on every start that it is a plain login role. It has no
	 * password: zonky's {@code initdb -A trust} trusts every connection to this server,
	 * which listens on localhost only, so a password would protect nothing
	 * ({@code postgres} has none either). Its rights on the tables come from the
	 * migrations ({@code grant_application_role}, run after every migrate).
	 */
	private static void createApplicationRole(Connection connection, String role) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
				statement.execute("create role \"" + role + "\" login");
				log.info("Made the role {} for the application in the embedded PostgreSQL", role);
			}
			statement.execute(
					"alter role \"" + role + "\" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (ResultSet found = query.executeQuery()) {
				return found.next();
			}
		}
	}

	/** The application's database in the embedded server, and the role it connects as. */
	record EmbeddedDatabase(EmbeddedPostgres postgres, String name, String applicationRole) {
	}

	/**
	 * True when neither a datasource URL nor
	 * {@code csp-grants.embedded-database.enabled=false} is set.
	 */
	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			boolean enabled = context.getEnvironment()
				.getProperty("csp-grants.embedded-database.enabled", Boolean.class, true);
			return enabled && (url == null || url.isBlank());
		}

	}

}
