package org.qinglian.platform.exchange;

import java.util.Arrays;

/** The growing byte buffer the {@code COPY} encoders write into. */
abstract class ByteRows implements RowEncoder {

	protected byte[] buf;

	protected int pos;

	ByteRows(int capacity) {
		this.buf = new byte[capacity];
	}

	@Override
	public int size() {
		return pos;
	}

	@Override
	public byte[] take() {
		byte[] out = Arrays.copyOf(buf, pos);
		pos = 0;
		return out;
	}

	/** Makes room for this many more bytes. */
	protected void ensure(int more) {
		if (pos + more > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
		}
	}

}
