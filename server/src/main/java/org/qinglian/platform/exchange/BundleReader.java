package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.qinglian.platform.Exchange.Progress;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.ExchangeFile.RowCheck;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;

/**
 * Reads a bundle's files in load order, one pass each, and checks every row in Java: its
 * fields, its key (unique in the bundle), its references (to rows of the bundle or rows
 * already loaded) and the files' own row checks. Good rows are encoded for {@code COPY}
 * and handed to a {@link Sink} as they come, so the database loads one file while the
 * next is read; after the first problem nothing more is handed on, but every row is still
 * checked, so that the whole list of problems is reported at once. References and checks
 * that look at a file not yet read (a file's references to itself) wait until the end.
 * <p>
 * Longer than the house's 400 lines on purpose: {@link #readRows} and {@link FileRows}
 * are the import's hot loop (parse, check each field, unseal, resolve references, run the
 * row checks, encode), run for every row of the county, and its steps share the state of
 * the bundle being read (the indexes, the deferred checks, the problems) that this class
 * holds. The parts that stand alone are classes of their own: {@link CsvReader},
 * {@link FieldChecks}, {@link RowIndex}, {@link PrefetchRecords} and the encoders.
 */
final class BundleReader {

	/** Where the encoded rows go. */
	interface Sink {

		/** Whether the reading should stop, because the writing has failed. */
		boolean cancelled();

		void begin(ExchangeFile file) throws InterruptedException;

		void rows(byte[] copyText) throws InterruptedException;

		/**
		 * The file's rows are all handed on; {@code good} is false when problems were
		 * found, so that the rows will not be kept.
		 */
		void end(ExchangeFile file, boolean good) throws InterruptedException;

	}

	/**
	 * What a file's table takes: per column (in the file's order), the most characters it
	 * keeps ({@link Integer#MAX_VALUE} when unbounded) and the binary representation of
	 * its type; {@code kinds} is {@code null} when a type has none the encoder knows, and
	 * the rows then go as text.
	 */
	record TableShape(int[] maxLength, BinaryCopyEncoder.Kind[] kinds) {

		boolean binary() {
			return kinds != null;
		}

	}

	private static final int CHUNK = 1 << 18;

	private final Bundle bundle;

	private final ManifestChecks.Manifest manifest;

	private final List<ExchangeFile> files;

	private final Map<String, RowIndex> indexes;

	private final Map<String, TableShape> shapes;

	private final PersonalDataCipher cipher;

	private final Problems problems;

	private final Progress progress;

	private final Set<String> done = new HashSet<>();

	/** Files whose header or quoting could not be read: their rows are unknown. */
	private final Set<String> unreadable = new HashSet<>();

	private final Set<String> inBundle = new HashSet<>();

	private final List<Runnable> deferred = new ArrayList<>();

	private final Lookups lookups = new Lookups();

	private final Map<String, Long> rowsRead = new HashMap<>();

	private long bytesDone;

	private long totalBytes;

	/**
	 * @param files the files of the bundle, in load order
	 * @param indexes the indexes of the files that are referenced or looked up, holding
	 * the rows already loaded
	 */
	BundleReader(Bundle bundle, ManifestChecks.Manifest manifest, List<ExchangeFile> files,
			Map<String, RowIndex> indexes, Map<String, TableShape> shapes, PersonalDataCipher cipher, Problems problems,
			Progress progress) {
		this.bundle = bundle;
		this.manifest = manifest;
		this.files = files;
		this.indexes = indexes;
		this.shapes = shapes;
		this.cipher = cipher;
		this.problems = problems;
		this.progress = progress;
	}

	/**
	 * An encrypted value as an export without identities writes it: the stored
	 * ciphertext, which only this installation's keys open, and only in its own row.
	 */
	static final String SEALED = "sealed:";

	private String unseal(ExchangeFile f, long line, ExchangeColumn c, String v, List<String> rec, int[] map,
			int[] keyAt) {
		String[] key = new String[keyAt.length];
		for (int k = 0; k < keyAt.length; k++) {
			key[k] = rec.get(map[keyAt[k]]);
		}
		try {
			return cipher.decrypt(v.substring(SEALED.length()), new Place(f.table(), c.dbColumn(), key));
		}
		catch (PersonalDataCipher.UndecryptableException ex) {
			problems.add(f.file(), line, c.name(),
					"is sealed with a key this installation does not hold, or for another row (export it with --with-identities to move it)");
			return null;
		}
	}

	/** Reads every file; returns the rows read per file. */
	Map<String, Long> read(Sink sink) throws IOException, InterruptedException {
		for (ExchangeFile f : files) {
			totalBytes += bundle.size(f.file());
			inBundle.add(f.file());
		}
		// the next file is read ahead while one is checked: no pause between files
		Opened current = null;
		Opened next = null;
		try {
			next = files.isEmpty() ? null : open(files.get(0));
			for (int i = 0; i < files.size(); i++) {
				ExchangeFile f = files.get(i);
				current = next;
				// not closed twice should the next file's opening fail
				next = null;
				next = i + 1 < files.size() ? open(files.get(i + 1)) : null;
				Opened reading = current;
				// closed by its reading
				current = null;
				fileRead(f, readFile(f, reading, sink));
			}
		}
		finally {
			close(current);
			close(next);
		}
		deferred.forEach(Runnable::run);
		return rowsRead;
	}

	/** A file whose reading has begun, and the digest of its bytes. */
	private record Opened(PrefetchRecords csv, MessageDigest md) {
	}

	private Opened open(ExchangeFile f) throws IOException {
		MessageDigest md = sha256();
		InputStream in = bundle.open(f.file());
		try {
			return new Opened(new PrefetchRecords(in, md, f.file(), bundle.limits.maxRecordChars()), md);
		}
		catch (RuntimeException | Error ex) {
			// its reading did not start (no thread for it): nothing else will close it
			try {
				in.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/** Stops a reading that will not be used (the import ends before it). */
	private static void close(Opened opened) {
		if (opened != null) {
			try {
				opened.csv().close();
			}
			catch (IOException ex) {
				// the import is ending already, for the reason it ends
			}
		}
	}

	private void fileRead(ExchangeFile f, long read) {
		long declared = manifest.rows().get(f.file());
		if (read < 0) {
			unreadable.add(f.file());
		}
		if (!unreadable.contains(f.file()) && declared != read) {
			problems.add(f.file(), 0, "-", "has " + read + " rows, the manifest says " + declared);
		}
		rowsRead.put(f.file(), Math.max(read, 0));
		done.add(f.file());
	}

	private long readFile(ExchangeFile f, Opened opened, Sink sink) throws IOException, InterruptedException {
		MessageDigest md = opened.md();
		long rows = 0;
		boolean begun = false;
		try (PrefetchRecords csv = opened.csv()) {
			try {
				List<String> header = csv.next();
				if (header == null) {
					problems.add(f.file(), 1, "-", "is empty: the first line must be the header");
					rows = -1;
				}
				else {
					int[] map = headerMap(f, header, problems);
					if (map == null) {
						rows = -1;
					}
					else {
						if (!problems.any()) {
							sink.begin(f);
							begun = true;
						}
						rows = readRows(f, csv, header.size(), map, sink);
					}
				}
			}
			catch (CharacterCodingException ex) {
				problems.add(f.file(), 0, "-", "is not UTF-8 text");
				rows = -1;
			}
			catch (CsvReader.MalformedCsvException ex) {
				// the header itself cannot be read
				problems.add(f.file(), ex.line(), "-", ex.getMessage());
				rows = -1;
			}
			finally {
				if (begun) {
					sink.end(f, !problems.any());
				}
			}
			// what the parsing left unread still counts for the file's hash
			csv.finish();
			bytesDone += bundle.size(f.file());
		}
		String actual = HexFormat.of().formatHex(md.digest());
		String declared = manifest.hashes().get(f.file());
		if (!actual.equalsIgnoreCase(declared)) {
			problems.add(f.file(), 0, "-", "its SHA-256 is " + actual + ", the manifest says " + declared);
		}
		return rows;
	}

	private long readRows(ExchangeFile f, PrefetchRecords csv, int width, int[] map, Sink sink)
			throws IOException, InterruptedException {
		FileRows file = new FileRows(f, map);
		long rows = 0;
		while (true) {
			List<String> rec;
			try {
				rec = csv.next();
			}
			catch (CsvReader.MalformedCsvException ex) {
				problems.add(f.file(), ex.line(), "-", ex.getMessage());
				unreadable.add(f.file());
				break;
			}
			if (rec == null) {
				break;
			}
			rows++;
			if ((rows & 4095) == 0 && sink.cancelled()) {
				throw new CancellationException();
			}
			if (rec.size() != width) {
				problems.add(f.file(), csv.line(), "-", "has " + rec.size() + " fields, the header has " + width);
				continue;
			}
			if (file.row(rec, csv.line()) && file.out.size() >= CHUNK) {
				sink.rows(file.out.take());
				progress.update(f.file(), bytesDone + csv.bytesRead(), totalBytes, rows);
			}
		}
		file.out.finish();
		if (!problems.any()) {
			sink.rows(file.out.take());
		}
		progress.update(f.file(), bytesDone + csv.bytesRead(), totalBytes, rows);
		return rows;
	}

	/**
	 * The reading of one file's rows: what is known of the file before its first row, and
	 * the steps of a row, each a small method. (Small on purpose: this is the import's
	 * hot code, and in a fresh JVM the compiler makes small methods fast soon, where one
	 * long loop was compiled again for every file, at half a second of a core each time.)
	 */
	private final class FileRows {

		final ExchangeFile f;

		final List<ExchangeColumn> cols;

		final int n;

		final int[] map;

		final int[] maxLength;

		final FieldChecks.Check[] fieldChecks;

		final int[] keyAt;

		final RowIndex index;

		final int[] keptAt;

		final KeyTable seen;

		/**
		 * The columns whose references can be resolved as the rows come (the files they
		 * look at are read), and those that must wait for the end; the same for the row
		 * checks' lookups ({@link #checksNow}, {@link #checksLater}).
		 */
		final int[] resolveNow;

		final int[] resolveLater;

		/**
		 * Per column resolved as the rows come, the indexes of the files it references.
		 */
		final RowIndex[][] targets;

		final List<RowCheck> checksNow;

		final List<RowCheck> checksLater;

		final String keyNames;

		final Map<String, Integer> positions = new HashMap<>();

		final RowEncoder out;

		/** What is done with each row, in order. */
		final Step[] steps;

		// the row being read

		private List<String> rec;

		private long line;

		private String[] values;

		private String[] keyParts;

		private int bad;

		FileRows(ExchangeFile f, int[] map) {
			this.f = f;
			this.map = map;
			this.cols = f.columns();
			this.n = cols.size();
			TableShape shape = shapes.get(f.file());
			this.maxLength = shape.maxLength();
			this.fieldChecks = cols.stream().map(FieldChecks::of).toArray(FieldChecks.Check[]::new);
			this.keyAt = f.key().stream().mapToInt(k -> cols.indexOf(f.column(k).orElseThrow())).toArray();
			this.index = indexes.get(f.file());
			this.keptAt = index == null ? new int[0]
					: index.kept().stream().mapToInt(c -> cols.indexOf(f.column(c).orElseThrow())).toArray();
			int expected = (int) Math.min(manifest.rows().getOrDefault(f.file(), 0L), 10_000_000L);
			this.seen = index == null ? new KeyTable(expected) : null;
			if (index != null) {
				index.expect(expected);
			}
			Map<Boolean, List<Integer>> references = IntStream.range(0, n)
				.filter(i -> !cols.get(i).references().isEmpty())
				.boxed()
				.collect(Collectors
					.partitioningBy(i -> cols.get(i).references().stream().allMatch(BundleReader.this::complete)));
			this.resolveNow = references.get(true).stream().mapToInt(Integer::intValue).toArray();
			this.resolveLater = references.get(false).stream().mapToInt(Integer::intValue).toArray();
			this.targets = new RowIndex[n][];
			for (int i : resolveNow) {
				// the files it references are read: whether they could be is known
				targets[i] = targets(cols.get(i));
			}
			Map<Boolean, List<RowCheck>> checks = f.checks()
				.stream()
				.collect(Collectors.partitioningBy(check -> check.reads().stream().allMatch(r -> complete(r.file()))));
			this.checksNow = checks.get(true);
			this.checksLater = checks.get(false);
			this.keyNames = String.join("+", f.key());
			for (int i = 0; i < n; i++) {
				positions.put(cols.get(i).name(), i);
			}
			this.out = shape.binary() ? new BinaryCopyEncoder(shape.kinds(), CHUNK + 8192)
					: new CopyEncoder(CHUNK + 8192);
			out.start();
			// only the steps the file needs, each without the branches of other files
			List<Step> steps = new ArrayList<>();
			steps.add(this::fields);
			steps.add(index != null ? this::keyIndexed : this::keySeen);
			if (resolveNow.length > 0) {
				steps.add(this::resolveNow);
			}
			if (resolveLater.length > 0) {
				steps.add(this::resolveLater);
			}
			if (!checksNow.isEmpty()) {
				steps.add(this::checksNow);
			}
			if (!checksLater.isEmpty()) {
				steps.add(this::checksLater);
			}
			steps.add(cols.stream().anyMatch(ExchangeColumn::encrypted) ? this::encodeSealing : this::encode);
			this.steps = steps.toArray(Step[]::new);
		}

		/** Checks a record of the header's width; returns whether it was encoded. */
		boolean row(List<String> rec, long line) {
			this.rec = rec;
			this.line = line;
			this.values = new String[n];
			this.keyParts = new String[keyAt.length];
			for (Step step : steps) {
				if (!step.next()) {
					return false;
				}
			}
			return true;
		}

		/** Takes and checks the fields; returns whether the row's key can be kept. */
		private boolean fields() {
			// bit 0: a field has a problem; bit 1: so has a part of the key
			int bad = 0;
			for (int i = 0; i < n; i++) {
				bad |= field(i);
			}
			this.bad = bad;
			boolean keyOk = (bad & 2) == 0;
			for (int k = 0; k < keyAt.length; k++) {
				keyParts[k] = values[keyAt[k]];
				keyOk &= keyParts[k] != null;
			}
			return bad == 0 || keyOk;
		}

		/**
		 * Takes and checks the {@code i}th column's value into {@code values}; returns 0
		 * when good, 1 when it has a problem, 3 when the column is part of the key too.
		 */
		private int field(int i) {
			ExchangeColumn c = cols.get(i);
			String v = map[i] < 0 ? null : rec.get(map[i]);
			if (v != null && c.encrypted() && v.startsWith(SEALED)) {
				v = unseal(f, line, c, v, rec, map, keyAt);
				if (v == null) {
					return 1;
				}
			}
			values[i] = v;
			if (v == null) {
				if (c.required()) {
					problems.add(f.file(), line, c.name(), "is required");
					return 1;
				}
				return 0;
			}
			String problem = fieldChecks[i].problem(v);
			if (problem == null && v.length() > maxLength[i]) {
				problem = tooLong(v, maxLength[i]);
			}
			if (problem == null) {
				return 0;
			}
			problems.add(f.file(), line, c.name(), problem);
			for (int k : keyAt) {
				if (k == i) {
					return 3;
				}
			}
			return 1;
		}

		/**
		 * Keeps the row's key, in the file's index when other files look it up, else in
		 * the table of its keys: a row refused for another column still holds its key, so
		 * that the rows naming it are not refused too (the one problem is named once).
		 * Returns whether the row's fields are all good.
		 */
		private boolean keyIndexed() {
			String[] kept = new String[keptAt.length];
			for (int k = 0; k < keptAt.length; k++) {
				kept[k] = values[keptAt[k]];
			}
			return keyKept(index.add(RowIndex.key(keyParts), line, kept));
		}

		private boolean keySeen() {
			return keyKept(Math.max(0, seen.putIfAbsent(RowIndex.key(keyParts), line)));
		}

		private boolean keyKept(long first) {
			if (first > 0) {
				problems.add(f.file(), line, keyNames, "repeats the key of line " + first);
			}
			return bad == 0;
		}

		private boolean resolveNow() {
			for (int i : resolveNow) {
				if (values[i] != null) {
					resolve(f, line, cols.get(i), values[i], targets[i]);
				}
			}
			return true;
		}

		private boolean resolveLater() {
			long line = this.line;
			for (int i : resolveLater) {
				ExchangeColumn c = cols.get(i);
				String v = values[i];
				if (v != null) {
					deferred.add(() -> resolve(f, line, c, v));
				}
			}
			return true;
		}

		private boolean checksNow() {
			Row row = new Row(values, positions, manifest.countyCode());
			for (RowCheck check : checksNow) {
				runCheck(f, line, check, row);
			}
			return true;
		}

		private boolean checksLater() {
			long line = this.line;
			Row row = new Row(values, positions, manifest.countyCode());
			for (RowCheck check : checksLater) {
				deferred.add(() -> runCheck(f, line, check, row));
			}
			return true;
		}

		/** Encodes the row for {@code COPY}, unless a problem was found (in any row). */
		private boolean encode() {
			if (problems.any()) {
				return false;
			}
			for (int i = 0; i < n; i++) {
				out.field(values[i]);
			}
			out.endRow();
			return true;
		}

		/** The same, for a file with columns stored encrypted. */
		private boolean encodeSealing() {
			if (problems.any()) {
				return false;
			}
			for (int i = 0; i < n; i++) {
				ExchangeColumn c = cols.get(i);
				out.field(c.encrypted() && values[i] != null
						? cipher.encrypt(values[i], new Place(f.table(), c.dbColumn(), keyParts)) : values[i]);
			}
			out.endRow();
			return true;
		}

	}

	/**
	 * A step of a row's reading; returns whether the row goes on to the next. The steps
	 * are called through this interface, several kinds at one call site, so that the
	 * compiler keeps each a method of its own rather than one large one.
	 */
	@FunctionalInterface
	private interface Step {

		boolean next();

	}

	/** The problem of a value longer than its column keeps, or null when it is not. */
	private static String tooLong(String v, int max) {
		int chars = v.codePointCount(0, v.length());
		return chars > max ? "has " + chars + " characters, at most " + max + " are kept" : null;
	}

	/**
	 * Whether all rows of the file are known: it has been read, or it is not in the
	 * bundle (only the table's rows count).
	 */
	private boolean complete(String file) {
		return done.contains(file) || !inBundle.contains(file);
	}

	/**
	 * Resolves a column's value (each element of a list) among the rows of the files it
	 * references, once those are all read.
	 */
	private void resolve(ExchangeFile f, long line, ExchangeColumn c, String value) {
		resolve(f, line, c, value, targets(c));
	}

	/**
	 * The indexes of the files a column references, or {@code null} when one of them
	 * could not be read (its rows are unknown: the problem of that file is named
	 * already).
	 */
	private RowIndex[] targets(ExchangeColumn c) {
		if (c.references().stream().anyMatch(unreadable::contains)) {
			return null;
		}
		return c.references().stream().map(indexes::get).toArray(RowIndex[]::new);
	}

	private void resolve(ExchangeFile f, long line, ExchangeColumn c, String value, RowIndex[] targets) {
		if (targets == null) {
			return;
		}
		if (!c.isList()) {
			resolveOne(f, line, c, value, targets);
			return;
		}
		// the list is checked already: no element is empty
		int from = 0;
		for (int semi = value.indexOf(';'); semi >= 0; semi = value.indexOf(';', from)) {
			resolveOne(f, line, c, value.substring(from, semi), targets);
			from = semi + 1;
		}
		resolveOne(f, line, c, value.substring(from), targets);
	}

	private void resolveOne(ExchangeFile f, long line, ExchangeColumn c, String v, RowIndex[] targets) {
		for (RowIndex target : targets) {
			if (target.contains(v)) {
				return;
			}
		}
		problems.add(f.file(), line, c.name(),
				"'" + v + "' is not a "
						+ c.references()
							.stream()
							.map(r -> indexes.get(r).file().keyColumn().name() + " of " + r)
							.collect(Collectors.joining(" or ")));
	}

	private void runCheck(ExchangeFile f, long line, RowCheck check, Row row) {
		if (check.test().fails(row, lookups)) {
			problems.add(f.file(), line, check.column(), check.reason());
		}
	}

	static int[] headerMap(ExchangeFile f, List<String> header, Problems problems) {
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
			if (p == null && !f.columns().get(i).required()) {
				// an optional column added after the bundle was written: empty
				map[i] = -1;
			}
			else if (p == null) {
				problems.add(f.file(), 1, f.columns().get(i).name(), "the column is missing from the header");
				ok = false;
			}
			else {
				map[i] = p;
			}
		}
		return ok ? map : null;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(String[] values, Map<String, Integer> positions, String county) implements ExchangeFile.Row {

		@Override
		public String get(String column) {
			Integer i = positions.get(column);
			if (i == null) {
				throw new IllegalArgumentException("no column " + column);
			}
			return values[i];
		}

	}

	private final class Lookups implements ExchangeFile.Lookup {

		@Override
		public boolean exists(String file, String... key) {
			return index(file).contains(RowIndex.key(key));
		}

		@Override
		public String value(String file, String column, String... key) {
			return index(file).value(RowIndex.key(key), column);
		}

		private RowIndex index(String file) {
			RowIndex index = indexes.get(file);
			if (index == null) {
				throw new IllegalStateException("no check declared that it reads " + file);
			}
			return index;
		}

	}

}
