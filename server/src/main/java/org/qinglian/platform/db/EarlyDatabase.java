package org.qinglian.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL started in the background from {@code main}, while Spring
 * starts (about half a second of a command's start overlapped), when nothing but the
 * command line, the system properties and the environment configure the database, and
 * they configure the embedded one. The database bean takes it if it is the one it would
 * start (the same data directory), else stops it and starts its own; one nobody took is
 * stopped when the JVM exits.
 */
public final class EarlyDatabase {

	private static final Logger log = LoggerFactory.getLogger(EarlyDatabase.class);

	private static final String PREFIX = "--qinglian.db.";

	private static CompletableFuture<EmbeddedPostgresServer> future;

	private static Path dir;

	private static boolean taken;

	private EarlyDatabase() {
	}

	/**
	 * Starts the embedded database in the background if the arguments, system properties
	 * and environment are all that configure it (no configuration file beside the
	 * application, no profile or configuration location named).
	 * @param args the command line
	 */
	public static synchronized void start(String[] args) {
		Path dataDir = dataDir(args, System.getenv(), Path.of(""));
		if (dataDir == null || future != null) {
			return;
		}
		dir = dataDir;
		future = CompletableFuture.supplyAsync(() -> {
			try {
				return EmbeddedPostgresServer.start(dataDir, false, DatabaseConfiguration.SERVER_SETTINGS, true);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, task -> {
			Thread t = new Thread(task, "qinglian-database-start");
			t.setDaemon(true);
			t.start();
		});
		Runtime.getRuntime().addShutdownHook(new Thread(EarlyDatabase::stopUntaken, "qinglian-database-stop"));
	}

	/**
	 * The data directory to start early, or {@code null} when the database may be
	 * configured otherwise than by what is read here.
	 */
	static Path dataDir(String[] args, Map<String, String> env, Path workingDir) {
		String fromArgs = null;
		for (String arg : args) {
			if (arg.startsWith("--spring.")) {
				return null;
			}
			if (arg.startsWith(PREFIX)) {
				if (arg.startsWith(PREFIX + "data-dir=")) {
					fromArgs = arg.substring((PREFIX + "data-dir=").length());
				}
				else if (!arg.equals(PREFIX + "url=")) {
					return null;
				}
			}
		}
		for (String name : System.getProperties().stringPropertyNames()) {
			if (name.startsWith("spring.config") || name.startsWith("spring.profiles")
					|| (name.startsWith("qinglian.db.") && !name.equals("qinglian.db.data-dir"))) {
				return null;
			}
		}
		for (String name : env.keySet()) {
			if (name.startsWith("SPRING_") || (name.startsWith("QINGLIAN_DB_") && !name.equals("QINGLIAN_DB_DATA_DIR")
					&& !(env.get(name) == null || env.get(name).isBlank()))) {
				return null;
			}
		}
		for (String file : new String[] { "application.properties", "application.yml", "application.yaml", "config" }) {
			if (Files.exists(workingDir.resolve(file))) {
				return null;
			}
		}
		String chosen = fromArgs != null ? fromArgs
				: System.getProperty("qinglian.db.data-dir", env.getOrDefault("QINGLIAN_DB_DATA_DIR", "data/pg"));
		if (chosen.isBlank()) {
			return null;
		}
		return workingDir.resolve(chosen).toAbsolutePath().normalize();
	}

	/**
	 * The server started early for this data directory, which the caller then owns; or
	 * {@code null}: none was started, it failed (the caller starts one and says why), or
	 * it was started for another directory (stopped).
	 */
	static synchronized EmbeddedPostgresServer take(Path dataDir, boolean clean) {
		if (future == null || taken) {
			return null;
		}
		EmbeddedPostgresServer server;
		try {
			server = future.join();
		}
		catch (CompletionException ex) {
			log.debug("The database started early did not start: {}", ex.getCause().toString());
			taken = true;
			return null;
		}
		taken = true;
		// logging is set up now
		server.tellWarnings();
		if (!clean && dataDir != null && dataDir.toAbsolutePath().normalize().equals(dir)) {
			return server;
		}
		server.close();
		return null;
	}

	/** Stops the server started early, if any: the database is configured otherwise. */
	static void discard() {
		EmbeddedPostgresServer server = take(null, true);
		if (server != null) {
			server.close();
		}
	}

	private static synchronized void stopUntaken() {
		if (future != null && !taken) {
			taken = true;
			try {
				future.join().close();
			}
			catch (RuntimeException ex) {
				// it did not start: nothing to stop
			}
		}
	}

}
