package org.qinglian.platform.exchange;

import java.io.IOException;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange.ImportReport;
import org.qinglian.platform.Exchange.Progress;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.exchange.ManifestChecks.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a bundle in one transaction, all or nothing. A reader thread
 * ({@link BundleReader}) reads each file once and checks every row in Java (fields, keys,
 * references, row checks) while this thread streams the good rows by {@code COPY} into
 * the database: into the module's table itself when it is empty (its keys and indexes are
 * dropped first and built once at the end of the file, by sorting), else into a temporary
 * table whose rows are then merged by key. So the checks and the database's work run side
 * by side, on two cores. When a problem is found nothing more is sent, the reading goes
 * on to list every problem, and the transaction is rolled back. Memory holds the keys of
 * the files that are referenced, not the rows.
 */
@Component
class BundleImporter {

	/** The version of how files are read and checked: raised when that changes. */
	static final String IMPORTER_VERSION = "importer-1";

	private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);

	private final ExchangeFiles files;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ImportLimits limits;

	private final ManifestChecks manifests;

	BundleImporter(ExchangeFiles files, DataSource dataSource, TransactionTemplate tx, PersonalDataCipher cipher,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, ImportLimits limits) {
		this.limits = limits;
		this.manifests = new ManifestChecks(files);
		this.files = files;
		this.dataSource = dataSource;
		this.tx = tx;
		this.cipher = cipher;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	ImportReport importBundle(Path path, Progress progress) {
		long started = System.nanoTime();
		try (Bundle bundle = Bundle.open(path, limits)) {
			Problems problems = new Problems();
			Manifest manifest = manifests.read(bundle, problems);
			if (problems.any()) {
				throw problems.rejection(files.names());
			}
			ExchangeFiles files = this.files.forVersion(manifest.version());
			return tx.execute(status -> {
				try {
					return load(files, bundle, manifest, progress, started);
				}
				catch (ImportLimits.Exceeded ex) {
					throw new BundleRejectedException(List.of(ex.getMessage()), 1);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (SQLException ex) {
					throw new IllegalStateException("The database refused the import: " + ex.getMessage(), ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("The import was interrupted", ex);
				}
			});
		}
		catch (ImportLimits.Exceeded ex) {
			throw new BundleRejectedException(List.of(ex.getMessage()), 1);
		}
		catch (IOException ex) {
			throw new BundleRejectedException(List.of(path + ": " + ex.getMessage()), 1);
		}
	}

	private ImportReport load(ExchangeFiles files, Bundle bundle, Manifest manifest, Progress progress, long started)
			throws IOException, SQLException, InterruptedException {
		Connection con = DataSourceUtils.getConnection(dataSource);
		List<ExchangeFile> present = files.all().stream().filter(f -> manifest.rows().containsKey(f.file())).toList();
		Set<String> emptyTables = new HashSet<>();
		Map<String, BundleReader.TableShape> shapes = new HashMap<>();
		try (Statement st = con.createStatement()) {
			// one import at a time: what is empty, and what is loaded, must not change
			// under it
			st.execute("select pg_advisory_xact_lock(hashtext('qdx_import'))");
		}
		// one installation keeps a registry in one form: a bundle of the other version's
		// form would leave the data unexportable
		List<ExchangeFile> otherForms = present.stream().flatMap(f -> files.otherForms(f).stream()).toList();
		Set<String> tables = new LinkedHashSet<>();
		files.all().forEach(f -> tables.add(f.table()));
		otherForms.forEach(f -> tables.add(f.table()));
		emptyTables.addAll(TableLoading.empty(con, tables));
		shapes.putAll(TableLoading.shapes(con, files.all()));
		Problems mixed = new Problems();
		for (ExchangeFile f : present) {
			for (ExchangeFile other : files.otherForms(f)) {
				if (!emptyTables.contains(other.table())) {
					mixed.add(f.file(), 0, "-", "the installation holds this registry as another version of the "
							+ "format writes it; one installation keeps one form (import bundles of one version)");
				}
			}
		}
		emptyTables.retainAll(files.all().stream().map(ExchangeFile::table).toList());
		if (mixed.any()) {
			throw mixed.rejection(files.names());
		}
		Map<String, Long> changes = new HashMap<>();
		Set<String> unchanged = unchanged(con, bundle, manifest, files, present, changes);
		List<ExchangeFile> toRead = present.stream().filter(f -> !unchanged.contains(f.file())).toList();
		Map<String, RowIndex> indexes = indexes(files, con, toRead, emptyTables);
		long prepared = System.nanoTime();
		Problems problems = new Problems();
		BundleReader reader = new BundleReader(bundle, manifest, toRead, indexes, shapes, cipher, problems, progress);
		TableLoading.Pipeline pipeline = new TableLoading.Pipeline();
		Thread thread = new Thread(() -> pipeline.run(reader), "qdx-reader");
		thread.setDaemon(true);
		thread.start();
		Map<String, Long> perFile = new LinkedHashMap<>();
		Map<String, Long> rowsRead;
		try {
			rowsRead = TableLoading.write(con, pipeline, emptyTables, shapes, perFile);
		}
		finally {
			pipeline.cancelled = true;
			thread.join();
		}
		log.debug("the writer waited {} ms for rows, the reader {} ms for room", pipeline.writerWaited / 1_000_000,
				pipeline.readerWaited / 1_000_000);
		if (problems.any()) {
			throw problems.rejection(files.names());
		}
		log.debug("import phases: preparing {} ms, reading, loading and statistics {} ms",
				(prepared - started) / 1_000_000, (System.nanoTime() - prepared) / 1_000_000);
		for (String file : unchanged) {
			rowsRead.put(file, manifest.rows().get(file));
		}
		long rowsTotal = rowsRead.values().stream().mapToLong(Long::longValue).sum();
		long changed = perFile.values().stream().mapToLong(Long::longValue).sum();
		Set<String> changedFiles = perFile.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		boolean before = Boolean.TRUE
			.equals(jdbc.sql("select exists (select 1 from plt_import where bundle_sha256 = ?)")
				.param(manifest.bundleSha256())
				.query(Boolean.class)
				.single());
		long millis = (System.nanoTime() - started) / 1_000_000;
		Long importId = jdbc.sql("""
				insert into plt_import (bundle_sha256, county_code, imported_at, imported_by, rows_read, rows_changed,
				                        millis, period_from, period_to)
				values (?, ?, ?, ?, ?, ?, ?, ?::date, ?::date) returning id""")
			.params(manifest.bundleSha256(), manifest.countyCode(), OffsetDateTime.now(clock),
					System.getProperty("user.name", "unknown"), rowsTotal, changed, millis, manifest.periodFrom(),
					manifest.periodTo())
			.query(Long.class)
			.single();
		remember(jdbc, files, toRead, manifest, importId, changes);
		audit.record("import", "bundle", manifest.bundleSha256(), null, "rows read " + rowsTotal + ", rows changed "
				+ changed + " " + perFile + (unchanged.isEmpty() ? "" : ", files unchanged " + unchanged));
		if (!changedFiles.isEmpty()) {
			events.publishEvent(new BundleImported(importId, changedFiles));
		}
		return new ImportReport(rowsTotal, changed, millis, before, unchanged.size());
	}

	/**
	 * The files that need not be read: each is, byte for byte, the file last imported
	 * under its name (its SHA-256 is the manifest's, and the manifest's is the one last
	 * imported, with the same county and format version), into a table that no
	 * transaction but that import has changed since ({@code plt_table_change}), and no
	 * file it refers to or looks up is read (its rows are checked again against what
	 * changed).
	 */
	private Set<String> unchanged(Connection con, Bundle bundle, Manifest manifest, ExchangeFiles files,
			List<ExchangeFile> present, Map<String, Long> changes) throws SQLException, IOException {
		Map<String, String[]> last = new HashMap<>();
		try (Statement st = con.createStatement()) {
			try (var count = con.prepareStatement("select count(plt_count_changes(t)) from unnest(?) t")) {
				count.setArray(1, con.createArrayOf("text", present.stream().map(ExchangeFile::table).toArray()));
				try (var rs = count.executeQuery()) {
					rs.next();
				}
			}
			try (var rs = st.executeQuery("select table_name, count(*) filter (where xact <> pg_current_xact_id()) "
					+ "from plt_table_change group by table_name")) {
				while (rs.next()) {
					changes.put(rs.getString(1), rs.getLong(2));
				}
			}
			try (var rs = st.executeQuery("""
					select file_name, sha256, county_code, format_version, table_name, table_changes, definition,
					       depends_on
					from plt_import_file""")) {
				while (rs.next()) {
					last.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8) });
				}
			}
		}
		Set<String> unchanged = new LinkedHashSet<>();
		for (ExchangeFile f : present) {
			String[] was = last.get(f.file());
			String declared = manifest.hashes().get(f.file());
			if (was == null || declared == null || !was[0].equalsIgnoreCase(declared)
					|| !was[1].equals(manifest.countyCode()) || !was[2].equals(manifest.version())
					|| !was[3].equals(f.table()) || !Long.valueOf(was[4]).equals(changes.getOrDefault(f.table(), 0L))
					|| !was[5].equals(definition(f)) || !was[6].equals(dependsOn(f, files, changes))) {
				continue;
			}
			unchanged.add(f.file());
		}
		// a file that refers to, or looks up, a file that is read is read too, until
		// none is left
		boolean more = true;
		while (more) {
			more = false;
			for (ExchangeFile f : present) {
				if (unchanged.contains(f.file()) && dependsOnAny(f, present, unchanged)) {
					unchanged.remove(f.file());
					more = true;
				}
			}
		}
		// the bytes themselves, not the manifest's word for them
		for (var it = unchanged.iterator(); it.hasNext();) {
			String file = it.next();
			MessageDigest md = BundleReader.sha256();
			try (InputStream in = bundle.open(file)) {
				byte[] buffer = new byte[1 << 16];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					md.update(buffer, 0, n);
				}
			}
			if (!HexFormat.of().formatHex(md.digest()).equalsIgnoreCase(manifest.hashes().get(file))) {
				it.remove();
			}
		}
		if (unchanged.size() < present.size()) {
			// a file whose bytes differ was taken out last: those that depend on it too
			boolean again = true;
			while (again) {
				again = false;
				for (ExchangeFile f : present) {
					if (unchanged.contains(f.file()) && dependsOnAny(f, present, unchanged)) {
						unchanged.remove(f.file());
						again = true;
					}
				}
			}
		}
		return unchanged;
	}

	/** Whether the file refers to or looks up a present file that is to be read. */
	private static boolean dependsOnAny(ExchangeFile f, List<ExchangeFile> present, Set<String> unchanged) {
		Set<String> needs = needs(f);
		for (ExchangeFile other : present) {
			if (needs.contains(other.file()) && !unchanged.contains(other.file())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Each file read, with its hash, its declaration, and the counts of changes of its
	 * table and of the tables it depends on: those counted when the import began, and its
	 * own. A transaction that changed one of them meanwhile is counted at the next
	 * import, which then reads the file again.
	 */
	private static void remember(JdbcClient jdbc, ExchangeFiles files, List<ExchangeFile> read, Manifest manifest,
			long importId, Map<String, Long> changes) {
		Map<String, Long> after = new HashMap<>(changes);
		for (String table : jdbc.sql("select table_name from plt_table_change where xact = pg_current_xact_id()")
			.query(String.class)
			.list()) {
			after.merge(table, 1L, Long::sum);
		}
		for (ExchangeFile f : read) {
			jdbc.sql("""
					insert into plt_import_file (file_name, sha256, county_code, format_version, table_name,
					                             table_changes, definition, depends_on, import_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (file_name) do update set sha256 = excluded.sha256, county_code = excluded.county_code,
					  format_version = excluded.format_version, table_name = excluded.table_name,
					  table_changes = excluded.table_changes, definition = excluded.definition,
					  depends_on = excluded.depends_on, import_id = excluded.import_id""")
				.params(f.file(), manifest.hashes().get(f.file()), manifest.countyCode(), manifest.version(), f.table(),
						after.getOrDefault(f.table(), 0L), definition(f), dependsOn(f, files, after), importId)
				.update();
		}
	}

	/**
	 * What the import of a file depends on besides its bytes: its declaration (columns,
	 * references, checks) and this importer's version. A release that reads or checks the
	 * file otherwise reads it again.
	 */
	static String definition(ExchangeFile f) {
		StringBuilder b = new StringBuilder(IMPORTER_VERSION).append('|')
			.append(f.file())
			.append('|')
			.append(f.table())
			.append('|')
			.append(f.key())
			.append('|')
			.append(f.additions())
			.append('|')
			.append(f.versions());
		for (ExchangeColumn c : f.columns()) {
			b.append("|c:")
				.append(c.name())
				.append(',')
				.append(c.dbColumn())
				.append(',')
				.append(c.type())
				.append(',')
				.append(c.required())
				.append(',')
				.append(new TreeSet<>(c.vocabulary()))
				.append(',')
				.append(c.references())
				.append(',')
				.append(c.encrypted());
		}
		for (ExchangeFile.RowCheck check : f.checks()) {
			b.append("|k:").append(check.column()).append(',').append(check.reason()).append(',').append(check.reads());
		}
		return HexFormat.of()
			.formatHex(BundleReader.sha256().digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** The files a file refers to or looks up, itself aside. */
	private static Set<String> needs(ExchangeFile f) {
		Set<String> needs = new TreeSet<>();
		for (ExchangeColumn c : f.columns()) {
			needs.addAll(c.references());
		}
		for (ExchangeFile.RowCheck check : f.checks()) {
			check.reads().forEach(r -> needs.add(r.file()));
		}
		needs.remove(f.file());
		return needs;
	}

	/**
	 * The changes of the tables of the files a file needs, as counted: whether those
	 * files are in the bundle or not, a file is checked again when one of them changed.
	 */
	private static String dependsOn(ExchangeFile f, ExchangeFiles files, Map<String, Long> changes) {
		StringBuilder b = new StringBuilder();
		for (String need : needs(f)) {
			ExchangeFile n = files.byName(need);
			String table = n == null ? need : n.table();
			b.append(table).append(':').append(changes.getOrDefault(table, 0L)).append(';');
		}
		return b.toString();
	}

	/**
	 * The indexes the reader needs: of every file that a column references or a check
	 * looks up, with the columns looked up, holding the rows already in the table.
	 */
	private Map<String, RowIndex> indexes(ExchangeFiles files, Connection con, List<ExchangeFile> present,
			Set<String> emptyTables) throws SQLException {
		Map<String, Set<String>> kept = new LinkedHashMap<>();
		for (ExchangeFile f : present) {
			for (ExchangeColumn c : f.columns()) {
				c.references().forEach(r -> kept.computeIfAbsent(r, k -> new LinkedHashSet<>()));
			}
			for (ExchangeFile.RowCheck check : f.checks()) {
				for (ExchangeFile.Read read : check.reads()) {
					Set<String> columns = kept.computeIfAbsent(read.file(), k -> new LinkedHashSet<>());
					if (read.column() != null) {
						columns.add(read.column());
					}
				}
			}
		}
		Map<String, RowIndex> indexes = new HashMap<>();
		for (var e : kept.entrySet()) {
			ExchangeFile f = files.byName(e.getKey());
			RowIndex index = new RowIndex(f, List.copyOf(e.getValue()));
			indexes.put(f.file(), index);
			if (emptyTables.contains(f.table())) {
				continue;
			}
			List<String> select = new ArrayList<>();
			for (String k : f.key()) {
				select.add(TableLoading.quote(f.column(k).orElseThrow().dbColumn()) + "::text");
			}
			for (String k : index.kept()) {
				select.add(TableLoading.quote(f.column(k).orElseThrow().dbColumn()) + "::text");
			}
			int keys = f.key().size();
			try (Statement st = con.createStatement()) {
				// a cursor, not the whole table in the driver's memory at once
				st.setFetchSize(10_000);
				var rs = st.executeQuery("select " + String.join(", ", select) + " from " + f.table());
				while (rs.next()) {
					String[] parts = new String[keys];
					for (int i = 0; i < keys; i++) {
						parts[i] = rs.getString(i + 1);
					}
					String[] values = new String[index.kept().size()];
					for (int i = 0; i < values.length; i++) {
						values[i] = rs.getString(keys + i + 1);
					}
					index.add(RowIndex.key(parts), 0, values);
				}
			}
		}
		return indexes;
	}

}
