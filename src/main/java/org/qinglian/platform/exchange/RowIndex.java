package org.qinglian.platform.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.platform.ExchangeFile;

/**
 * The keys of one file's rows, from the bundle and from the table, with the few columns
 * that checks look up. A key from the bundle remembers its line, so that a repeated key
 * is reported against the first; one from the table has line 0 and may be replaced by the
 * bundle's row (a correction).
 */
final class RowIndex {

	/**
	 * Separates the parts of a composite key (a unit separator never occurs in an id).
	 */
	static final char SEPARATOR = '\u001f';

	private final ExchangeFile file;

	private final List<String> kept;

	private Map<String, Entry> rows = new HashMap<>();

	RowIndex(ExchangeFile file, List<String> kept) {
		this.file = file;
		this.kept = List.copyOf(kept);
	}

	ExchangeFile file() {
		return file;
	}

	List<String> kept() {
		return kept;
	}

	/**
	 * Adds a row; returns the line of an earlier row of the bundle with the same key,
	 * else 0 (and the row is added).
	 */
	long add(String key, long line, String[] keptValues) {
		Entry before = rows.putIfAbsent(key, new Entry(line, keptValues));
		if (before == null) {
			return 0;
		}
		if (before.line() > 0) {
			return before.line();
		}
		rows.put(key, new Entry(line, keptValues));
		return 0;
	}

	/** Makes room for this many more rows at once, instead of growing step by step. */
	void expect(int more) {
		if (rows.isEmpty()) {
			rows = sized(more);
		}
		else {
			Map<String, Entry> bigger = sized(rows.size() + more);
			bigger.putAll(rows);
			rows = bigger;
		}
	}

	boolean contains(String key) {
		return rows.containsKey(key);
	}

	/** The value of a kept column in the row with this key, {@code null} if none. */
	String value(String key, String column) {
		int i = kept.indexOf(column);
		if (i < 0) {
			throw new IllegalStateException(
					"no check declared that it reads " + column + " of " + file.file() + ": add it to its reads");
		}
		Entry e = rows.get(key);
		return e == null ? null : e.kept()[i];
	}

	int size() {
		return rows.size();
	}

	/** A map that holds this many entries without growing. */
	static <K, V> HashMap<K, V> sized(int entries) {
		return new HashMap<>((int) (entries / 0.75f) + 1);
	}

	static String key(String... parts) {
		if (parts.length == 1) {
			return parts[0];
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				sb.append(SEPARATOR);
			}
			sb.append(parts[i] == null ? "" : parts[i]);
		}
		return sb.toString();
	}

	private record Entry(long line, String[] kept) {
	}

}
