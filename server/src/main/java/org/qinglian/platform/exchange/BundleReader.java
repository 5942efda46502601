package org.qinglian.platform.exchange;

import java.io.IOException;
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
 * Longer than the house's 400 lines on purpose: {@link #readRows} is the import's hot
 * loop (parse, check each field, unseal, resolve references, run the row checks, encode),
 * run for every row of the county, and its steps share the state of the file being read
 * (the column map, the indexes, the encoder, the deferred checks) that this class holds.
 * The parts that stand alone are classes of their own: {@link CsvReader},
 * {@link FieldChecks}, {@link RowIndex}, {@link PrefetchReader} and the encoders.
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
		for (ExchangeFile f : files) {
			long read = readFile(f, sink);
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
		deferred.forEach(Runnable::run);
		return rowsRead;
	}

	private long readFile(ExchangeFile f, Sink sink) throws IOException, InterruptedException {
		MessageDigest md = sha256();
		long rows = 0;
		boolean begun = false;
		try (PrefetchReader text = new PrefetchReader(bundle.open(f.file()), md, f.file())) {
			CsvReader csv = new CsvReader(text, bundle.limits.maxRecordChars());
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
						rows = readRows(f, csv, header.size(), map, text, sink);
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
			text.finish();
			bytesDone += bundle.size(f.file());
		}
		String actual = HexFormat.of().formatHex(md.digest());
		String declared = manifest.hashes().get(f.file());
		if (!actual.equalsIgnoreCase(declared)) {
			problems.add(f.file(), 0, "-", "its SHA-256 is " + actual + ", the manifest says " + declared);
		}
		return rows;
	}

	private long readRows(ExchangeFile f, CsvReader csv, int width, int[] map, PrefetchReader text, Sink sink)
			throws IOException, InterruptedException {
		List<ExchangeColumn> cols = f.columns();
		int n = cols.size();
		TableShape shape = shapes.get(f.file());
		int[] maxLength = shape.maxLength();
		int[] keyAt = f.key().stream().mapToInt(k -> cols.indexOf(f.column(k).orElseThrow())).toArray();
		RowIndex index = indexes.get(f.file());
		int[] keptAt = index == null ? new int[0]
				: index.kept().stream().mapToInt(c -> cols.indexOf(f.column(c).orElseThrow())).toArray();
		int expected = (int) Math.min(manifest.rows().getOrDefault(f.file(), 0L), 10_000_000L);
		KeyTable seen = index == null ? new KeyTable(expected) : null;
		if (index != null) {
			index.expect(expected);
		}
		// whether a column's references, a check's lookups, can be resolved as the rows
		// come (the files they look at are read), or must wait for the end
		boolean[] resolvable = new boolean[n];
		for (int i = 0; i < n; i++) {
			resolvable[i] = cols.get(i).references().stream().allMatch(this::complete);
		}
		List<RowCheck> checks = f.checks();
		boolean[] runnable = new boolean[checks.size()];
		for (int i = 0; i < runnable.length; i++) {
			runnable[i] = checks.get(i).reads().stream().allMatch(r -> complete(r.file()));
		}
		String keyNames = String.join("+", f.key());
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < n; i++) {
			positions.put(cols.get(i).name(), i);
		}
		RowEncoder out = shape.binary() ? new BinaryCopyEncoder(shape.kinds(), CHUNK + 8192)
				: new CopyEncoder(CHUNK + 8192);
		out.start();
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
			long line = csv.line();
			if (rec.size() != width) {
				problems.add(f.file(), line, "-", "has " + rec.size() + " fields, the header has " + width);
				continue;
			}
			String[] values = new String[n];
			boolean ok = true;
			boolean keyOk = true;
			for (int i = 0; i < n; i++) {
				ExchangeColumn c = cols.get(i);
				String v = map[i] < 0 ? null : rec.get(map[i]);
				if (v != null && c.encrypted() && v.startsWith(SEALED)) {
					v = unseal(f, line, c, v, rec, map, keyAt);
					if (v == null) {
						ok = false;
						continue;
					}
				}
				values[i] = v;
				if (v == null) {
					if (c.required()) {
						problems.add(f.file(), line, c.name(), "is required");
						ok = false;
					}
					continue;
				}
				String problem = FieldChecks.check(c, v);
				if (problem == null && v.length() > maxLength[i] && v.codePointCount(0, v.length()) > maxLength[i]) {
					problem = "has " + v.codePointCount(0, v.length()) + " characters, at most " + maxLength[i]
							+ " are kept";
				}
				if (problem != null) {
					problems.add(f.file(), line, c.name(), problem);
					ok = false;
					for (int k : keyAt) {
						keyOk &= k != i;
					}
				}
			}
			String[] keyParts = new String[keyAt.length];
			for (int k = 0; k < keyAt.length; k++) {
				keyParts[k] = values[keyAt[k]];
				keyOk &= keyParts[k] != null;
			}
			if (!ok && !keyOk) {
				continue;
			}
			// a row refused for another column still holds its key, so that the rows
			// naming it are not refused too: the one problem is named once
			String key = RowIndex.key(keyParts);
			long first;
			if (index != null) {
				String[] kept = new String[keptAt.length];
				for (int k = 0; k < keptAt.length; k++) {
					kept[k] = values[keptAt[k]];
				}
				first = index.add(key, line, kept);
			}
			else {
				first = Math.max(0, seen.putIfAbsent(key, line));
			}
			if (first > 0) {
				problems.add(f.file(), line, keyNames, "repeats the key of line " + first);
			}
			if (!ok) {
				continue;
			}
			for (int i = 0; i < n; i++) {
				ExchangeColumn c = cols.get(i);
				String v = values[i];
				if (v != null && !c.references().isEmpty()) {
					if (resolvable[i]) {
						resolve(f, line, c, v);
					}
					else {
						deferred.add(() -> resolve(f, line, c, v));
					}
				}
			}
			if (!checks.isEmpty()) {
				Row row = new Row(values, positions, manifest.countyCode());
				for (int i = 0; i < runnable.length; i++) {
					RowCheck check = checks.get(i);
					if (runnable[i]) {
						runCheck(f, line, check, row);
					}
					else {
						deferred.add(() -> runCheck(f, line, check, row));
					}
				}
			}
			if (problems.any()) {
				continue;
			}
			for (int i = 0; i < n; i++) {
				ExchangeColumn c = cols.get(i);
				out.field(c.encrypted() && values[i] != null
						? cipher.encrypt(values[i], new Place(f.table(), c.dbColumn(), keyParts)) : values[i]);
			}
			out.endRow();
			if (out.size() >= CHUNK) {
				sink.rows(out.take());
				progress.update(f.file(), bytesDone + text.bytesRead(), totalBytes, rows);
			}
		}
		out.finish();
		if (!problems.any()) {
			sink.rows(out.take());
		}
		progress.update(f.file(), bytesDone + text.bytesRead(), totalBytes, rows);
		return rows;
	}

	/**
	 * Whether all rows of the file are known: it has been read, or it is not in the
	 * bundle (only the table's rows count).
	 */
	private boolean complete(String file) {
		return done.contains(file) || !inBundle.contains(file);
	}

	private void resolve(ExchangeFile f, long line, ExchangeColumn c, String value) {
		if (!c.isList()) {
			resolveOne(f, line, c, value);
			return;
		}
		for (String v : value.split(";")) {
			resolveOne(f, line, c, v);
		}
	}

	private void resolveOne(ExchangeFile f, long line, ExchangeColumn c, String v) {
		{
			List<String> targets = c.references();
			if (targets.stream().anyMatch(unreadable::contains)) {
				// its rows are unknown: the problem of that file is named already
				return;
			}
			boolean found = false;
			for (int t = 0; t < targets.size() && !found; t++) {
				found = indexes.get(targets.get(t)).contains(v);
			}
			if (!found) {
				problems.add(f.file(), line, c.name(),
						"'" + v + "' is not a "
								+ c.references()
									.stream()
									.map(r -> indexes.get(r).file().keyColumn().name() + " of " + r)
									.collect(Collectors.joining(" or ")));
			}
		}
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
