package uk.opcc.cspgrants.support;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database every Spring test uses: Testcontainers' PostgreSQL through
 * {@code @ServiceConnection} where a Docker engine answers, the embedded PostgreSQL
 * otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	@ServiceConnection
	@Conditional(DockerAnswers.class)
	PostgreSQLContainer postgresContainer() {
		return TestPostgres.container();
	}

	@Bean
	@Conditional(NoDocker.class)
	DataSource embeddedPostgresDataSource() {
		return DataSourceBuilder.create()
			.url(TestPostgres.embedded().getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

	static class DockerAnswers implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestPostgres.dockerAnswers();
		}

	}

	static class NoDocker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !TestPostgres.dockerAnswers();
		}

	}

}
