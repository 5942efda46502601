package org.qinglian.platform.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes rows in the binary format of PostgreSQL's {@code COPY} (see the documentation of
 * {@code COPY}, "Binary Format"): each field as its length and the bytes of the type's
 * binary representation. The database then parses no text: no dates, no numbers, no
 * escapes. The values have passed the field checks, so they are well formed.
 */
final class BinaryCopyEncoder extends ByteRows {

	/** The binary representations written; each is that of the column's type. */
	enum Kind {

		TEXT, DATE, NUMERIC, SMALLINT, INTEGER, BIGINT, BOOLEAN

	}

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates. */
	private static final long POSTGRES_EPOCH_DAY = 10_957;

	private static final int NUMERIC_NEGATIVE = 0x4000;

	private final Kind[] kinds;

	private final Writer[] writers;

	private int column;

	private final short[] digits = new short[64];

	BinaryCopyEncoder(Kind[] kinds, int capacity) {
		super(capacity);
		this.kinds = kinds.clone();
		this.writers = new Writer[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			writers[i] = writer(kinds[i]);
		}
	}

	@Override
	public void start() {
		ensure(SIGNATURE.length + 8);
		System.arraycopy(SIGNATURE, 0, buf, pos, SIGNATURE.length);
		pos += SIGNATURE.length;
		putInt(0);
		putInt(0);
	}

	@Override
	public void field(String v) {
		if (column == 0) {
			ensure(2);
			putShort(kinds.length);
		}
		Writer writer = writers[column++];
		if (v == null) {
			ensure(4);
			putInt(-1);
			return;
		}
		writer.write(v);
	}

	/** Writes a value of one kind. */
	@FunctionalInterface
	private interface Writer {

		void write(String v);

	}

	/**
	 * The writer of each kind, chosen once per column: each a small method of its own,
	 * which the JIT compiles soon and alone.
	 */
	private Writer writer(Kind kind) {
		return switch (kind) {
			case TEXT -> this::text;
			case DATE -> this::date;
			case NUMERIC -> this::numeric;
			case SMALLINT -> this::smallint;
			case INTEGER -> this::integer;
			case BIGINT -> this::bigint;
			case BOOLEAN -> this::bool;
		};
	}

	private void date(String v) {
		ensure(8);
		putInt(4);
		long day = LocalDate.of(num(v, 0, 4), num(v, 5, 7), num(v, 8, 10)).toEpochDay();
		putInt((int) (day - POSTGRES_EPOCH_DAY));
	}

	private void smallint(String v) {
		ensure(6);
		putInt(2);
		putShort(Integer.parseInt(v));
	}

	private void integer(String v) {
		ensure(8);
		putInt(4);
		putInt(Integer.parseInt(v));
	}

	private void bigint(String v) {
		ensure(12);
		putInt(8);
		long l = Long.parseLong(v);
		putInt((int) (l >>> 32));
		putInt((int) l);
	}

	private void bool(String v) {
		ensure(5);
		putInt(1);
		buf[pos++] = (byte) ("true".equals(v) ? 1 : 0);
	}

	@Override
	public void endRow() {
		if (column != kinds.length) {
			throw new IllegalStateException("a row of " + column + " fields, the table has " + kinds.length);
		}
		column = 0;
	}

	@Override
	public void finish() {
		ensure(2);
		putShort(-1);
	}

	private void text(String v) {
		// the JDK's encoder: compiled and vectorised long before the first import
		byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
		ensure(4 + utf8.length);
		putInt(utf8.length);
		System.arraycopy(utf8, 0, buf, pos, utf8.length);
		pos += utf8.length;
	}

	/**
	 * A plain decimal ({@code -?digits(.digits)?}) as PostgreSQL's numeric: base-10000
	 * digits, the weight of the first, the sign and the count of decimal digits.
	 */
	private void numeric(String v) {
		boolean negative = v.charAt(0) == '-';
		int start = negative ? 1 : 0;
		int dot = v.indexOf('.');
		int intEnd = dot < 0 ? v.length() : dot;
		int fracStart = dot < 0 ? v.length() : dot + 1;
		int intDigits = intEnd - start;
		int fracDigits = v.length() - fracStart;
		int lead = (4 - intDigits % 4) % 4;
		int intGroups = (lead + intDigits) / 4;
		int fracGroups = (fracDigits + 3) / 4;
		short[] digits = intGroups + fracGroups <= this.digits.length ? this.digits : new short[intGroups + fracGroups];
		int n = 0;
		int group = 0;
		int inGroup = lead;
		for (int i = start; i < intEnd; i++) {
			group = group * 10 + (v.charAt(i) - '0');
			if (++inGroup == 4) {
				digits[n++] = (short) group;
				group = 0;
				inGroup = 0;
			}
		}
		for (int i = fracStart; i < v.length(); i++) {
			group = group * 10 + (v.charAt(i) - '0');
			if (++inGroup == 4) {
				digits[n++] = (short) group;
				group = 0;
				inGroup = 0;
			}
		}
		if (inGroup > 0) {
			for (int k = inGroup; k < 4; k++) {
				group *= 10;
			}
			digits[n++] = (short) group;
		}
		int first = 0;
		int weight = intGroups - 1;
		int last = intGroups + fracGroups;
		while (first < last && digits[first] == 0) {
			first++;
			weight--;
		}
		while (last > first && digits[last - 1] == 0) {
			last--;
		}
		int count = last - first;
		ensure(4 + 8 + 2 * count);
		putInt(8 + 2 * count);
		putShort(count);
		putShort(count == 0 ? 0 : weight);
		putShort(negative && count > 0 ? NUMERIC_NEGATIVE : 0);
		putShort(fracDigits);
		for (int i = first; i < last; i++) {
			putShort(digits[i]);
		}
	}

	private static int num(String v, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (v.charAt(i) - '0');
		}
		return n;
	}

	private void putShort(int s) {
		buf[pos++] = (byte) (s >>> 8);
		buf[pos++] = (byte) s;
	}

	private void putInt(int i) {
		buf[pos++] = (byte) (i >>> 24);
		buf[pos++] = (byte) (i >>> 16);
		buf[pos++] = (byte) (i >>> 8);
		buf[pos++] = (byte) i;
	}

}
