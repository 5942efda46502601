package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a file as UTF-8 text on a thread of its own, hashing every byte as it goes, and
 * hands the decoded characters to whoever reads this {@link Reader}: so reading the disk,
 * hashing and decoding run beside the parsing and checking. The whole file is always read
 * and hashed, even when the text is not UTF-8 (the error then comes to the reader where
 * the bad bytes are) or the reader stops early ({@link #finish()}).
 */
final class PrefetchReader extends Reader {

	private static final int BLOCK = 1 << 16;

	private static final char[] END = new char[0];

	private final InputStream in;

	private final MessageDigest digest;

	private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(32);

	private final Thread thread;

	private volatile long bytesRead;

	private volatile boolean closed;

	private char[] block;

	private int blockLength;

	private int pos;

	private boolean ended;

	PrefetchReader(InputStream in, MessageDigest digest, String name) {
		this.in = in;
		this.digest = digest;
		this.thread = new Thread(this::run, "qdx-prefetch " + name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The bytes read from the file so far, for progress. */
	long bytesRead() {
		return bytesRead;
	}

	private void run() {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
		// UTF-8 never gives more characters than bytes
		CharBuffer chars = CharBuffer.allocate(BLOCK + 1);
		boolean decoding = true;
		try {
			while (!closed) {
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				boolean eof = n < 0;
				if (!eof) {
					digest.update(bytes.array(), bytes.position(), n);
					bytes.position(bytes.position() + n);
					bytesRead += n;
				}
				if (decoding) {
					bytes.flip();
					chars.clear();
					CoderResult result = decoder.decode(bytes, chars, eof);
					if (eof && !result.isError()) {
						result = decoder.flush(chars);
					}
					if (result.isError()) {
						put(new CharacterCodingException());
						decoding = false;
					}
					else if (chars.position() > 0) {
						char[] out = new char[chars.position()];
						chars.flip().get(out);
						put(out);
					}
					bytes.compact();
				}
				else {
					bytes.clear();
				}
				if (eof) {
					break;
				}
			}
			put(END);
		}
		catch (IOException ex) {
			try {
				put(ex);
			}
			catch (InterruptedException stop) {
				Thread.currentThread().interrupt();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void put(Object item) throws InterruptedException {
		if (!closed) {
			blocks.put(item);
		}
	}

	@Override
	public int read(char[] cbuf, int off, int len) throws IOException {
		while (pos == blockLength) {
			if (ended) {
				return -1;
			}
			Object next;
			try {
				next = blocks.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException();
			}
			if (next == END) {
				ended = true;
				return -1;
			}
			if (next instanceof CharacterCodingException ex) {
				// the rest of the file is still hashed: finish() reads on to its end
				throw ex;
			}
			if (next instanceof IOException ex) {
				ended = true;
				throw ex;
			}
			block = (char[]) next;
			blockLength = block.length;
			pos = 0;
		}
		int n = Math.min(len, blockLength - pos);
		System.arraycopy(block, pos, cbuf, off, n);
		pos += n;
		return n;
	}

	/**
	 * Lets the rest of the file be read and hashed; after this the digest holds the whole
	 * file.
	 */
	void finish() throws IOException {
		try {
			while (!ended) {
				Object next = blocks.take();
				if (next == END) {
					ended = true;
				}
				else if (next instanceof IOException ex) {
					if (!(ex instanceof CharacterCodingException)) {
						ended = true;
						throw ex;
					}
				}
			}
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		thread.interrupt();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		in.close();
	}

}
