package uk.opcc.cspgrants.support;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database every Spring test uses: the shared test database
 * ({@link TestPostgres#sharedDatabase()}; Testcontainers' PostgreSQL where a Docker
 * engine answers, the embedded PostgreSQL otherwise), reached with the two roles
 * production uses. The application connects as {@value TestPostgres#APPLICATION}, which
 * owns nothing; Flyway migrates as {@value TestPostgres#OWNER}. A test that needs the
 * owner (to check what the application may not see, or that the database itself refuses
 * something) asks for the {@link FlywayDataSource} one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	@Primary
	DataSource applicationDataSource() {
		TestPostgres.DatabaseAddress database = TestPostgres.sharedDatabase();
		return DataSourceBuilder.create()
			.url(database.url())
			.username(database.applicationUsername())
			.password(database.applicationPassword())
			.build();
	}

	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource ownerDataSource() {
		TestPostgres.DatabaseAddress database = TestPostgres.sharedDatabase();
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(database.url())
			.username(database.ownerUsername())
			.password(database.ownerPassword())
			.build();
	}

}
