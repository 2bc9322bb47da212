package uk.opcc.cspgrants.shared.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.opcc.cspgrants.CspGrantsApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on its embedded PostgreSQL, as {@code ./mvnw spring-boot:run} starts it
 * with no database configured: Flyway migrates as {@code postgres}, the application
 * connects as its own role, made when missing. On a fresh data directory, and on one made
 * by the version before the database roles (everything as {@code postgres}, with data in
 * it); each started, stopped and started again.
 */
class EmbeddedDatabaseRestartTest {

	@TempDir
	Path temporary;

	@Test
	void aFreshDataDirectoryStartsStopsAndStartsAgainWithTheApplicationAsItsOwnRole() throws Exception {
		Path data = this.temporary.resolve("postgres");
		for (int start = 1; start <= 2; start++) {
			try (ConfigurableApplicationContext application = start(data, "csp_grants_web")) {
				JdbcClient asApplication = application.getBean(JdbcClient.class);
				assertConnectsAsARoleThatOwnsNothing(asApplication, "csp_grants_web");
				assertThat(asApplication.sql("select username from app_user").query(String.class).list())
					.as("start " + start + ": the first administrator, written once by the application's role")
					.containsExactly("admin");
				assertThat(migrated(application)).as("start " + start).contains("database roles");
			}
		}
	}

	@Test
	void aDataDirectoryOfTheVersionBeforeTheRolesKeepsItsDataAndGetsTheApplicationsRole() throws Exception {
		Path data = this.temporary.resolve("postgres");
		MigrationVersion before = versionBeforeTheRoles();
		try (EmbeddedPostgres previous = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.start()) {
			execute(previous, "postgres", "create database csp_grants");
			Flyway.configure()
				.dataSource(previous.getJdbcUrl("postgres", "csp_grants"), "postgres", "")
				.locations("classpath:db/migration")
				.target(before)
				.skipDefaultCallbacks(true)
				.load()
				.migrate();
			execute(previous, "csp_grants", "insert into partnership (name, code, lead_authority) "
					+ "values ('Made Before The Roles', 'OLD', 'Old Council')");
			execute(previous, "csp_grants", "insert into audit_event (actor, action, entity_type, entity_id) "
					+ "values ('someone', 'CREATE', 'Partnership', 'OLD')");
		}

		for (int start = 1; start <= 2; start++) {
			try (ConfigurableApplicationContext application = start(data, null)) {
				JdbcClient asApplication = application.getBean(JdbcClient.class);
				assertConnectsAsARoleThatOwnsNothing(asApplication, "csp_grants_app");
				assertThat(asApplication.sql("select name from partnership where code = 'OLD'")
					.query(String.class)
					.optional()).as("start " + start + ": the earlier version's data")
					.contains("Made Before The Roles");
				assertThat(asApplication.sql("select count(*) from audit_event where entity_id = 'OLD'")
					.query(Long.class)
					.single()).isOne();
				assertThat(asApplication
					.sql("update partnership set lead_authority = 'Council " + start + "' where code = 'OLD'")
					.update()).as("the application's role writes to the tables postgres made").isOne();
				assertThat(migrated(application)).as("start " + start).contains("database roles");
				assertThat(asApplication
					.sql("select pg_get_userbyid(relowner)::text from pg_class where oid = 'partnership'::regclass")
					.query(String.class)
					.single()).as("the tables stay postgres's").isEqualTo("postgres");
			}
		}
	}

	/**
	 * Starts the application as {@code java -jar} would with these arguments (which,
	 * unlike the builder's default properties, outrank application.properties).
	 */
	private static ConfigurableApplicationContext start(Path data, String applicationRole) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--csp-grants.embedded-database.data-directory=" + data,
						"--csp-grants.initial-admin.password=first-admin-password",
						"--logging.structured.format.console=", "--csp-grants.applicants.sign-in=false"));
		if (applicationRole != null) {
			arguments.add("--csp-grants.database.application-role=" + applicationRole);
		}
		return new SpringApplicationBuilder(CspGrantsApplication.class).profiles("prod")
			.run(arguments.toArray(String[]::new));
	}

	private static void assertConnectsAsARoleThatOwnsNothing(JdbcClient asApplication, String role) {
		assertThat(asApplication.sql("select current_user").query(String.class).single()).isEqualTo(role);
		assertThat(asApplication.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(asApplication
			.sql("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user")
			.query(Long.class)
			.single()).isZero();
	}

	/** The migrations applied to the embedded database, read as its owner. */
	private static List<String> migrated(ConfigurableApplicationContext application) {
		EmbeddedPostgres postgres = application.getBean(EmbeddedPostgres.class);
		return JdbcClient.create(postgres.getDatabase("postgres", "csp_grants"))
			.sql("select description from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list();
	}

	/**
	 * The last migration before the one that brought in the roles, whatever it is
	 * numbered.
	 */
	private static MigrationVersion versionBeforeTheRoles() throws IOException {
		Pattern versioned = Pattern.compile("V([0-9_.]+)__(.+)\\.sql");
		TreeMap<MigrationVersion, String> migrations = new TreeMap<>();
		for (Resource script : new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/V*.sql")) {
			Matcher name = versioned.matcher(script.getFilename());
			if (name.matches()) {
				migrations.put(MigrationVersion.fromVersion(name.group(1)), name.group(2));
			}
		}
		MigrationVersion roles = migrations.entrySet()
			.stream()
			.filter((migration) -> migration.getValue().equals("database_roles"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No migration named V*__database_roles.sql"));
		MigrationVersion before = migrations.lowerKey(roles);
		assertThat(before).as("a migration before the roles").isNotNull();
		return before;
	}

	private static void execute(EmbeddedPostgres postgres, String database, String sql) throws SQLException {
		try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
