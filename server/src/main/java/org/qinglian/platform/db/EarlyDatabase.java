package org.qinglian.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
	 * application, no profile or configuration location named) and it exists already (a
	 * first start, which creates it, is left to Spring).
	 * @param args the command line
	 */
	public static synchronized void start(String[] args) {
		Path dataDir = dataDir(args, System.getProperties(), System.getenv(), Path.of(""));
		if (dataDir == null || future != null || !Files.exists(dataDir.resolve("PG_VERSION"))) {
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
	 * configured otherwise than by what is read here (names compared as Spring's relaxed
	 * binding does, whatever their case).
	 */
	static Path dataDir(String[] args, Properties properties, Map<String, String> env, Path workingDir) {
		String fromArgs = null;
		for (String arg : args) {
			String name = arg.toLowerCase(Locale.ROOT);
			if (name.startsWith("--spring.") || name.startsWith("--loader.")) {
				return null;
			}
			if (name.startsWith(PREFIX)) {
				if (name.startsWith(PREFIX + "data-dir=")) {
					fromArgs = arg.substring((PREFIX + "data-dir=").length());
				}
				else if (!name.equals(PREFIX + "url=")) {
					return null;
				}
			}
		}
		String fromProperties = null;
		for (String key : properties.stringPropertyNames()) {
			String name = key.toLowerCase(Locale.ROOT);
			if (name.startsWith("spring.") || name.startsWith("loader.")) {
				return null;
			}
			if (name.startsWith("qinglian.db.")) {
				if (!key.equals("qinglian.db.data-dir")) {
					return null;
				}
				fromProperties = properties.getProperty(key);
			}
		}
		for (Map.Entry<String, String> e : env.entrySet()) {
			String name = e.getKey().toUpperCase(Locale.ROOT);
			boolean set = e.getValue() != null && !e.getValue().isBlank();
			if (name.startsWith("SPRING_") || name.startsWith("LOADER_")
					|| (name.startsWith("QINGLIAN_DB_") && set && !e.getKey().equals("QINGLIAN_DB_DATA_DIR"))) {
				return null;
			}
		}
		// a configuration file (of any profile) beside the application, or a folder of
		// them
		if (Files.exists(workingDir.resolve("config"))) {
			return null;
		}
		try (var files = Files.list(workingDir.toAbsolutePath())) {
			if (files.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("application"))) {
				return null;
			}
		}
		catch (IOException ex) {
			return null;
		}
		String chosen = fromArgs != null ? fromArgs
				: fromProperties != null ? fromProperties : env.getOrDefault("QINGLIAN_DB_DATA_DIR", "data/pg");
		if (chosen.isBlank() || chosen.contains(":")) {
			// none, or one Spring would read as a URL (file:...)
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
				EmbeddedPostgresServer server = future.get(30, TimeUnit.SECONDS);
				// logging may never have been set up: its warnings said here
				server.tellWarnings(System.err::println);
				server.close();
			}
			catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException ex) {
				// it did not start, or is still starting: the watchdog stops it once this
				// process is gone
			}
		}
	}

}
