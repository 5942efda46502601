package org.qinglian.platform.exchange;

/**
 * Writes rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}, as UTF-8
 * straight into a byte buffer: fields separated by tabs, rows ended by a newline,
 * {@code \N} for an empty cell, backslash escapes for backslash, tab and line breaks.
 */
final class CopyEncoder extends ByteRows {

	private boolean rowStarted;

	CopyEncoder(int capacity) {
		super(capacity);
	}

	@Override
	public void start() {
	}

	@Override
	public void finish() {
	}

	@Override
	public void field(String v) {
		if (rowStarted) {
			put((byte) '\t');
		}
		rowStarted = true;
		if (v == null) {
			ensure(2);
			buf[pos++] = '\\';
			buf[pos++] = 'N';
			return;
		}
		ensure(3 * v.length());
		pos = utf8(v, buf, pos, true);
	}

	/**
	 * Writes the text as UTF-8 into the buffer from {@code pos}, which has room for three
	 * bytes a character; with {@code escape}, backslash, tab and line breaks as the text
	 * format of {@code COPY} escapes them. Returns the position after.
	 */
	static int utf8(String v, byte[] buf, int pos, boolean escape) {
		int n = v.length();
		for (int i = 0; i < n; i++) {
			char c = v.charAt(i);
			if (c < 0x80) {
				if (escape && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
					buf[pos++] = '\\';
					buf[pos++] = (byte) switch (c) {
						case '\t' -> 't';
						case '\n' -> 'n';
						case '\r' -> 'r';
						default -> '\\';
					};
				}
				else {
					buf[pos++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				buf[pos++] = (byte) (0xC0 | (c >> 6));
				buf[pos++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(v.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, v.charAt(++i));
				buf[pos++] = (byte) (0xF0 | (cp >> 18));
				buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				buf[pos++] = (byte) (0x80 | (cp & 0x3F));
			}
			else {
				buf[pos++] = (byte) (0xE0 | (c >> 12));
				buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				buf[pos++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		return pos;
	}

	@Override
	public void endRow() {
		put((byte) '\n');
		rowStarted = false;
	}

	private void put(byte b) {
		ensure(1);
		buf[pos++] = b;
	}

}
