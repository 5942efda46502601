package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The records read on the prefetch thread come as the CSV reader gives them, in order and
 * with their lines; a problem of the text comes after the records before it; the whole
 * file is hashed whatever the caller read.
 */
class PrefetchRecordsTests {

	/**
	 * Many blocks of text and many batches of records, Chinese and quoted fields among
	 * them.
	 */
	private static String text(int rows) {
		StringBuilder sb = new StringBuilder("id,name,note\n");
		for (int i = 0; i < rows; i++) {
			sb.append('P').append(i).append(",张").append(i).append(i % 7 == 0 ? ",\"多行\n说明, 有逗号\"" : ",").append('\n');
		}
		return sb.toString();
	}

	private static List<String> direct(String text) throws IOException {
		List<String> out = new ArrayList<>();
		try (CsvReader csv = new CsvReader(new StringReader(text))) {
			List<String> rec;
			while ((rec = csv.next()) != null) {
				out.add(csv.line() + ": " + rec);
			}
		}
		return out;
	}

	/** Reads the records, each as "line: fields", until the end or a problem. */
	private static void readAll(PrefetchRecords records, List<String> read) throws IOException {
		List<String> rec;
		while ((rec = records.next()) != null) {
			read.add(records.line() + ": " + rec);
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return Arrays.toString(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void theRecordsAreThoseOfTheCsvReaderInOrderAndTheWholeFileIsHashed() throws Exception {
		String text = text(20_000);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		List<String> read = new ArrayList<>();
		try (PrefetchRecords records = new PrefetchRecords(new ByteArrayInputStream(bytes), md, "t", 1 << 20)) {
			readAll(records, read);
			records.finish();
			assertThat(records.bytesRead()).isEqualTo(bytes.length);
		}
		assertThat(read).hasSize(20_001).isEqualTo(direct(text));
		assertThat(Arrays.toString(md.digest())).isEqualTo(sha256(bytes));
	}

	@Test
	void bytesThatAreNotUtf8ComeAfterTheRecordsBeforeThemAndTheRestIsStillHashed() throws Exception {
		byte[] good = text(5_000).getBytes(StandardCharsets.UTF_8);
		byte[] tail = text(5_000).getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[good.length + 1 + tail.length];
		System.arraycopy(good, 0, bytes, 0, good.length);
		bytes[good.length] = (byte) 0xC3;
		System.arraycopy(tail, 0, bytes, good.length + 1, tail.length);
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		List<String> read = new ArrayList<>();
		try (PrefetchRecords records = new PrefetchRecords(new ByteArrayInputStream(bytes), md, "t", 1 << 20)) {
			assertThatThrownBy(() -> readAll(records, read)).isInstanceOf(CharacterCodingException.class);
			records.finish();
		}
		// the records before the block with the bad byte came first, in order; none after
		// it
		assertThat(read).isNotEmpty().hasSizeLessThanOrEqualTo(5_001);
		assertThat(direct(text(5_000)).subList(0, read.size())).isEqualTo(read);
		assertThat(Arrays.toString(md.digest())).isEqualTo(sha256(bytes));
	}

	@Test
	void aFailureOfTheReadingThreadReachesTheCallerInsteadOfHangingIt() throws Exception {
		byte[] bytes = text(50_000).getBytes(StandardCharsets.UTF_8);
		InputStream failing = new FilterInputStream(new ByteArrayInputStream(bytes)) {
			private int reads;

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (++reads == 5) {
					throw new IllegalStateException("the disk went away");
				}
				return super.read(b, off, len);
			}
		};
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			try (PrefetchRecords records = new PrefetchRecords(failing, MessageDigest.getInstance("SHA-256"), "t",
					1 << 20)) {
				assertThatThrownBy(() -> {
					while (records.next() != null) {
						// read on
					}
				}).isInstanceOf(IllegalStateException.class).hasMessage("the disk went away");
				// the hash is not whole: finishing says so again, rather than return
				assertThatThrownBy(records::finish).hasMessage("the disk went away");
			}
		});
	}

	@Test
	void aFileThatIsNotCsvNamesItsLineAfterTheRecordsBeforeIt() throws Exception {
		String text = text(3_000) + "P-1,a\"b,c\n" + text(3_000);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		List<String> read = new ArrayList<>();
		try (PrefetchRecords records = new PrefetchRecords(new ByteArrayInputStream(bytes), md, "t", 1 << 20)) {
			assertThatThrownBy(() -> readAll(records, read)).isInstanceOfSatisfying(
					CsvReader.MalformedCsvException.class,
					ex -> assertThat(ex.line()).isEqualTo(text.substring(0, text.indexOf("P-1")).lines().count() + 1));
			records.finish();
		}
		assertThat(read).hasSize(3_001).last().asString().contains(": [P2999, ");
		assertThat(Arrays.toString(md.digest())).isEqualTo(sha256(bytes));
	}

	@Test
	void aCallerThatStopsEarlyStillGetsTheWholeHashAndClosingDoesNotWait() throws Exception {
		byte[] bytes = text(200_000).getBytes(StandardCharsets.UTF_8);
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		try (PrefetchRecords records = new PrefetchRecords(new ByteArrayInputStream(bytes), md, "t", 1 << 20)) {
			assertThat(records.next()).containsExactly("id", "name", "note");
			records.finish();
		}
		assertThat(Arrays.toString(md.digest())).isEqualTo(sha256(bytes));
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			PrefetchRecords records = new PrefetchRecords(new ByteArrayInputStream(bytes),
					MessageDigest.getInstance("SHA-256"), "t", 1 << 20);
			records.next();
			// the thread is stopped: not left parsing or blocked on a full queue
			records.close();
		});
	}

	@Test
	void whatIsReadAheadIsBoundedByItsSizeNotOnlyByRecords() throws Exception {
		// records of 200,000 characters, some 400 KB each on the heap: a batch each; the
		// queue alone would let 64 of them wait (25 MB), its room lets 16 MB
		String row = "x".repeat(100_000) + "," + "y".repeat(100_000) + "\n";
		InputStream endless = new InputStream() {
			private final byte[] bytes = row.getBytes(StandardCharsets.UTF_8);

			private long pos;

			@Override
			public int read() {
				return bytes[(int) (pos++ % bytes.length)];
			}

			@Override
			public int read(byte[] b, int off, int len) {
				for (int i = 0; i < len; i++) {
					b[off + i] = bytes[(int) (pos++ % bytes.length)];
				}
				return len;
			}
		};
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			try (PrefetchRecords records = new PrefetchRecords(endless, MessageDigest.getInstance("SHA-256"), "t",
					1 << 20)) {
				records.next();
				// until the reading thread stops for want of room
				long ahead = -1;
				while (ahead != records.parsed()) {
					ahead = records.parsed();
					Thread.sleep(500);
				}
				long perRecord = 40 + 2 * 48 + 2 * 200_001;
				// the queue's room, the batch being checked and the one being filled
				assertThat(ahead).isGreaterThan(10)
					.isLessThanOrEqualTo(PrefetchRecords.READ_AHEAD_BYTES / perRecord + 3);
			}
		});
	}

	@Test
	void closingStopsTheHashingOfTheRestToo() throws Exception {
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'a';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				Arrays.fill(b, off, off + len, (byte) 'a');
				return len;
			}
		};
		PrefetchRecords records = new PrefetchRecords(endless, MessageDigest.getInstance("SHA-256"), "t", 100);
		try {
			finishAfterClose(records);
		}
		finally {
			// whatever failed above, the endless reading is stopped (within a bound)
			Thread closing = new Thread(() -> {
				try {
					records.close();
				}
				catch (IOException ex) {
					// closed as far as it goes
				}
			});
			closing.setDaemon(true);
			closing.start();
			closing.join(5_000);
		}
	}

	private static void finishAfterClose(PrefetchRecords records) throws Exception {
		// a record longer than the limit: the rest of the endless file is only hashed
		assertThatThrownBy(records::next).isInstanceOf(CsvReader.MalformedCsvException.class);
		var finishing = java.util.concurrent.CompletableFuture.runAsync(() -> {
			try {
				records.finish();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		Thread.sleep(200);
		assertTimeoutPreemptively(Duration.ofSeconds(5), records::close);
		// the hash was never completed: finishing fails, it does not return
		assertThatThrownBy(() -> finishing.get(5, java.util.concurrent.TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalStateException.class);
	}

}
