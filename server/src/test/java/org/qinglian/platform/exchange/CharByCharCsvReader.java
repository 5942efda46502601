package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV reader as it was before it took unquoted fields from its buffer a run at a
 * time: one character at a time, kept as the reference the faster reader must agree with.
 * A streaming RFC 4180 reader: one record at a time, quoted fields may hold commas,
 * quotes and line breaks. A leading byte-order mark is skipped. It keeps the physical
 * line each record starts on, for error messages.
 */
final class CharByCharCsvReader {

	private final Reader in;

	private final char[] buf = new char[1 << 16];

	private int pos;

	private int len;

	private long line = 1;

	private long recordLine;

	private boolean first = true;

	private final StringBuilder field = new StringBuilder(64);

	/** The longest record read; a longer one is refused, not held in memory. */
	private final int maxRecordChars;

	private int recordChars;

	CharByCharCsvReader(Reader in) {
		this(in, Integer.MAX_VALUE);
	}

	CharByCharCsvReader(Reader in, int maxRecordChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
	}

	private void grow() throws CsvReader.MalformedCsvException {
		if (++recordChars > maxRecordChars) {
			throw new CsvReader.MalformedCsvException(recordLine, "the record is longer than " + maxRecordChars
					+ " characters: a quote not closed, or not a CSV file");
		}
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
	 * @throws CsvReader.MalformedCsvException on a quote that is not closed or stray
	 * characters after a closing quote
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
			field.setLength(0);
			boolean quoted = false;
			if (c == '"') {
				quoted = true;
				while (true) {
					c = read();
					if (c == -1) {
						throw new CsvReader.MalformedCsvException(recordLine, "a quoted field is not closed");
					}
					if (c == '"') {
						if (peek() == '"') {
							read();
							grow();
							field.append('"');
						}
						else {
							break;
						}
					}
					else {
						if (c == '\n') {
							line++;
						}
						grow();
						field.append((char) c);
					}
				}
				c = read();
				if (c != ',' && c != '\n' && c != '\r' && c != -1) {
					throw new CsvReader.MalformedCsvException(line, "characters after a closing quote");
				}
			}
			else {
				while (c != ',' && c != '\n' && c != '\r' && c != -1) {
					if (c == '"') {
						throw new CsvReader.MalformedCsvException(line, "a quote inside an unquoted field");
					}
					grow();
					field.append((char) c);
					c = read();
				}
			}
			fields.add(field.isEmpty() && !quoted ? null : (field.isEmpty() ? null : field.toString()));
			if (c == ',') {
				// (since the fast reader: a separator counts against the limit too)
				grow();
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

}
