package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a bundle in one pass per file: each row is checked in Java and streamed by
 * {@code COPY} into a temporary staging table; then uniqueness, references and cross-row
 * rules are checked in SQL over the staged rows and the rows already loaded; only when
 * nothing is wrong are the rows merged by key into the module tables, all in one
 * transaction. Memory stays flat whatever the bundle's size.
 */
@Component
class BundleImporter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BundleImporter.class);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(stage|table)(?::([a-z_]+\\.csv))?\\}|\\{county\\}");

	private static final int COPY_BUFFER = 1 << 16;

	private final ExchangeFiles files;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	BundleImporter(ExchangeFiles files, DataSource dataSource, TransactionTemplate tx, PersonalDataCipher cipher,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
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
		try (Bundle bundle = Bundle.open(path)) {
			Problems problems = new Problems();
			Manifest manifest = readManifest(bundle, problems);
			if (problems.any()) {
				throw problems.rejection(files.names());
			}
			return tx.execute(status -> {
				try {
					return load(bundle, manifest, progress, started);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (SQLException ex) {
					throw new IllegalStateException("The database refused the import: " + ex.getMessage(), ex);
				}
			});
		}
		catch (IOException ex) {
			throw new BundleRejectedException(List.of(path + ": " + ex.getMessage()), 1);
		}
	}

	/** The manifest's promises, after checking them against the files present. */
	record Manifest(String countyCode, String bundleSha256, Map<String, Long> rows, String periodFrom,
			String periodTo) {
	}

	private Manifest readManifest(Bundle bundle, Problems problems) throws IOException {
		String m = Bundle.MANIFEST;
		if (!bundle.exists(m)) {
			problems.add(m, 0, "-", "the bundle has no manifest.json");
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
		Set<String> present = new LinkedHashSet<>(bundle.files());
		present.remove(m);
		for (String name : present) {
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
			String declared = meta.path("sha256").asString("");
			String actual = sha256(bundle, name);
			if (!actual.equalsIgnoreCase(declared)) {
				problems.add(name, 0, "-", "its SHA-256 is " + actual + ", the manifest says " + declared);
			}
		}
		JsonNode period = root.path("period");
		return new Manifest(county, HexFormat.of().formatHex(digest().digest(bytes)), rows,
				period.path("from").asString(null), period.path("to").asString(null));
	}

	private static String sha256(Bundle bundle, String name) throws IOException {
		MessageDigest md = digest();
		try (InputStream in = new DigestInputStream(bundle.open(name), md)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(md.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ImportReport load(Bundle bundle, Manifest manifest, Progress progress, long started)
			throws IOException, SQLException {
		Connection con = DataSourceUtils.getConnection(dataSource);
		Problems problems = new Problems();
		try (Statement st = con.createStatement()) {
			for (ExchangeFile f : files.all()) {
				st.execute("create temp table " + stage(f) + " (_line bigint, "
						+ f.columns()
							.stream()
							.map(c -> quote(c.name()) + " text"
									+ (c.encrypted() ? ", " + quote(c.name() + "__enc") + " text" : ""))
							.collect(Collectors.joining(", "))
						+ ") on commit drop");
			}
		}
		Set<String> emptyTables = new java.util.HashSet<>();
		try (Statement st = con.createStatement()) {
			for (ExchangeFile f : files.all()) {
				try (var rs = st.executeQuery("select not exists (select 1 from " + f.table() + ")")) {
					rs.next();
					if (rs.getBoolean(1)) {
						emptyTables.add(f.table());
					}
				}
			}
		}
		long totalBytes = 0;
		for (ExchangeFile f : files.all()) {
			if (manifest.rows().containsKey(f.file())) {
				totalBytes += bundle.size(f.file());
			}
		}
		long[] done = { 0, 0 };
		long rowsRead = 0;
		for (ExchangeFile f : files.all()) {
			if (!manifest.rows().containsKey(f.file())) {
				continue;
			}
			long t = System.nanoTime();
			long read = stageFile(con, bundle, f, problems, progress, done, totalBytes);
			log.trace("stage {}: {} rows in {} ms", f.file(), read, (System.nanoTime() - t) / 1_000_000);
			long declared = manifest.rows().get(f.file());
			if (read >= 0 && declared != read) {
				problems.add(f.file(), 0, "-", "has " + read + " rows, the manifest says " + declared);
			}
			rowsRead += Math.max(read, 0);
		}
		long staged = System.nanoTime();
		try (Statement st = con.createStatement()) {
			// rough statistics suffice for the planner to choose hash joins over the
			// staged rows
			st.execute("set local default_statistics_target = 10");
			for (ExchangeFile f : files.all()) {
				if (manifest.rows().containsKey(f.file())) {
					st.execute("analyze " + stage(f));
				}
			}
		}
		for (ExchangeFile f : files.all()) {
			if (manifest.rows().containsKey(f.file())) {
				checkInSql(con, f, manifest.countyCode(), problems, emptyTables);
			}
		}
		if (problems.any()) {
			throw problems.rejection(files.names());
		}
		long checked = System.nanoTime();
		long changed = 0;
		Set<String> changedFiles = new LinkedHashSet<>();
		Map<String, Long> perFile = new LinkedHashMap<>();
		for (ExchangeFile f : files.all()) {
			if (manifest.rows().containsKey(f.file())) {
				long t = System.nanoTime();
				long n = merge(con, f, emptyTables.contains(f.table()));
				log.trace("merge {}: {} rows in {} ms", f.file(), n, (System.nanoTime() - t) / 1_000_000);
				perFile.put(f.file(), n);
				changed += n;
				if (n > 0) {
					changedFiles.add(f.file());
				}
			}
		}
		log.debug("import phases: staging {} ms, checks {} ms, merge {} ms", (staged - started) / 1_000_000,
				(checked - staged) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		// fresh statistics, so that the queries that follow an import (conformance, risk
		// rules) plan well
		try (Statement st = con.createStatement()) {
			for (ExchangeFile f : files.all()) {
				if (perFile.getOrDefault(f.file(), 0L) > 0) {
					st.execute("analyze " + f.table());
				}
			}
		}
		boolean before = Boolean.TRUE.equals(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("select exists (select 1 from plt_import where bundle_sha256 = ?)")
			.param(manifest.bundleSha256())
			.query(Boolean.class)
			.single());
		long millis = (System.nanoTime() - started) / 1_000_000;
		Long importId = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("""
					insert into plt_import (bundle_sha256, county_code, imported_at, imported_by, rows_read, rows_changed,
					                        millis, period_from, period_to)
					values (?, ?, ?, ?, ?, ?, ?, ?::date, ?::date) returning id""")
			.params(manifest.bundleSha256(), manifest.countyCode(), OffsetDateTime.now(clock),
					System.getProperty("user.name", "unknown"), rowsRead, changed, millis, manifest.periodFrom(),
					manifest.periodTo())
			.query(Long.class)
			.single();
		audit.record("import", "bundle", manifest.bundleSha256(), null,
				"rows read " + rowsRead + ", rows changed " + changed + " " + perFile);
		if (!changedFiles.isEmpty()) {
			events.publishEvent(new BundleImported(importId, changedFiles));
		}
		return new ImportReport(rowsRead, changed, millis, before);
	}

	/**
	 * Streams one file into its staging table; returns the rows read, or -1 when the
	 * header is unusable.
	 */
	private long stageFile(Connection con, Bundle bundle, ExchangeFile f, Problems problems, Progress progress,
			long[] done, long totalBytes) throws IOException, SQLException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CountingInputStream counting = new CountingInputStream(bundle.open(f.file()));
		try (CsvReader csv = new CsvReader(new InputStreamReader(counting, decoder))) {
			List<String> header = csv.next();
			if (header == null) {
				problems.add(f.file(), 1, "-", "is empty: the first line must be the header");
				return -1;
			}
			int[] map = headerMap(f, header, problems);
			if (map == null) {
				return -1;
			}
			List<ExchangeColumn> cols = f.columns();
			CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + stage(f) + " from stdin");
			StringBuilder sb = new StringBuilder(COPY_BUFFER + 4096);
			long rows = 0;
			long baseBytes = done[0];
			try {
				List<String> rec;
				while (true) {
					try {
						rec = csv.next();
					}
					catch (CsvReader.MalformedCsvException ex) {
						problems.add(f.file(), ex.line(), "-", ex.getMessage());
						break;
					}
					if (rec == null) {
						break;
					}
					rows++;
					long line = csv.line();
					if (rec.size() != header.size()) {
						problems.add(f.file(), line, "-",
								"has " + rec.size() + " fields, the header has " + header.size());
						continue;
					}
					boolean ok = true;
					for (int i = 0; i < cols.size(); i++) {
						ExchangeColumn c = cols.get(i);
						String v = rec.get(map[i]);
						if (v == null) {
							if (c.required()) {
								problems.add(f.file(), line, c.name(), "is required");
								ok = false;
							}
							continue;
						}
						String problem = FieldChecks.check(c, v);
						if (problem != null) {
							problems.add(f.file(), line, c.name(), problem);
							ok = false;
						}
					}
					if (!ok) {
						continue;
					}
					sb.append(line);
					for (int i = 0; i < cols.size(); i++) {
						ExchangeColumn c = cols.get(i);
						String v = rec.get(map[i]);
						sb.append('\t');
						appendCopy(sb, v);
						if (c.encrypted()) {
							sb.append('\t');
							appendCopy(sb, v == null ? null : cipher.encrypt(v));
						}
					}
					sb.append('\n');
					if (sb.length() >= COPY_BUFFER) {
						flush(copy, sb);
						done[0] = baseBytes + counting.count();
						progress.update(f.file(), done[0], totalBytes, rows);
					}
				}
				flush(copy, sb);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			done[0] = baseBytes + counting.count();
			progress.update(f.file(), done[0], totalBytes, rows);
			return rows;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			problems.add(f.file(), 0, "-", "is not UTF-8 text");
			return -1;
		}
	}

	private static int[] headerMap(ExchangeFile f, List<String> header, Problems problems) {
		int[] map = new int[f.columns().size()];
		boolean ok = true;
		Map<String, Integer> pos = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i) == null ? "" : header.get(i);
			if (f.column(h).isEmpty()) {
				problems.add(f.file(), 1, h.isEmpty() ? "(empty)" : h, "unknown column (expected: "
						+ f.columns().stream().map(ExchangeColumn::name).collect(Collectors.joining(", ")) + ")");
				ok = false;
			}
			else if (pos.put(h, i) != null) {
				problems.add(f.file(), 1, h, "the column appears twice");
				ok = false;
			}
		}
		for (int i = 0; i < map.length; i++) {
			Integer p = pos.get(f.columns().get(i).name());
			if (p == null) {
				problems.add(f.file(), 1, f.columns().get(i).name(), "the column is missing from the header");
				ok = false;
			}
			else {
				map[i] = p;
			}
		}
		return ok ? map : null;
	}

	private static void appendCopy(StringBuilder sb, String v) {
		if (v == null) {
			sb.append("\\N");
			return;
		}
		for (int i = 0; i < v.length(); i++) {
			char ch = v.charAt(i);
			switch (ch) {
				case '\\' -> sb.append("\\\\");
				case '\t' -> sb.append("\\t");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				default -> sb.append(ch);
			}
		}
	}

	private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
		if (sb.isEmpty()) {
			return;
		}
		byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		sb.setLength(0);
	}

	private void checkInSql(Connection con, ExchangeFile f, String county, Problems problems, Set<String> emptyTables)
			throws SQLException {
		String keyCols = f.key().stream().map(BundleImporter::quote).collect(Collectors.joining(", "));
		String joinKeys = f.key()
			.stream()
			.map(k -> "s." + quote(k) + " = d." + quote(k))
			.collect(Collectors.joining(" and "));
		query(con,
				"select s._line, d.first from " + stage(f) + " s join (select " + keyCols + ", min(_line) first from "
						+ stage(f) + " group by " + keyCols + " having count(*) > 1) d on " + joinKeys
						+ " where s._line <> d.first",
				rs -> problems.add(f.file(), rs.getLong(1), String.join("+", f.key()),
						"repeats the key of line " + rs.getLong(2)));
		for (ExchangeColumn c : f.columns()) {
			if (c.references().isEmpty()) {
				continue;
			}
			String value = c.isList() ? "v.val" : "s." + quote(c.name());
			StringBuilder sql = new StringBuilder("select s._line, " + value + " from " + stage(f) + " s ");
			if (c.isList()) {
				sql.append("cross join lateral unnest(string_to_array(s.")
					.append(quote(c.name()))
					.append(", ';')) v(val) ");
			}
			sql.append("where ").append(value).append(" is not null");
			for (String ref : c.references()) {
				ExchangeFile target = files.byName(ref);
				String key = quote(target.keyColumn().name());
				String dbKey = quote(target.keyColumn().dbColumn());
				sql.append(" and not exists (select 1 from ")
					.append(stage(target))
					.append(" r where r.")
					.append(key)
					.append(" = ")
					.append(value)
					.append(')');
				if (!emptyTables.contains(target.table())) {
					sql.append(" and not exists (select 1 from ")
						.append(target.table())
						.append(" r where r.")
						.append(dbKey)
						.append(" = ")
						.append(value)
						.append(')');
				}
			}
			String names = c.references()
				.stream()
				.map(r -> files.byName(r).keyColumn().name() + " of " + r)
				.collect(Collectors.joining(" or "));
			query(con, sql.toString(), rs -> problems.add(f.file(), rs.getLong(1), c.name(),
					"'" + rs.getString(2) + "' is not a " + names));
		}
		for (ExchangeFile.RowCheck check : f.checks()) {
			query(con, "select distinct _line from (" + expand(check.sql(), f, county) + ") q",
					rs -> problems.add(f.file(), rs.getLong(1), check.column(), check.reason()));
		}
	}

	private String expand(String sql, ExchangeFile self, String county) {
		Matcher m = PLACEHOLDER.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String replacement;
			if (m.group(0).equals("{county}")) {
				replacement = county;
			}
			else {
				ExchangeFile f = m.group(2) == null ? self : files.byName(m.group(2));
				replacement = m.group(1).equals("stage") ? stage(f) : f.table();
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * Inserts the staged rows, or updates those whose key exists and whose values differ.
	 */
	private long merge(Connection con, ExchangeFile f, boolean emptyTarget) throws SQLException {
		List<String> targets = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (ExchangeColumn c : f.columns()) {
			targets.add(quote(c.dbColumn()));
			values.add(c.encrypted() ? quote(c.name() + "__enc") : quote(c.name()) + "::" + c.sqlType());
		}
		List<String> keyDb = f.key().stream().map(k -> quote(f.column(k).orElseThrow().dbColumn())).toList();
		List<String> rest = targets.stream().filter(t -> !keyDb.contains(t)).toList();
		StringBuilder sql = new StringBuilder("insert into ").append(f.table())
			.append(" as t (")
			.append(String.join(", ", targets))
			.append(") select ")
			.append(String.join(", ", values))
			.append(" from ")
			.append(stage(f));
		if (emptyTarget) {
			// nothing to merge with: a plain insert spares the speculative insertion of
			// ON CONFLICT, and the
			// primary key and other indexes are built once afterwards by sorting, not row
			// by row (the staged keys
			// were checked unique)
			try (Statement st = con.createStatement()) {
				List<String> rebuild = new ArrayList<>();
				List<String> drop = new ArrayList<>();
				try (var rs = st.executeQuery("""
						select conname, pg_get_constraintdef(oid) from pg_constraint
						where conrelid = '%s'::regclass and contype = 'p'""".formatted(f.table()))) {
					while (rs.next()) {
						drop.add("alter table " + f.table() + " drop constraint " + quote(rs.getString(1)));
						rebuild.add("alter table " + f.table() + " add constraint " + quote(rs.getString(1)) + " "
								+ rs.getString(2));
					}
				}
				try (var rs = st.executeQuery("""
						select i.indexname, i.indexdef from pg_indexes i
						join pg_class c on c.relname = i.indexname
						join pg_index x on x.indexrelid = c.oid
						where i.schemaname = current_schema() and i.tablename = '%s' and not x.indisprimary
						""".formatted(f.table()))) {
					while (rs.next()) {
						drop.add("drop index " + quote(rs.getString(1)));
						rebuild.add(rs.getString(2));
					}
				}
				for (String sqlDrop : drop) {
					st.execute(sqlDrop);
				}
				long n = st.executeLargeUpdate(sql.toString());
				for (String def : rebuild) {
					st.execute(def);
				}
				return n;
			}
		}
		sql.append(" on conflict (").append(String.join(", ", keyDb)).append(") ");
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

	private interface RowHandler {

		void row(java.sql.ResultSet rs) throws SQLException;

	}

	private static void query(Connection con, String sql, RowHandler handler) throws SQLException {
		long t = System.nanoTime();
		try (Statement st = con.createStatement(); var rs = st.executeQuery(sql)) {
			while (rs.next()) {
				handler.row(rs);
			}
		}
		if (log.isTraceEnabled()) {
			log.trace("{} ms: {}", (System.nanoTime() - t) / 1_000_000, sql.replaceAll("\\s+", " "));
		}
	}

	static String stage(ExchangeFile f) {
		return "stg_" + f.table();
	}

	static String quote(String identifier) {
		return '"' + identifier + '"';
	}

}
