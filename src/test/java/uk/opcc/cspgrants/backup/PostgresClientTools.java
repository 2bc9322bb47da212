package uk.opcc.cspgrants.backup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.postgresql.PostgreSQLContainer;
import uk.opcc.cspgrants.support.TestPostgres;

/**
 * {@code pg_dump} and {@code pg_restore} of the test PostgreSQL's major version: the ones
 * inside the Testcontainers container, or installed on this machine.
 */
abstract class PostgresClientTools {

	/** The tools for a server of major version {@code major}, or {@code null}. */
	static PostgresClientTools find(int major) {
		if (TestPostgres.dockerAnswers()) {
			return new InContainer(TestPostgres.container());
		}
		for (Path folder : candidateFolders(major)) {
			Path dump = folder.resolve("pg_dump");
			Path restore = folder.resolve("pg_restore");
			if (Files.isExecutable(dump) && Files.isExecutable(restore) && majorVersion(dump) == major) {
				return new Installed(folder, TestPostgres.embedded().getPort());
			}
		}
		return null;
	}

	/**
	 * Dumps the shared test database in the custom format (as the superuser) and restores
	 * it into {@code database} as its owner, as the README says, failing on the first
	 * error.
	 */
	abstract void dumpAndRestore(Path dump, String database) throws Exception;

	private static List<Path> candidateFolders(int major) {
		List<Path> folders = new ArrayList<>();
		String given = System.getenv("PG_BIN");
		if (given != null && !given.isBlank()) {
			folders.add(Path.of(given));
		}
		folders.add(Path.of("/usr/lib/postgresql/" + major + "/bin"));
		for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				folders.add(Path.of(entry));
			}
		}
		return folders;
	}

	/** The major version {@code pg_dump --version} reports, or -1. */
	private static int majorVersion(Path pgDump) {
		try {
			String output = run(List.of(pgDump.toString(), "--version"));
			// "pg_dump (PostgreSQL) 17.6 (Debian 17.6-1)"
			String version = output.replaceAll("(?s).*\\(PostgreSQL\\)\\s+(\\d+).*", "$1");
			return Integer.parseInt(version.trim());
		}
		catch (IOException | RuntimeException notUsable) {
			return -1;
		}
	}

	private static String run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IOException(interrupted);
		}
	}

	/** Client tools installed on this machine, against the embedded server. */
	private static final class Installed extends PostgresClientTools {

		private final Path folder;

		private final int port;

		Installed(Path folder, int port) {
			this.folder = folder;
			this.port = port;
		}

		@Override
		void dumpAndRestore(Path dump, String database) throws IOException {
			run(List.of(this.folder.resolve("pg_dump").toString(), "--host=localhost", "--port=" + this.port,
					"--username=postgres", "--format=custom", "--file=" + dump, TestPostgres.SHARED_DATABASE));
			run(List.of(this.folder.resolve("pg_restore").toString(), "--host=localhost", "--port=" + this.port,
					"--username=" + TestPostgres.OWNER, "--no-owner", "--no-privileges", "--exit-on-error",
					"--dbname=" + database, dump.toString()));
		}

	}

	/** The tools inside the {@code postgres:17} container, against its own server. */
	private static final class InContainer extends PostgresClientTools {

		private final PostgreSQLContainer postgres;

		InContainer(PostgreSQLContainer postgres) {
			this.postgres = postgres;
		}

		@Override
		void dumpAndRestore(Path dump, String database) throws Exception {
			String file = "/tmp/csp-grants-backup.dump";
			check(this.postgres.execInContainer("pg_dump", "--username=" + this.postgres.getUsername(),
					"--format=custom", "--file=" + file, TestPostgres.SHARED_DATABASE));
			check(this.postgres.execInContainer("pg_restore", "--username=" + TestPostgres.OWNER, "--no-owner",
					"--no-privileges", "--exit-on-error", "--dbname=" + database, file));
		}

		private static void check(ExecResult result) {
			if (result.getExitCode() != 0) {
				throw new IllegalStateException(result.getStderr());
			}
		}

	}

}
