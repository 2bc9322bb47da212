package uk.opcc.cspgrants.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no database configured, starts a real PostgreSQL from the zonky binaries, keeping
 * its data directory between runs (by default {@code ./data/postgres}). With
 * {@code SPRING_DATASOURCE_URL} set, or a test that brings its own database, it starts
 * nothing.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
@Conditional(EmbeddedPostgresAutoConfiguration.NoDatabaseConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

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

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
		createDatabaseIfMissing(postgres, properties.databaseName());
		return DataSourceBuilder.create()
			.url(postgres.getJdbcUrl("postgres", properties.databaseName()))
			.username("postgres")
			.build();
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) throws SQLException {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("The embedded database name must be lower-case letters, digits or _");
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
			if (!exists.next()) {
				statement.execute("create database " + name);
			}
		}
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
