package uk.opcc.cspgrants.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application connects to PostgreSQL as a role that owns nothing and may only read
 * and write rows; Flyway migrates as the owner; and TRUNCATE is refused on every
 * protected table even to the owner. Checked on the real test database through the very
 * {@link DataSource} the application uses, and the owner's that Flyway uses.
 */
@IntegrationTest
class DatabaseRolesTest {

	/**
	 * The tables that hold money, decisions, runs, returns, users and partnerships: no
	 * TRUNCATE, whoever asks.
	 */
	static final List<String> PROTECTED = List.of("partnership", "partnership_alias", "app_user", "app_user_role",
			"sign_in_attempt", "audit_event", "formula", "formula_version", "formula_run", "formula_run_input",
			"formula_run_line", "formula_run_indicator", "grant_award", "grant_line", "grant_payment", "year_settings",
			"quarterly_return", "return_activity", "decision_record", "decision_effect", "year_close",
			"year_underspend", "redistribution", "redistribution_top_slice", "population", "indicator_value",
			"indicator_correction", "crime_month", "crime_load_file", "crime_count", "crime_unmatched", "harm_weight");

	/**
	 * The only tables of the schema a TRUNCATE may empty: HTTP sessions (signing everyone
	 * out loses nothing) and Flyway's history, which the application cannot touch. A new
	 * table is protected unless it is added here.
	 */
	static final Set<String> UNPROTECTED = Set.of("spring_session", "spring_session_attributes",
			"flyway_schema_history", "shedlock");

	static final Set<String> READ_WRITE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

	@Autowired
	DataSource application;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	JdbcTemplate asApplication;

	JdbcTemplate asOwner;

	@BeforeEach
	void connect() {
		this.asApplication = new JdbcTemplate(this.application);
		this.asOwner = new JdbcTemplate(this.owner);
	}

	@Test
	void theApplicationConnectsAsARoleThatOwnsNothingAndIsNoSuperuser() {
		assertThat(this.asApplication.queryForObject("select current_user", String.class))
			.isEqualTo(TestPostgres.APPLICATION)
			.isNotEqualTo(this.asOwner.queryForObject("select current_user", String.class));
		assertThat(this.asApplication.queryForObject("select count(*) from pg_class c "
				+ "join pg_roles r on r.oid = c.relowner where r.rolname = current_user", Long.class))
			.as("tables, indexes, sequences and views it owns")
			.isZero();
		assertThat(this.asApplication.queryForObject("""
				select (select count(*) from pg_proc where proowner = r.oid)
				     + (select count(*) from pg_namespace where nspowner = r.oid)
				     + (select count(*) from pg_type where typowner = r.oid)
				     + (select count(*) from pg_database where datdba = r.oid)
				from pg_roles r where r.rolname = current_user
				""", Long.class)).as("functions, schemas, types and databases it owns").isZero();
		assertThat(this.asApplication.queryForObject("""
				select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace
				and pg_has_role(current_user, c.relowner, 'USAGE')
				""", Long.class)).as("tables whose owner's rights it has through a membership").isZero();
		assertThat(this.asApplication.queryForMap("""
				select rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls
				from pg_roles where rolname = current_user
				""")).allSatisfy((attribute, held) -> assertThat(held).as(attribute).isEqualTo(false));
	}

	@Test
	void theApplicationCannotTruncateAnything() {
		for (String table : PROTECTED) {
			assertRefused(this.application, "truncate " + table, "permission denied for table " + table);
		}
		for (String table : List.of("formula_run", "formula_run_line", "decision_record", "audit_event")) {
			assertRefused(this.application, "truncate " + table + " cascade", "permission denied for table " + table);
		}
	}

	@Test
	void evenTheOwnerCannotTruncateAProtectedTable() {
		for (String table : PROTECTED) {
			String refusal = table.equals("audit_event") ? "The audit trail is append-only: TRUNCATE"
					: "TRUNCATE is refused on " + table;
			assertRefused(this.owner, "truncate " + table + " cascade", refusal);
		}
	}

	@Test
	void everyTableButSessionsAndFlywaysHistoryRefusesTruncate() {
		List<String> tables = this.asOwner.queryForList("""
				select relname::text from pg_class
				where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname
				""", String.class);
		List<String> unguarded = this.asOwner.queryForList("""
				select c.relname::text from pg_class c
				where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
				and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgenabled <> 'D'
				                and (t.tgtype & 32) <> 0 and (t.tgtype & 2) <> 0 and (t.tgtype & 1) = 0)
				order by c.relname
				""", String.class);
		assertThat(tables).containsAll(PROTECTED).containsAll(UNPROTECTED);
		assertThat(unguarded).as("tables without an enabled BEFORE TRUNCATE statement trigger")
			.containsExactlyInAnyOrderElementsOf(UNPROTECTED);
	}

	@Test
	void theApplicationCannotDisableOrChangeTheTriggersThatGuardTheData() {
		assertRefused(this.application, "alter table audit_event disable trigger all",
				"must be owner of table audit_event");
		assertRefused(this.application, "alter table audit_event disable trigger audit_event_no_update_or_delete",
				"must be owner of table audit_event");
		assertRefused(this.application, "alter table formula_run disable trigger formula_run_frozen",
				"must be owner of table formula_run");
		assertRefused(this.application, "drop trigger decision_record_final on decision_record",
				"must be owner of relation decision_record");
		assertRefused(this.application, "create or replace function audit_event_is_append_only() returns trigger "
				+ "language plpgsql as $$ begin return new; end $$", "permission denied for schema public");
		assertRefused(this.application, "create trigger sneaky before update on partnership for each row "
				+ "execute function audit_event_is_append_only()", "permission denied for table partnership");
	}

	@Test
	void theApplicationCanOnlyReadAndAddToTheAuditTrail() {
		assertRefused(this.application, "update audit_event set actor = 'someone else'",
				"permission denied for table audit_event");
		assertRefused(this.application, "delete from audit_event", "permission denied for table audit_event");
		assertThat(this.asApplication.queryForObject("select count(*) from audit_event", Long.class)).isNotNull();
	}

	@Test
	void theApplicationCannotChangeTheSchema() {
		assertRefused(this.application, "drop table partnership_alias", "must be owner of table partnership_alias");
		assertRefused(this.application, "alter table partnership add column sneaky text",
				"must be owner of table partnership");
		assertRefused(this.application, "create table public.sneaky (id int)", "permission denied for schema public");
		assertRefused(this.application, "create table sneaky (id int)", "permission denied for schema public");
		assertRefused(this.application, "create function public.sneaky() returns int language sql as 'select 1'",
				"permission denied for schema public");
		assertRefused(this.application, "create view public.sneaky as select 1", "permission denied for schema public");
		assertRefused(this.application, "create schema sneaky", "permission denied for database");
		assertRefused(this.application, "select * from flyway_schema_history",
				"permission denied for table flyway_schema_history");
	}

	/**
	 * Every table of the schema, including those of the latest migration: read and write
	 * rows, nothing else; the audit trail only read and added to; Flyway's history
	 * nothing.
	 */
	@Test
	void theApplicationHasExactlyItsRightsOnEveryTable() {
		Map<String, Set<String>> held = tablePrivileges(this.asApplication, TestPostgres.APPLICATION);
		assertThat(held).containsKeys("spring_session", "spring_session_attributes", "audit_event", "partnership")
			.hasSizeGreaterThan(30);
		held.forEach((table, privileges) -> {
			Set<String> expected = switch (table) {
				case "flyway_schema_history" -> Set.of();
				case "audit_event" -> Set.of("SELECT", "INSERT");
				default -> READ_WRITE;
			};
			assertThat(privileges).as(table).containsExactlyInAnyOrderElementsOf(expected);
		});
		Map<String, Set<String>> sequences = sequencePrivileges(this.asApplication, TestPostgres.APPLICATION);
		assertThat(sequences).containsKeys("partnership_id_seq", "audit_event_id_seq");
		sequences.forEach((sequence, privileges) -> assertThat(privileges).as(sequence)
			.containsExactlyInAnyOrder("USAGE", "SELECT"));
	}

	/**
	 * A migration made later creates a table with no grants of its own; the application
	 * can use it all the same, since the application's rights are checked and granted
	 * after every migrate. Rights taken away (as {@code pg_restore --no-privileges} does)
	 * or added by hand are put right at the next start.
	 */
	@Test
	void aTableMadeByALaterMigrationIsTheApplicationsToUseAndRightsArePutRightAtEveryStart() {
		TestPostgres.DatabaseAddress database = TestPostgres.freshDatabase("later_migration");
		Flyway flyway = flyway(database, TestPostgres.APPLICATION, "classpath:db/migration",
				"classpath:db/later-migration");
		flyway.migrate();
		JdbcTemplate owner = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.ownerUsername(), database.ownerPassword()));
		DataSource application = new DriverManagerDataSource(database.url(), database.applicationUsername(),
				database.applicationPassword());
		JdbcTemplate app = new JdbcTemplate(application);

		assertThat(owner.queryForObject("select max(version::int) from flyway_schema_history", Integer.class))
			.as("the owner migrated the later migration")
			.isEqualTo(99999);
		Long id = app.queryForObject("insert into later_table (note) values ('new') returning id", Long.class);
		assertThat(app.update("update later_table set note = 'changed' where id = ?", id)).isOne();
		assertThat(app.queryForObject("select note from later_table where id = ?", String.class, id))
			.isEqualTo("changed");
		assertThat(app.update("delete from later_table where id = ?", id)).isOne();
		assertRefused(application, "truncate later_table", "permission denied for table later_table");
		assertRefused(application, "drop table later_table", "must be owner of table later_table");
		assertThat(tablePrivileges(app, TestPostgres.APPLICATION)).containsEntry("later_table", READ_WRITE)
			.containsEntry("partnership", READ_WRITE);

		owner.execute("revoke all on later_table, partnership, audit_event from " + TestPostgres.APPLICATION);
		owner.execute("grant truncate, trigger on partnership to " + TestPostgres.APPLICATION);
		owner.execute("grant update on audit_event to " + TestPostgres.APPLICATION);
		assertThat(tablePrivileges(app, TestPostgres.APPLICATION)).doesNotContainEntry("later_table", READ_WRITE)
			.doesNotContainEntry("partnership", READ_WRITE);
		flyway.migrate();
		assertThat(tablePrivileges(app, TestPostgres.APPLICATION)).containsEntry("later_table", READ_WRITE)
			.containsEntry("partnership", READ_WRITE)
			.containsEntry("audit_event", Set.of("SELECT", "INSERT"));
	}

	/**
	 * An installation that still uses one user for both, or names a role that does not
	 * exist, still migrates (with a notice), and nobody is granted anything.
	 */
	@Test
	void oneUserForBothOrAMissingRoleStillMigrates() {
		for (String role : List.of(TestPostgres.OWNER, "csp_grants_nobody")) {
			TestPostgres.DatabaseAddress database = TestPostgres
				.freshDatabase("one_user_" + role.replace("csp_grants_", ""));
			flyway(database, role, "classpath:db/migration").migrate();
			JdbcTemplate owner = new JdbcTemplate(
					new DriverManagerDataSource(database.url(), database.ownerUsername(), database.ownerPassword()));
			assertThat(owner.queryForObject("select count(*) from partnership", Long.class)).isZero();
			assertThat(owner.queryForObject("select count(*) from pg_class c, aclexplode(c.relacl) a "
					+ "where c.relnamespace = 'public'::regnamespace and a.grantee <> c.relowner", Long.class))
				.as("rights granted on " + database.url() + " with the application's role named " + role)
				.isZero();
		}
	}

	private static Flyway flyway(TestPostgres.DatabaseAddress database, String applicationRole, String... locations) {
		return Flyway.configure()
			.dataSource(database.url(), database.ownerUsername(), database.ownerPassword())
			.locations(locations)
			.placeholders(Map.of("application_role", applicationRole))
			.load();
	}

	/** What {@code role} may do to each table and view of schema public. */
	private static Map<String, Set<String>> tablePrivileges(JdbcTemplate jdbc, String role) {
		List<String> kinds = new ArrayList<>(
				List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"));
		if (jdbc.queryForObject("show server_version_num", Integer.class) >= 170000) {
			kinds.add("MAINTAIN");
		}
		return privileges(jdbc, role, List.of("r", "p", "v"), "has_table_privilege", kinds);
	}

	/** What {@code role} may do with each sequence of schema public. */
	private static Map<String, Set<String>> sequencePrivileges(JdbcTemplate jdbc, String role) {
		return privileges(jdbc, role, List.of("S"), "has_sequence_privilege", List.of("USAGE", "SELECT", "UPDATE"));
	}

	private static Map<String, Set<String>> privileges(JdbcTemplate jdbc, String role, List<String> relkinds,
			String function, List<String> kinds) {
		String relations = "select relname::text from pg_class where relnamespace = 'public'::regnamespace "
				+ "and relkind::text = any (string_to_array(?, ','))";
		Map<String, Set<String>> held = new TreeMap<>();
		jdbc.queryForList(relations, String.class, String.join(",", relkinds))
			.forEach((relation) -> held.put(relation, new TreeSet<>()));
		for (String kind : kinds) {
			// in a case, so that the function only ever sees relations of the kinds it
			// takes
			jdbc.queryForList(
					relations + " and case when relkind::text = any (string_to_array(?, ',')) then " + function
							+ "(?, oid, ?) end",
					String.class, String.join(",", relkinds), String.join(",", relkinds), role, kind)
				.forEach((relation) -> held.get(relation).add(kind));
		}
		return held;
	}

	/**
	 * Runs {@code sql} in a transaction that is always rolled back (so nothing is lost if
	 * the database let it through), and checks that PostgreSQL refused it for want of a
	 * privilege (SQL state 42501) with a message containing {@code refusal}.
	 */
	private static void assertRefused(DataSource as, String sql, String refusal) {
		SQLException refused = null;
		try (Connection connection = as.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException failure) {
				refused = failure;
			}
			finally {
				if (!connection.isClosed()) { // the pool closes it after some errors
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
		}
		catch (SQLException failure) {
			throw new IllegalStateException(failure);
		}
		if (refused == null) {
			throw new AssertionError("PostgreSQL let this through: " + sql);
		}
		assertThat(refused.getSQLState()).as("SQL state of: " + sql + " (" + refused.getMessage() + ")")
			.isEqualTo("42501");
		assertThat(refused.getMessage()).as(sql).contains(refusal);
	}

}
