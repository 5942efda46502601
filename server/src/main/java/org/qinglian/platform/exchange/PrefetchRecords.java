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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads a CSV file's records on a thread of its own: the bytes read from the disk, hashed
 * as they come, decoded as UTF-8 and parsed ({@link CsvReader}), so that all of that runs
 * beside the checking of the records that whoever calls {@link #next()} does. The records
 * come in batches through a queue bounded by their estimated size
 * ({@link #READ_AHEAD_BYTES}), in order, and a problem of the text (not UTF-8, not CSV)
 * comes where it was met, after the records before it. The whole file is always read and
 * hashed, even after such a problem or when the caller stops early ({@link #finish()}).
 */
final class PrefetchRecords implements AutoCloseable {

	/** Records a batch holds at most. */
	static final int BATCH = 256;

	/**
	 * The estimated bytes a batch holds before it is handed on (with the record that
	 * passes them).
	 */
	private static final int BATCH_BYTES = 1 << 18;

	/**
	 * The estimated bytes of the batches waiting in the queue: what is read ahead stays
	 * within this, plus the batch being filled and the one being checked. An import reads
	 * two files at most at once (the one checked and the next), each within its own.
	 */
	static final int READ_AHEAD_BYTES = 16 << 20;

	/** The batches waiting in the queue, at most. */
	static final int QUEUE_BATCHES = 64;

	private static final Object END = new Object();

	private final HashingReader text;

	private final int maxRecordChars;

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);

	/** Room for batches in the queue, in estimated bytes. */
	private final Semaphore room = new Semaphore(READ_AHEAD_BYTES);

	/** Records parsed so far (for tests of the read-ahead). */
	private volatile long parsed;

	/** What ended the reading, when it failed: {@link #finish()} says it again. */
	private Throwable failed;

	private final Thread thread;

	private volatile boolean closed;

	/** Set when the caller wants no more records: the rest is only hashed. */
	private volatile boolean stopParsing;

	private Batch batch = new Batch();

	private int next;

	private long line;

	private boolean ended;

	PrefetchRecords(InputStream in, MessageDigest digest, String name, int maxRecordChars) {
		this.text = new HashingReader(in, digest);
		this.maxRecordChars = maxRecordChars;
		this.thread = new Thread(this::run, "qdx-prefetch " + name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The bytes read from the file so far, for progress. */
	long bytesRead() {
		return text.bytesRead;
	}

	/**
	 * The next record's fields (an empty cell is {@code null}), or {@code null} at the
	 * end.
	 * @throws CsvReader.MalformedCsvException where the text is not CSV
	 * @throws CharacterCodingException where the text is not UTF-8
	 */
	List<String> next() throws IOException {
		while (next == batch.size()) {
			if (ended) {
				return null;
			}
			Object item = take();
			if (item == END) {
				ended = true;
				return null;
			}
			if (item instanceof IOException ex) {
				if (!(ex instanceof CsvReader.MalformedCsvException) && !(ex instanceof CharacterCodingException)) {
					// reading the file failed: nothing more comes
					ended = true;
					failed = ex;
				}
				throw ex;
			}
			if (item instanceof Failure failure) {
				ended = true;
				failed = failure.error();
				throw failure.rethrow();
			}
			batch = (Batch) item;
			next = 0;
		}
		line = batch.lines[next];
		return batch.records.get(next++);
	}

	/**
	 * The line (1-based) on which the record last returned by {@link #next()} started.
	 */
	long line() {
		return line;
	}

	/**
	 * Lets the rest of the file be read and hashed (not parsed); after this the digest
	 * holds the whole file.
	 */
	void finish() throws IOException {
		stopParsing = true;
		if (failed instanceof IOException ex) {
			throw ex;
		}
		if (failed != null) {
			throw new Failure(failed).rethrow();
		}
		while (!ended) {
			Object item = take();
			if (item == END) {
				ended = true;
			}
			else if (item instanceof IOException ex && !(ex instanceof CsvReader.MalformedCsvException)
					&& !(ex instanceof CharacterCodingException)) {
				ended = true;
				failed = ex;
				throw ex;
			}
			else if (item instanceof Failure failure) {
				ended = true;
				failed = failure.error();
				throw failure.rethrow();
			}
		}
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
	}

	private Object take() throws InterruptedIOException {
		try {
			while (true) {
				Object item = queue.poll(100, TimeUnit.MILLISECONDS);
				if (item instanceof Batch b) {
					room.release(b.permits());
				}
				if (item != null) {
					return item;
				}
				if (!thread.isAlive() && queue.isEmpty()) {
					// it always ends with END or what failed it, unless even that failed
					throw new IllegalStateException("the thread reading " + thread.getName() + " stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
	}

	private void run() {
		try {
			Batch records = new Batch();
			try {
				CsvReader csv = new CsvReader(text, maxRecordChars);
				while (!stopParsing && !closed) {
					List<String> rec = csv.next();
					if (rec == null) {
						break;
					}
					records.add(rec, csv.line(), csv.recordChars());
					parsed++;
					if (records.size() == BATCH || records.bytes >= BATCH_BYTES) {
						put(records);
						records = new Batch();
					}
				}
			}
			catch (CsvReader.MalformedCsvException | CharacterCodingException ex) {
				// the records before the problem, the problem, and the rest only hashed
				put(records);
				records = new Batch();
				put(ex);
			}
			put(records);
			text.drain(() -> closed);
			put(END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable ex) {
			// reading failed (an I/O error, or anything else: out of memory, say): the
			// caller learns it, nothing more comes
			try {
				put(ex instanceof IOException io ? io : new Failure(ex));
			}
			catch (InterruptedException stop) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** What failed the reading thread, other than its input. */
	private record Failure(Throwable error) {

		RuntimeException rethrow() {
			if (error instanceof Error e) {
				throw e;
			}
			if (error instanceof RuntimeException e) {
				return e;
			}
			return new IllegalStateException(error);
		}

	}

	private void put(Object item) throws InterruptedException {
		if (item instanceof Batch b) {
			if (b.size() == 0) {
				return;
			}
			// waits while the batches ahead hold the read-ahead's bytes
			room.acquire(b.permits());
		}
		if (!closed) {
			queue.put(item);
		}
	}

	/** The records parsed so far. */
	long parsed() {
		return parsed;
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
		text.in.close();
	}

	/** Records and the lines they start on. */
	private static final class Batch {

		final List<List<String>> records = new ArrayList<>(BATCH);

		final long[] lines = new long[BATCH];

		/**
		 * The heap the records take, estimated: per record its list, per field a string
		 * (its object, its array, the reference) and two bytes a character.
		 */
		long bytes;

		void add(List<String> rec, long line, int recordChars) {
			lines[records.size()] = line;
			records.add(rec);
			bytes += 40 + 48L * rec.size() + 2L * recordChars;
		}

		/** The room it takes in the queue (one batch may take it all). */
		int permits() {
			return (int) Math.min(bytes, READ_AHEAD_BYTES);
		}

		int size() {
			return records.size();
		}

	}

	/**
	 * The file's bytes as UTF-8 text, every byte hashed as it is read; a byte sequence
	 * that is not UTF-8 is a {@link CharacterCodingException}. Read by one thread.
	 */
	private static final class HashingReader extends Reader {

		private static final int BLOCK = 1 << 16;

		final InputStream in;

		private final MessageDigest digest;

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK);

		// UTF-8 never gives more characters than bytes
		private final CharBuffer chars = CharBuffer.allocate(BLOCK + 1).flip();

		volatile long bytesRead;

		private boolean eof;

		private boolean done;

		HashingReader(InputStream in, MessageDigest digest) {
			this.in = in;
			this.digest = digest;
		}

		@Override
		public int read(char[] cbuf, int off, int len) throws IOException {
			while (!chars.hasRemaining()) {
				if (done) {
					return -1;
				}
				fill();
			}
			int n = Math.min(len, chars.remaining());
			chars.get(cbuf, off, n);
			return n;
		}

		/** Reads and decodes the next block. */
		private void fill() throws IOException {
			int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
			if (n < 0) {
				eof = true;
			}
			else {
				digest.update(bytes.array(), bytes.position(), n);
				bytes.position(bytes.position() + n);
				bytesRead += n;
			}
			bytes.flip();
			chars.clear();
			CoderResult result = decoder.decode(bytes, chars, eof);
			if (eof && !result.isError()) {
				result = decoder.flush(chars);
			}
			bytes.compact();
			chars.flip();
			if (result.isError()) {
				chars.limit(0);
				throw new CharacterCodingException();
			}
			done = eof;
		}

		/** Reads the rest of the file, hashing it, unless stopped. */
		void drain(BooleanSupplier stopped) throws IOException {
			if (eof) {
				return;
			}
			byte[] buf = bytes.array();
			int n;
			while (!stopped.getAsBoolean() && (n = in.read(buf, 0, buf.length)) >= 0) {
				digest.update(buf, 0, n);
				bytesRead += n;
			}
			eof = true;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
