package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange.ImportReport;
import org.qinglian.platform.Exchange.Progress;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BundleImporter.class);

	/** Chunks of encoded rows (256 KB each) waiting for the database: 32 MB at most. */
	private static final int QUEUE = 128;

	private final ExchangeFiles files;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	private final ImportLimits limits;

	BundleImporter(ExchangeFiles files, DataSource dataSource, TransactionTemplate tx, PersonalDataCipher cipher,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, ImportLimits limits) {
		this.limits = limits;
		this.files = files;
		this.dataSource = dataSource;
		this.tx = tx;
		this.cipher = cipher;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	ImportReport importBundle(java.nio.file.Path path, Progress progress) {
		long started = System.nanoTime();
		try (Bundle bundle = Bundle.open(path, limits)) {
			Problems problems = new Problems();
			Manifest manifest = readManifest(bundle, problems);
			if (problems.any()) {
				throw problems.rejection(files.names());
			}
			return tx.execute(status -> {
				try {
					return load(bundle, manifest, progress, started);
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

	/** What a benchmark bundle may hold beside the data files (spec: Labels). */
	private static final Set<String> LABELS = Set.of("labels/", "labels/schemes.csv", "labels/scheme_records.csv");

	/** The manifest's promises, after checking them against the files present. */
	record Manifest(String countyCode, String bundleSha256, Map<String, Long> rows, Map<String, String> hashes,
			String periodFrom, String periodTo) {
	}

	private Manifest readManifest(Bundle bundle, Problems problems) throws IOException {
		String m = Bundle.MANIFEST;
		if (!bundle.exists(m)) {
			problems.add(m, 0, "-", "the bundle has no manifest.json");
			return null;
		}
		if (bundle.size(m) > 1 << 20) {
			problems.add(m, 0, "-",
					String.format("has %,d bytes, more than the 1 MB a manifest may have", bundle.size(m)));
			return null;
		}
		byte[] bytes;
		try (InputStream in = bundle.open(m)) {
			bytes = in.readAllBytes();
		}
		JsonNode root;
		try {
			root = json.readTree(bytes);
		}
		catch (RuntimeException ex) {
			problems.add(m, 1, "-", "is not valid JSON");
			return null;
		}
		if (!"qdx".equals(root.path("format").asString(""))) {
			problems.add(m, 1, "format", "must be \"qdx\"");
		}
		if (root.path("version").asInt(-1) != 1) {
			problems.add(m, 1, "version", "must be 1 (the only version this platform reads)");
		}
		String county = root.path("county_code").asString("");
		if (!county.matches("\\d{6}")) {
			problems.add(m, 1, "county_code", "'" + county + "' is not a 6-digit county code");
		}
		JsonNode listed = root.path("files");
		Map<String, Long> rows = new HashMap<>();
		Map<String, String> hashes = new HashMap<>();
		Set<String> present = new LinkedHashSet<>(bundle.files());
		present.remove(m);
		for (String name : present) {
			if (LABELS.contains(name)) {
				continue;
			}
			if (files.byName(name) == null) {
				problems.add(name, 0, "-", "is not a file of the QDX format");
			}
			else if (!listed.has(name)) {
				problems.add(m, 1, "files", name + " is in the bundle but not in the manifest");
			}
		}
		if (!present.contains("regions.csv")) {
			problems.add("regions.csv", 0, "-", "is missing: every bundle has regions.csv");
		}
		for (var entry : listed.properties()) {
			String name = entry.getKey();
			if (name.startsWith("labels/")) {
				continue;
			}
			if (!bundle.exists(name)) {
				problems.add(m, 1, "files", name + " is listed but not in the bundle");
				continue;
			}
			JsonNode meta = entry.getValue();
			rows.put(name, meta.path("rows").asLong(-1));
			// checked while the file is read
			hashes.put(name, meta.path("sha256").asString(""));
		}
		JsonNode period = root.path("period");
		return new Manifest(county, HexFormat.of().formatHex(BundleReader.sha256().digest(bytes)), rows, hashes,
				period.path("from").asString(null), period.path("to").asString(null));
	}

	private ImportReport load(Bundle bundle, Manifest manifest, Progress progress, long started)
			throws IOException, SQLException, InterruptedException {
		Connection con = DataSourceUtils.getConnection(dataSource);
		List<ExchangeFile> present = files.all().stream().filter(f -> manifest.rows().containsKey(f.file())).toList();
		Set<String> emptyTables = new HashSet<>();
		Map<String, BundleReader.TableShape> shapes = new HashMap<>();
		try (Statement st = con.createStatement()) {
			// one import at a time: what is empty, and what is loaded, must not change
			// under it
			st.execute("select pg_advisory_xact_lock(hashtext('qdx_import'))");
			for (ExchangeFile f : files.all()) {
				try (var rs = st.executeQuery("select not exists (select 1 from " + f.table() + ")")) {
					rs.next();
					if (rs.getBoolean(1)) {
						emptyTables.add(f.table());
					}
				}
				shapes.put(f.file(), shape(st, f));
			}
		}
		Map<String, RowIndex> indexes = indexes(con, present, emptyTables);
		long prepared = System.nanoTime();
		Problems problems = new Problems();
		BundleReader reader = new BundleReader(bundle, manifest, present, indexes, shapes, cipher, problems, progress);
		Pipeline pipeline = new Pipeline();
		Thread thread = new Thread(() -> pipeline.run(reader), "qdx-reader");
		thread.setDaemon(true);
		thread.start();
		Map<String, Long> perFile = new LinkedHashMap<>();
		Map<String, Long> rowsRead;
		try {
			rowsRead = write(con, pipeline, emptyTables, shapes, perFile);
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
		audit.record("import", "bundle", manifest.bundleSha256(), null,
				"rows read " + rowsTotal + ", rows changed " + changed + " " + perFile);
		if (!changedFiles.isEmpty()) {
			events.publishEvent(new BundleImported(importId, changedFiles));
		}
		return new ImportReport(rowsTotal, changed, millis, before);
	}

	/** The types and lengths of the columns of a file's table. */
	private static BundleReader.TableShape shape(Statement st, ExchangeFile f) throws SQLException {
		Map<String, String> types = new HashMap<>();
		Map<String, Integer> lengths = new HashMap<>();
		try (var rs = st.executeQuery("""
				select attname, format_type(atttypid, null), atttypmod from pg_attribute
				where attrelid = '%s'::regclass and attnum > 0 and not attisdropped""".formatted(f.table()))) {
			while (rs.next()) {
				String type = rs.getString(2);
				types.put(rs.getString(1), type);
				if ((type.equals("character varying") || type.equals("character")) && rs.getInt(3) > 4) {
					lengths.put(rs.getString(1), rs.getInt(3) - 4);
				}
			}
		}
		List<ExchangeColumn> columns = f.columns();
		int[] maxLength = new int[columns.size()];
		BinaryCopyEncoder.Kind[] kinds = new BinaryCopyEncoder.Kind[columns.size()];
		boolean binary = true;
		for (int i = 0; i < columns.size(); i++) {
			ExchangeColumn c = columns.get(i);
			String type = types.get(c.dbColumn());
			if (type == null) {
				throw new IllegalStateException(f.table() + " has no column " + c.dbColumn() + " for " + c.name());
			}
			maxLength[i] = c.encrypted() ? Integer.MAX_VALUE : lengths.getOrDefault(c.dbColumn(), Integer.MAX_VALUE);
			kinds[i] = switch (type) {
				case "text", "character varying", "character" -> BinaryCopyEncoder.Kind.TEXT;
				case "date" -> BinaryCopyEncoder.Kind.DATE;
				case "numeric" -> BinaryCopyEncoder.Kind.NUMERIC;
				case "smallint" -> BinaryCopyEncoder.Kind.SMALLINT;
				case "integer" -> BinaryCopyEncoder.Kind.INTEGER;
				case "bigint" -> BinaryCopyEncoder.Kind.BIGINT;
				case "boolean" -> BinaryCopyEncoder.Kind.BOOLEAN;
				default -> null;
			};
			binary &= kinds[i] != null && fits(kinds[i], c.type());
		}
		return new BundleReader.TableShape(maxLength, binary ? kinds : null);
	}

	/** Whether the file's values of this type can be written in the binary form. */
	private static boolean fits(BinaryCopyEncoder.Kind kind, org.qinglian.platform.ColumnType type) {
		return switch (kind) {
			case TEXT -> true;
			case DATE -> type == org.qinglian.platform.ColumnType.DATE;
			case BOOLEAN -> type == org.qinglian.platform.ColumnType.BOOLEAN;
			case NUMERIC ->
				type == org.qinglian.platform.ColumnType.MONEY || type == org.qinglian.platform.ColumnType.DECIMAL
						|| type == org.qinglian.platform.ColumnType.INTEGER;
			case SMALLINT, INTEGER, BIGINT -> type == org.qinglian.platform.ColumnType.INTEGER;
		};
	}

	/**
	 * The indexes the reader needs: of every file that a column references or a check
	 * looks up, with the columns looked up, holding the rows already in the table.
	 */
	private Map<String, RowIndex> indexes(Connection con, List<ExchangeFile> present, Set<String> emptyTables)
			throws SQLException {
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
				select.add(quote(f.column(k).orElseThrow().dbColumn()) + "::text");
			}
			for (String k : index.kept()) {
				select.add(quote(f.column(k).orElseThrow().dbColumn()) + "::text");
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

	/**
	 * Takes the reader's chunks and sends them to the database; returns the rows read per
	 * file and fills {@code changed} with the rows inserted or updated per file.
	 */
	private Map<String, Long> write(Connection con, Pipeline pipeline, Set<String> emptyTables,
			Map<String, BundleReader.TableShape> shapes, Map<String, Long> changed)
			throws SQLException, InterruptedException, IOException {
		try {
			return writeAll(con, pipeline, emptyTables, shapes, changed);
		}
		finally {
			if (pipeline.copy != null && pipeline.copy.isActive()) {
				pipeline.copy.cancelCopy();
			}
		}
	}

	private Map<String, Long> writeAll(Connection con, Pipeline pipeline, Set<String> emptyTables,
			Map<String, BundleReader.TableShape> shapes, Map<String, Long> changed)
			throws SQLException, InterruptedException, IOException {
		CopyIn copy = null;
		while (true) {
			long w0 = System.nanoTime();
			Object item = pipeline.queue.take();
			pipeline.writerWaited += System.nanoTime() - w0;
			if (item instanceof byte[] rows) {
				copy.writeToCopy(rows, 0, rows.length);
			}
			else if (item instanceof Begin begin) {
				ExchangeFile f = begin.file();
				String columns = f.columns().stream().map(c -> quote(c.dbColumn())).collect(Collectors.joining(", "));
				String target;
				if (emptyTables.contains(f.table())) {
					try (Statement st = con.createStatement()) {
						// built again once, by sorting, when the file is loaded
						st.execute("select plt_drop_keys('" + f.table() + "')");
					}
					target = f.table();
				}
				else {
					target = stage(f);
					try (Statement st = con.createStatement()) {
						st.execute("create temp table " + target + " on commit drop as select " + columns + " from "
								+ f.table() + " with no data");
					}
				}
				copy = con.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + target + " (" + columns + ") from stdin"
							+ (shapes.get(f.file()).binary() ? " with (format binary)" : ""));
				pipeline.copy = copy;
			}
			else if (item instanceof End end) {
				ExchangeFile f = end.file();
				if (!end.good()) {
					// the rows stopped short: they will not be kept
					copy.cancelCopy();
					copy = null;
					continue;
				}
				long rows = copy.endCopy();
				copy = null;
				long t = System.nanoTime();
				if (emptyTables.contains(f.table())) {
					try (Statement st = con.createStatement()) {
						st.execute("select plt_restore_keys('" + f.table() + "')");
					}
					changed.put(f.file(), rows);
				}
				else {
					changed.put(f.file(), merge(con, f));
				}
				if (changed.get(f.file()) > 0) {
					// fresh statistics, so that the queries that follow an import
					// (conformance, risk rules) plan well; rough ones suffice, and taken
					// now they overlap the reading of the next file
					try (Statement st = con.createStatement()) {
						st.execute("set local default_statistics_target = 10");
						st.execute("select plt_analyze('" + f.table() + "')");
					}
				}
				log.trace("{}: {} rows, keys and merge {} ms", f.file(), rows, (System.nanoTime() - t) / 1_000_000);
			}
			else if (item instanceof Done done) {
				if (done.error() instanceof IOException ex) {
					throw ex;
				}
				if (done.error() instanceof RuntimeException ex) {
					throw ex;
				}
				if (done.error() instanceof Error ex) {
					throw ex;
				}
				if (done.error() != null) {
					throw new IllegalStateException(done.error());
				}
				return done.rowsRead();
			}
		}
	}

	/**
	 * Merges the staged rows into the table by key; returns the rows inserted or changed.
	 */
	private long merge(Connection con, ExchangeFile f) throws SQLException {
		List<String> targets = f.columns().stream().map(c -> quote(c.dbColumn())).toList();
		List<String> keyDb = f.key().stream().map(k -> quote(f.column(k).orElseThrow().dbColumn())).toList();
		List<String> rest = targets.stream().filter(t -> !keyDb.contains(t)).toList();
		StringBuilder sql = new StringBuilder("insert into ").append(f.table())
			.append(" as t (")
			.append(String.join(", ", targets))
			.append(") select ")
			.append(String.join(", ", targets))
			.append(" from ")
			.append(stage(f))
			.append(" on conflict (")
			.append(String.join(", ", keyDb))
			.append(") ");
		if (rest.isEmpty()) {
			sql.append("do nothing");
		}
		else {
			sql.append("do update set ")
				.append(rest.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")))
				.append(" where (")
				.append(rest.stream().map(c -> "t." + c).collect(Collectors.joining(", ")))
				.append(") is distinct from (")
				.append(rest.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")))
				.append(')');
		}
		try (Statement st = con.createStatement()) {
			return st.executeLargeUpdate(sql.toString());
		}
	}

	static String stage(ExchangeFile f) {
		return "stg_" + f.table();
	}

	static String quote(String identifier) {
		return '"' + identifier + '"';
	}

	private record Begin(ExchangeFile file) {
	}

	private record End(ExchangeFile file, boolean good) {
	}

	private record Done(Map<String, Long> rowsRead, Throwable error) {
	}

	/**
	 * The hand-over from the reader thread to the writing one: a bounded queue, so that
	 * the reader runs at most {@link #QUEUE} chunks ahead.
	 */
	private static final class Pipeline implements BundleReader.Sink {

		final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);

		volatile boolean cancelled;

		/** The COPY under way, to be cancelled if the writing fails. */
		CopyIn copy;

		/**
		 * Nanoseconds the writer waited for rows (the reader was slower) and the reader
		 * waited for room (the database was slower): the debug log says which side set
		 * the pace.
		 */
		long writerWaited;

		long readerWaited;

		void run(BundleReader reader) {
			Done done;
			try {
				done = new Done(reader.read(this), null);
			}
			catch (CancellationException ex) {
				return;
			}
			catch (Throwable ex) {
				done = new Done(Map.of(), ex);
			}
			try {
				put(done);
			}
			catch (CancellationException | InterruptedException ex) {
				// the writer has gone
			}
		}

		private void put(Object item) throws InterruptedException {
			long w0 = System.nanoTime();
			try {
				put0(item);
			}
			finally {
				readerWaited += System.nanoTime() - w0;
			}
		}

		private void put0(Object item) throws InterruptedException {
			while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (cancelled) {
					throw new CancellationException();
				}
			}
		}

		@Override
		public boolean cancelled() {
			return cancelled;
		}

		@Override
		public void begin(ExchangeFile file) throws InterruptedException {
			put(new Begin(file));
		}

		@Override
		public void rows(byte[] copyText) throws InterruptedException {
			put(copyText);
		}

		@Override
		public void end(ExchangeFile file, boolean good) throws InterruptedException {
			put(new End(file, good));
		}

	}

}
