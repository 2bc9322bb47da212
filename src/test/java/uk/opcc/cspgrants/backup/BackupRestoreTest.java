package uk.opcc.cspgrants.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.opcc.cspgrants.CspGrantsApplication;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.TestPostgres;

/**
 * The backup and restore the README describes: {@code pg_dump} of the application's
 * database in the custom format, {@code pg_restore} into a fresh database as its owner,
 * and the same totals in both, with the migration history, the identity sequences and the
 * audit trail's append-only rule intact; the application then starts on the copy,
 * migrating nothing, and its role gets back the rights {@code --no-privileges} left out.
 * <p>
 * {@code pg_dump} refuses a server of a newer major version than itself, so the test
 * needs the client tools of the server's version (17): inside the Testcontainers
 * container where a Docker engine answers, otherwise on the {@code PATH}, in
 * {@code PG_BIN} or in {@code /usr/lib/postgresql/17/bin}. Without them it is skipped and
 * says so.
 */
@IntegrationTest
class BackupRestoreTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void aDumpRestoredIntoAFreshDatabaseHasTheSameTotals() throws Exception {
		int serverMajor = this.jdbc.sql("show server_version_num").query(Integer.class).single() / 10000;
		PostgresClientTools tools = PostgresClientTools.find(serverMajor);
		assumeTrue(tools != null,
				() -> "Backup and restore not tested: it needs pg_dump and pg_restore " + serverMajor
						+ " (Debian/Ubuntu: postgresql-client-" + serverMajor + " from apt.postgresql.org; "
						+ "or set PG_BIN to their folder), or a Docker engine for Testcontainers");

		JdbcClient original = JdbcClient.create(this.owner);
		Map<String, String> before = totals(original);
		String migrations = migrations(original);
		TestPostgres.DatabaseAddress restored = TestPostgres.freshDatabase("backup_restored");
		Path dump = Files.createTempFile("csp-grants-", ".dump");
		try {
			tools.dumpAndRestore(dump, "backup_restored");
		}
		finally {
			Files.deleteIfExists(dump);
		}
		JdbcClient copy = JdbcClient
			.create(new DriverManagerDataSource(restored.url(), restored.ownerUsername(), restored.ownerPassword()));

		assertThat(totals(copy)).isEqualTo(before);
		assertThat(migrations(copy)).isEqualTo(migrations);
		assertThat(copy
			.sql("select sum(amount) from formula_run_line where run_id = ("
					+ "select min(id) from formula_run where status = 'APPROVED')")
			.query(BigDecimal.class)
			.single()).as("the demo run of 2024-25, £97,905.00, restored to the penny")
			.isEqualByComparingTo("97905.00");
		Flyway.configure()
			.dataSource(restored.url(), restored.ownerUsername(), restored.ownerPassword())
			.locations("classpath:db/migration")
			.load()
			.validate();

		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(CspGrantsApplication.class)
			.properties(TestPostgres.applicationProperties(restored, "SERVER_PORT=0"))
			.run()) {
			JdbcClient asApplication = application.getBean(JdbcClient.class);
			assertThat(asApplication.sql("select current_user").query(String.class).single())
				.isEqualTo(TestPostgres.APPLICATION);
			assertThat(totals(asApplication)).as("the application's role reads everything again after a restore")
				.isEqualTo(before);
			long next = asApplication
				.sql("insert into partnership (name, code, lead_authority) "
						+ "values ('Restored Test', 'RESTORED', 'Restored Council') returning id")
				.query(Long.class)
				.single();
			assertThat(next).as("identity sequences restored past the existing rows")
				.isGreaterThan(asApplication.sql("select max(id) from partnership where code <> 'RESTORED'")
					.query(Long.class)
					.single());
			assertThatThrownBy(() -> asApplication.sql("update audit_event set actor = 'someone else'").update())
				.as("the application's role may still not change the audit trail")
				.rootCause()
				.hasMessageContaining("permission denied");
		}
		assertThat(migrations(copy)).as("the application migrated nothing on the restored copy").isEqualTo(migrations);
		assertThatThrownBy(() -> copy.sql("update audit_event set actor = 'someone else'").update())
			.as("the audit trail stays append-only after a restore, even for its owner")
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> copy.sql("truncate formula_run_line").update())
			.as("TRUNCATE stays refused after a restore, even for the owner")
			.rootCause()
			.hasMessageContaining("TRUNCATE is refused on formula_run_line");
	}

	/** Totals that would differ if anything were lost or doubled. */
	private static Map<String, String> totals(JdbcClient database) {
		Map<String, String> totals = new LinkedHashMap<>();
		total(totals, database, "partnerships",
				"select count(*) || ' ' || string_agg(code, ',' order by code) " + "from partnership");
		total(totals, database, "users", "select count(*) from app_user");
		total(totals, database, "audit events", "select count(*) from audit_event");
		total(totals, database, "crime counts", "select count(*) || ' ' || sum(count) from crime_count");
		total(totals, database, "population", "select sum(value) from population");
		total(totals, database, "formula runs",
				"select string_agg(id || ':' || status || ':' || pot, ',' order by id) from formula_run");
		total(totals, database, "allocations", "select sum(amount) from formula_run_line");
		total(totals, database, "grants", "select count(*) || ' ' || coalesce(sum(amount), 0) from grant_line");
		total(totals, database, "returns",
				"select count(*) || ' ' || sum(planned_allocation) || ' ' || sum(cumulative_spend) from quarterly_return");
		total(totals, database, "decisions",
				"select string_agg(reference || ':' || status, ',' order by reference) from decision_record");
		return totals;
	}

	/** Flyway's history, which only the owner reads. */
	private static String migrations(JdbcClient owner) {
		return owner.sql("select count(*) || ' ' || max(installed_rank) from flyway_schema_history where success")
			.query(String.class)
			.single();
	}

	private static void total(Map<String, String> totals, JdbcClient database, String name, String sql) {
		totals.put(name, database.sql(sql).query((row, number) -> row.getString(1)).single());
	}

}
