package org.qinglian.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.FileUtils;
import org.qinglian.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of the default installation, run from the binaries of a
 * Maven Central jar in {@code data/pg}:
 * <ul>
 * <li>password authentication only (SCRAM-SHA-256, no {@code trust}), listening on
 * localhost only, {@code synchronous_commit=on};</li>
 * <li>three roles: the superuser (set-up only), {@code qinglian_owner} (owns the schema,
 * runs the migrations) and {@code qinglian_app} (what the running application uses), with
 * random passwords kept owner-only in
 * {@code data/pg/qinglian-credentials.properties};</li>
 * <li>a server left running by a Qinglian that was killed is recognised at the next start
 * (its {@code postmaster.pid} names a live postgres on this data directory, and no live
 * Qinglian holds the lock) and stopped before a new one starts; a watchdog process stops
 * the server within seconds when the JVM dies without stopping it.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "qinglian";

	static final String OWNER = "qinglian_owner";

	static final String APP = "qinglian_app";

	private static final String SUPERUSER = "postgres";

	private static final String CREDENTIALS = "qinglian-credentials.properties";

	private final Path dataDir;

	private final Path binaries;

	private final int port;

	private Properties credentials;

	private FileChannel lockChannel;

	private FileLock lock;

	private Process watchdog;

	private boolean running;

	/**
	 * Warnings of a start made before logging is set up (Spring drops what is logged
	 * before), told when {@link #tellWarnings()} is called; {@code null}: told at once.
	 */
	private List<String> heldWarnings;

	private EmbeddedPostgresServer(Path dataDir, Path binaries, int port, Properties credentials) {
		this.dataDir = dataDir;
		this.binaries = binaries;
		this.port = port;
		this.credentials = credentials;
	}

	/**
	 * Starts the server on {@code dataDir}, creating the cluster, the roles and the
	 * database on the first start.
	 */
	public static EmbeddedPostgresServer start(Path dataDir, boolean clean, Map<String, String> config)
			throws IOException {
		return start(dataDir, clean, config, false);
	}

	/**
	 * Starts the server as {@link #start(Path, boolean, Map)}, holding its warnings until
	 * {@link #tellWarnings()} if asked to.
	 */
	static EmbeddedPostgresServer start(Path dataDir, boolean clean, Map<String, String> config, boolean holdWarnings)
			throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		if (clean && Files.exists(dir)) {
			FileUtils.deleteDirectory(dir.toFile());
		}
		OwnerOnlyFiles.createDirectories(dir);
		Path binaries = PostgresBinaries.unpacked();
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, binaries, freePort(), null);
		if (holdWarnings) {
			server.heldWarnings = new ArrayList<>();
		}
		server.lock();
		try {
			if (!Files.exists(dir.resolve("PG_VERSION"))) {
				Properties credentials = new Properties();
				for (String user : List.of(SUPERUSER, OWNER, APP)) {
					credentials.setProperty(user, randomPassword());
				}
				server.initdb(credentials.getProperty(SUPERUSER));
				writeOwnerOnly(dir.resolve(CREDENTIALS), credentials);
				server.credentials = credentials;
			}
			else {
				Path file = dir.resolve(CREDENTIALS);
				if (!Files.exists(file)) {
					throw new IllegalStateException("The database in " + dir + " was made by an earlier version of "
							+ "Qinglian without password authentication: export it with that version and import the "
							+ "bundle into a new data directory");
				}
				Properties credentials = new Properties();
				try (InputStream in = Files.newInputStream(file)) {
					credentials.load(in);
				}
				server.credentials = credentials;
				server.stopOrphan();
			}
			server.run(config);
			server.prepareRolesAndDatabase();
			return server;
		}
		catch (SQLException ex) {
			server.close();
			throw new IllegalStateException("Could not prepare the database roles: " + ex.getMessage(), ex);
		}
		catch (IOException | RuntimeException | Error ex) {
			server.close();
			throw ex;
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
	}

	public int port() {
		return port;
	}

	public String ownerUser() {
		return OWNER;
	}

	public String ownerPassword() {
		return credentials.getProperty(OWNER);
	}

	public String appUser() {
		return APP;
	}

	public String appPassword() {
		return credentials.getProperty(APP);
	}

	/**
	 * A connection as the superuser, for setting up roles (and for tests that tamper).
	 */
	public Connection superuserConnection(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER,
				credentials.getProperty(SUPERUSER));
	}

	private void lock() throws IOException {
		lockChannel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		lock = lockChannel.tryLock();
		if (lock == null) {
			lockChannel.close();
			throw new IllegalStateException("A running Qinglian holds " + dataDir
					+ ": stop it first, or point QINGLIAN_DB_URL at a PostgreSQL that both can share");
		}
	}

	private synchronized void warn(String warning) {
		if (heldWarnings != null) {
			heldWarnings.add(warning);
		}
		else {
			log.warn(warning);
		}
	}

	/** Tells the warnings held since the start, and any later at once. */
	void tellWarnings() {
		tellWarnings(log::warn);
	}

	/**
	 * Tells the warnings held since the start to the given sink, and any later at once.
	 */
	synchronized void tellWarnings(java.util.function.Consumer<String> sink) {
		List<String> held = heldWarnings;
		heldWarnings = null;
		if (held != null) {
			held.forEach(sink);
		}
	}

	/** Beside the data directory, which initdb wants empty. */
	private Path lockFile() {
		return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
	}

	private void unlock() throws IOException {
		if (lock != null) {
			lock.release();
			lockChannel.close();
			lock = null;
		}
	}

	/**
	 * A {@code postmaster.pid} naming a live postgres of this data directory while no
	 * Qinglian holds the lock: the server of a Qinglian that was killed. Stop it (a fast
	 * shutdown: it rolls back what was not committed, nothing committed is lost).
	 */
	private void stopOrphan() throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 2) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		boolean ours = ProcessHandle.of(pid)
			.map(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("/postgres")).orElse(true))
			.orElse(false) && Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dataDir);
		if (!ours) {
			return;
		}
		warn("Stopping the database server (pid " + pid + ") left running on " + dataDir
				+ " by a Qinglian that did not stop cleanly");
		pgCtl("stop", "-m", "fast", "-w", "-t", "60");
		ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
	}

	private void initdb(String superuserPassword) throws IOException {
		Path pwfile = Files.createTempFile(dataDir.getParent(), "pw", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(pwfile, superuserPassword + "\n");
			exec(List.of(bin("initdb"), "-A", "scram-sha-256", "--pwfile=" + pwfile, "-U", SUPERUSER, "-D",
					dataDir.toString(), "-E", "UTF8", "--locale=C"), "initdb");
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
		// only TCP on localhost, only with a password
		Files.writeString(dataDir.resolve("pg_hba.conf"), """
				# Qinglian: password (SCRAM) over localhost only
				host all all 127.0.0.1/32 scram-sha-256
				host all all ::1/128 scram-sha-256
				""");
	}

	private void run(Map<String, String> config) throws IOException {
		StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=localhost"
				+ " -c unix_socket_directories= -c synchronous_commit=on -c password_encryption=scram-sha-256");
		config.forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
		Files.createDirectories(dataDir.resolve("log"));
		pgCtl("start", "-w", "-t", "120", "-l", dataDir.resolve("log/server.log").toString(), "-o", options.toString());
		running = true;
		startWatchdog();
	}

	/**
	 * A small process that outlives a killed JVM: when the JVM is gone it stops the
	 * server, so that the database does not outlive the application.
	 */
	private void startWatchdog() {
		long jvm = ProcessHandle.current().pid();
		String stop = String.join(" ",
				wrap(List.of(bin("pg_ctl"), "-D", "'" + dataDir + "'", "stop", "-m", "fast", "-w", "-t", "60")));
		ProcessBuilder pb = new ProcessBuilder("sh", "-c",
				"while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; " + stop);
		pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		pb.redirectError(ProcessBuilder.Redirect.DISCARD);
		pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		try {
			watchdog = pb.start();
		}
		catch (IOException ex) {
			warn("No watchdog for the embedded database (" + ex.getMessage()
					+ "): if this process is killed, the next start stops the database it leaves");
		}
	}

	private void prepareRolesAndDatabase() throws SQLException {
		try (Connection c = superuserConnection("postgres"); Statement st = c.createStatement()) {
			for (String role : List.of(OWNER, APP)) {
				String password = credentials.getProperty(role).replace("'", "''");
				try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
					if (!rs.next()) {
						st.execute("create role " + role + " login password '" + password + "'");
					}
				}
			}
			try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					st.execute(
							"create database " + DATABASE + " owner " + OWNER + " encoding 'UTF8' template template0");
				}
			}
		}
		try (Connection c = superuserConnection(DATABASE); Statement st = c.createStatement()) {
			st.execute("revoke all on database " + DATABASE + " from public");
			st.execute("grant connect, temporary on database " + DATABASE + " to " + APP);
		}
	}

	@Override
	public void close() {
		try {
			if (running) {
				pgCtl("stop", "-m", "fast", "-w", "-t", "60");
				running = false;
			}
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not stop the embedded PostgreSQL in {}: {}", dataDir, ex.getMessage());
		}
		finally {
			if (watchdog != null) {
				watchdog.destroy();
			}
			try {
				unlock();
			}
			catch (IOException ex) {
				log.warn("Could not release {}: {}", lockFile(), ex.getMessage());
			}
		}
	}

	private void pgCtl(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", dataDir.toString()));
		command.addAll(List.of(args));
		exec(command, "pg_ctl " + args[0]);
	}

	private void exec(List<String> command, String what) throws IOException {
		ProcessBuilder pb = new ProcessBuilder(wrap(command));
		pb.redirectErrorStream(true);
		pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Process p = pb.start();
		String output;
		try (InputStream in = p.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try {
			if (!p.waitFor(5, TimeUnit.MINUTES)) {
				p.destroyForcibly();
				throw new IOException(what + " did not finish");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(what + " was interrupted", ex);
		}
		if (p.exitValue() != 0) {
			throw new IOException(what + " failed: " + output.strip());
		}
	}

	/**
	 * PostgreSQL refuses to run as root: there, its commands run in a user namespace of
	 * their own (as zonky's embedded PostgreSQL does).
	 */
	private static List<String> wrap(List<String> command) {
		if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
		wrapped.addAll(command);
		return wrapped;
	}

	private String bin(String name) {
		return binaries.resolve("bin").resolve(name).toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void writeOwnerOnly(Path file, Properties properties) throws IOException {
		try (OutputStream out = OwnerOnlyFiles.create(file)) {
			properties.store(out, "Qinglian's embedded PostgreSQL: passwords of its roles (keep owner-only)");
		}
	}

}
