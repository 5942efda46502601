package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, quoted fields may hold commas,
 * quotes and line breaks. A leading byte-order mark is skipped. It keeps the physical
 * line each record starts on, for error messages.
 */
final class CsvReader implements AutoCloseable {

	private final Reader in;

	private final char[] buf = new char[1 << 16];

	private int pos;

	private int len;

	private long line = 1;

	private long recordLine;

	private boolean first = true;

	private final StringBuilder field = new StringBuilder(64);

	/**
	 * The longest record read, in characters (separators included); a longer one is
	 * refused, not held in memory.
	 */
	private final int maxRecordChars;

	private int recordChars;

	CsvReader(Reader in) {
		this(in, Integer.MAX_VALUE);
	}

	CsvReader(Reader in, int maxRecordChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
	}

	private void grow(int chars) throws MalformedCsvException {
		recordChars += chars;
		if (recordChars > maxRecordChars) {
			throw new MalformedCsvException(recordLine, "the record is longer than " + maxRecordChars
					+ " characters: a quote not closed, or not a CSV file");
		}
	}

	/** The characters of the record last returned by {@link #next()}. */
	int recordChars() {
		return recordChars;
	}

	/**
	 * The line (1-based) on which the record last returned by {@link #next()} started.
	 */
	long line() {
		return recordLine;
	}

	private int read() throws IOException {
		int c = peek();
		if (c >= 0) {
			pos++;
		}
		return c;
	}

	/** The next character without taking it, or -1 at the end. */
	private int peek() throws IOException {
		if (pos == len) {
			len = in.read(buf, 0, buf.length);
			pos = 0;
			if (len <= 0) {
				len = 0;
				return -1;
			}
		}
		return buf[pos];
	}

	/**
	 * The next record's fields (an empty cell is {@code null}), or {@code null} at the
	 * end.
	 * @throws MalformedCsvException on a quote that is not closed or stray characters
	 * after a closing quote
	 */
	List<String> next() throws IOException {
		int c = read();
		if (first) {
			first = false;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		// blank lines between records are skipped
		while (c == '\r' || c == '\n') {
			if (c == '\n') {
				line++;
			}
			c = read();
		}
		if (c == -1) {
			return null;
		}
		recordLine = line;
		recordChars = 0;
		List<String> fields = new ArrayList<>(16);
		while (true) {
			if (c == '"') {
				fields.add(quoted());
				c = read();
				if (c != ',' && c != '\n' && c != '\r' && c != -1) {
					throw new MalformedCsvException(line, "characters after a closing quote");
				}
			}
			else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
				fields.add(null);
			}
			else {
				fields.add(unquoted());
				c = read();
			}
			if (c == ',') {
				// a separator counts too: a record of commas alone is held as a list of
				// empty cells
				grow(1);
				c = read();
				continue;
			}
			if (c == '\r') {
				if (peek() == '\n') {
					read();
				}
				line++;
			}
			else if (c == '\n') {
				line++;
			}
			return fields;
		}
	}

	/** A quoted field, its opening quote read, up to and with its closing quote. */
	private String quoted() throws IOException {
		field.setLength(0);
		while (true) {
			int c = read();
			if (c == -1) {
				throw new MalformedCsvException(recordLine, "a quoted field is not closed");
			}
			if (c == '"') {
				if (peek() != '"') {
					return field.isEmpty() ? null : field.toString();
				}
				read();
			}
			else if (c == '\n') {
				line++;
			}
			grow(1);
			field.append((char) c);
		}
	}

	/**
	 * An unquoted field, its first character read: up to (not with) the character that
	 * ends it. The characters are taken from the buffer a run at a time.
	 */
	private String unquoted() throws IOException {
		// the character read last is the one before pos
		int begin = pos - 1;
		while (pos < len && ordinary(buf[pos])) {
			pos++;
		}
		grow(pos - begin);
		if (pos < len && buf[pos] != '"') {
			return new String(buf, begin, pos - begin);
		}
		field.setLength(0);
		field.append(buf, begin, pos - begin);
		while (true) {
			int c = peek();
			if (c == '"') {
				throw new MalformedCsvException(line, "a quote inside an unquoted field");
			}
			if (c == ',' || c == '\n' || c == '\r' || c == -1) {
				return field.toString();
			}
			begin = pos;
			while (pos < len && ordinary(buf[pos])) {
				pos++;
			}
			grow(pos - begin);
			field.append(buf, begin, pos - begin);
		}
	}

	private static boolean ordinary(char c) {
		return c != ',' && c != '\n' && c != '\r' && c != '"';
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** The file is not valid CSV at a line. */
	static final class MalformedCsvException extends IOException {

		private final long line;

		MalformedCsvException(long line, String message) {
			super(message);
			this.line = line;
		}

		long line() {
			return line;
		}

	}

}
