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

	/** The keys, with the line of the bundle they came from (0: the table). */
	private final KeyTable keys = new KeyTable(1024);

	/** The kept columns per key, only for the few files that checks look into. */
	private final Map<String, String[]> values = new HashMap<>();

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
	 * else 0 (and the row is added, or replaces the table's row of that key).
	 */
	long add(String key, long line, String[] keptValues) {
		long before = keys.putIfAbsent(key, line);
		if (before > 0) {
			return before;
		}
		if (before == 0) {
			keys.setLine(key, line);
		}
		if (!kept.isEmpty()) {
			values.put(key, keptValues);
		}
		return 0;
	}

	/** Makes room for this many more rows at once. */
	void expect(int more) {
		keys.expect(more);
	}

	boolean contains(String key) {
		return keys.contains(key);
	}

	/** The value of a kept column in the row with this key, {@code null} if none. */
	String value(String key, String column) {
		int i = kept.indexOf(column);
		if (i < 0) {
			throw new IllegalStateException(
					"no check declared that it reads " + column + " of " + file.file() + ": add it to its reads");
		}
		String[] row = values.get(key);
		return row == null ? null : row[i];
	}

	int size() {
		return keys.size();
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

}
