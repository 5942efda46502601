package org.qinglian.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Command;
import org.qinglian.platform.CommandOptions;
import picocli.CommandLine;
import org.qinglian.platform.crypto.Keysets;
import org.qinglian.platform.OwnerOnlyFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code backup TARGET} and {@code restore SOURCE}: every table of the database as it was
 * at one instant (one repeatable-read transaction, each table in PostgreSQL's binary
 * {@code COPY} format, with its row count and SHA-256), the migrations it was made by,
 * and the audit log's checkpoints. The keysets are not in a backup: they are backed up
 * apart, and a restore refuses keys that are not the backup's. A restore goes into an
 * empty database of the same migrations, all or nothing.
 */
@Component
class BackupCommands {

	static final String MANIFEST = "backup.json";

	/** Rows the platform makes by itself at start, which a restore replaces. */
	private static final Set<String> REPLACED = Set.of("plt_installation", "plt_key_check");

	/** Work tables that are never backed up. */
	private static final Set<String> SKIPPED = Set.of("plt_dropped_key", "spring_session", "spring_session_attributes",
			"shedlock", "plt_job_run", "plt_sign_in_failure", "plt_table_change", "plt_change_region",
			"plt_import_file", "plt_derived_stamp");

	private final DataSource dataSource;

	private final PlatformTransactionManager transactions;

	private final AuditLog audit;

	private final Keysets keys;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	BackupCommands(DataSource dataSource, PlatformTransactionManager transactions, AuditLog audit, Keysets keys,
			Clock clock) {
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.audit = audit;
		this.keys = keys;
		this.clock = clock;
	}

	@CommandLine.Command(name = "backup",
			description = "A consistent copy of the whole database, the migrations it was made by and the audit "
					+ "checkpoints; not the keys.")
	static final class BackupOptions {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "TARGET", description = "a new or empty folder")
		Path target;

	}

	@CommandLine.Command(name = "restore",
			description = "A backup into an empty installation (same migrations, the keys it was made with).")
	static final class RestoreOptions {

		@CommandLine.Mixin
		CommandOptions.Help help;

		@CommandLine.Parameters(index = "0", paramLabel = "SOURCE")
		Path source;

	}

	@Bean
	static Command backupCommand(BackupCommands backups) {
		return Command.of("backup",
				"TARGET    a consistent copy of the database into the new folder TARGET (keys apart)",
				(args, out, err) -> {
					Path target = CommandOptions.parse(new BackupOptions(), args).target;
					if (Files.exists(target)
							&& (!Files.isDirectory(target) || Files.list(target).findAny().isPresent())) {
						err.println("backup: " + target + " exists and is not an empty folder");
						return 1;
					}
					long rows = backups.backup(target);
					out.printf("Backed up %,d rows to %s. The keys are not in it: back up %s apart.%n", rows, target,
							backups.keys.dir());
					return 0;
				});
	}

	@Bean
	static Command restoreCommand(BackupCommands backups) {
		return Command.of("restore", "SOURCE    a backup into this empty database (with the keys it was made with)",
				(args, out, err) -> {
					Path source = CommandOptions.parse(new RestoreOptions(), args).source;
					long rows = backups.restore(source);
					out.printf("Restored %,d rows from %s.%n", rows, source);
					return 0;
				});
	}

	long backup(Path target) throws IOException {
		audit.recordNow("backup", "database", target.toAbsolutePath().toString(), null, null);
		audit.checkpoint();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		tx.setReadOnly(true);
		OwnerOnlyFiles.createDirectories(target.resolve("tables"));
		long[] total = { 0 };
		tx.executeWithoutResult(status -> {
			Connection con = DataSourceUtils.getConnection(dataSource);
			try {
				ObjectNode manifest = json.createObjectNode();
				manifest.put("format", "qinglian-backup");
				manifest.put("version", 1);
				manifest.put("created_at", OffsetDateTime.now(clock).withNano(0).toString());
				manifest.set("migrations", json.valueToTree(migrations(con)));
				ArrayNode tables = manifest.putArray("tables");
				for (String table : tables(con)) {
					MessageDigest md = sha256();
					long rows;
					try (OutputStream out = new DigestOutputStream(
							OwnerOnlyFiles.create(target.resolve("tables").resolve(table + ".copy")), md)) {
						rows = con.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyOut("copy " + table + " to stdout with (format binary)", out);
					}
					ObjectNode t = tables.addObject();
					t.put("name", table);
					t.put("rows", rows);
					t.put("sha256", HexFormat.of().formatHex(md.digest()));
					total[0] += rows;
				}
				Path checkpoints = audit.checkpointFile();
				if (Files.exists(checkpoints)) {
					try (OutputStream out = OwnerOnlyFiles.create(target.resolve("checkpoints.log"))) {
						Files.copy(checkpoints, out);
					}
				}
				byte[] manifestBytes = json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
				try (OutputStream out = OwnerOnlyFiles.create(target.resolve(MANIFEST))) {
					out.write(manifestBytes);
				}
				// the manifest names every file's hash: its MAC (the audit key) makes the
				// whole
				// backup tamper-evident to whoever lacks the keys
				try (OutputStream out = OwnerOnlyFiles.create(target.resolve(MANIFEST + ".mac"))) {
					out.write(Base64.getEncoder().encode(keys.audit().computeMac(manifestBytes)));
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The database refused the backup: " + ex.getMessage(), ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not write the backup to " + target + ": " + ex.getMessage(), ex);
			}
		});
		return total[0];
	}

	long restore(Path source) throws IOException {
		Path manifestFile = source.resolve(MANIFEST);
		if (!Files.isRegularFile(manifestFile)) {
			throw new IllegalArgumentException(source + " is not a backup: it has no " + MANIFEST);
		}
		byte[] manifestBytes = Files.readAllBytes(manifestFile);
		Path macFile = source.resolve(MANIFEST + ".mac");
		try {
			keys.audit()
				.verifyMac(
						Base64.getDecoder().decode(Files.exists(macFile) ? Files.readAllBytes(macFile) : new byte[0]),
						manifestBytes);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("The backup " + source + " was not made with the keys in " + keys.dir()
					+ ", or it was changed since: " + MANIFEST + " does not match its MAC");
		}
		JsonNode manifest = json.readTree(manifestBytes);
		if (!"qinglian-backup".equals(manifest.path("format").asString("")) || manifest.path("version").asInt() != 1) {
			throw new IllegalArgumentException(manifestFile + " is not a backup of this version of Qinglian");
		}
		Path checkpoints = audit.checkpointFile();
		Path savedCheckpoints = source.resolve("checkpoints.log");
		if (Files.exists(checkpoints) && Files.size(checkpoints) > 0) {
			throw new IllegalArgumentException("The audit checkpoints " + checkpoints + " exist already: a restore "
					+ "goes into an empty installation (its own data folder and checkpoint folder)");
		}
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Long restored = tx.execute(status -> {
			Connection con = DataSourceUtils.getConnection(dataSource);
			try {
				List<Map<String, String>> mine = migrations(con);
				List<Map<String, String>> theirs = new ArrayList<>();
				manifest.path("migrations").forEach(m -> {
					Map<String, String> row = new LinkedHashMap<>();
					m.properties().forEach(e -> row.put(e.getKey(), e.getValue().asString(null)));
					theirs.add(row);
				});
				if (!mine.equals(theirs)) {
					throw new IllegalArgumentException("The backup was made by other migrations than this version "
							+ "of Qinglian has: restore it with the version that made it");
				}
				List<String> present = tables(con);
				try (Statement st = con.createStatement()) {
					for (String table : present) {
						if (REPLACED.contains(table)) {
							continue;
						}
						try (var rs = st.executeQuery("select count(*) from " + table)) {
							rs.next();
							if (rs.getLong(1) > 0) {
								throw new IllegalArgumentException("A restore goes into an empty database: " + table
										+ " has " + rs.getLong(1) + " rows");
							}
						}
					}
					st.execute("delete from plt_installation");
					st.execute("delete from plt_key_check");
				}
				long total = 0;
				for (JsonNode t : manifest.path("tables")) {
					String table = t.path("name").asString("");
					if (!present.contains(table)) {
						throw new IllegalArgumentException("The backup's table " + table + " is not in this database");
					}
					if (t.path("rows").asLong(-1) == 0) {
						// nothing to copy (the legacy audit log, which the application's
						// role may not write, is empty in every installation of this
						// version)
						continue;
					}
					Path file = source.resolve("tables").resolve(table + ".copy");
					MessageDigest md = sha256();
					long rows;
					try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
						rows = con.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("copy " + table + " from stdin with (format binary)", in);
					}
					if (!HexFormat.of().formatHex(md.digest()).equals(t.path("sha256").asString(""))
							|| rows != t.path("rows").asLong(-1)) {
						throw new IllegalArgumentException(
								file + " is not the file the backup made (its SHA-256 or " + "row count differs)");
					}
					total += rows;
				}
				try (Statement st = con.createStatement()) {
					st.execute("select setval(pg_get_serial_sequence('plt_import', 'id'), "
							+ "coalesce((select max(id) from plt_import), 0) + 1, false)");
					st.execute("select risk_refresh_near_kin()");
				}
				keys.requireMatchingChecks();
				return total;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The database refused the restore: " + ex.getMessage(), ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the backup " + source + ": " + ex.getMessage(), ex);
			}
		});
		if (Files.exists(savedCheckpoints)) {
			OwnerOnlyFiles.createDirectories(checkpoints.getParent());
			try (OutputStream out = OwnerOnlyFiles.create(checkpoints)) {
				Files.copy(savedCheckpoints, out);
			}
		}
		audit.recordNow("restore", "database", source.toAbsolutePath().toString(), null, "rows " + restored);
		audit.checkpoint();
		return restored;
	}

	/** The database's tables, each after the tables it refers to. */
	private static List<String> tables(Connection con) throws SQLException {
		Map<String, Set<String>> refersTo = new LinkedHashMap<>();
		try (Statement st = con.createStatement(); var rs = st.executeQuery("""
				select tablename from pg_tables where schemaname = 'public'
				and tablename not like 'flyway%' order by tablename""")) {
			while (rs.next()) {
				if (!SKIPPED.contains(rs.getString(1))) {
					refersTo.put(rs.getString(1), new LinkedHashSet<>());
				}
			}
		}
		try (Statement st = con.createStatement(); var rs = st.executeQuery("""
				select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
				where c.contype = 'f'""")) {
			while (rs.next()) {
				if (refersTo.containsKey(rs.getString(1))) {
					refersTo.get(rs.getString(1)).add(rs.getString(2));
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < refersTo.size()) {
			for (var e : refersTo.entrySet()) {
				if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
					ordered.add(e.getKey());
				}
			}
		}
		return ordered;
	}

	/** The migrations the schema was made by, in every migration history table. */
	private static List<Map<String, String>> migrations(Connection con) throws SQLException {
		List<Map<String, String>> out = new ArrayList<>();
		List<String> histories = new ArrayList<>();
		try (Statement st = con.createStatement();
				var rs = st.executeQuery(
						"select tablename from pg_tables where schemaname = 'public' and tablename like 'flyway%' order by 1")) {
			while (rs.next()) {
				histories.add(rs.getString(1));
			}
		}
		for (String history : histories) {
			try (Statement st = con.createStatement();
					var rs = st.executeQuery("select version, script, checksum from " + history
							+ " where success and version is not null order by installed_rank")) {
				while (rs.next()) {
					Map<String, String> row = new LinkedHashMap<>();
					row.put("history", history);
					row.put("version", rs.getString(1));
					row.put("script", rs.getString(2));
					row.put("checksum", rs.getString(3));
					out.add(row);
				}
			}
		}
		return out;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
