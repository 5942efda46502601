package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;

import org.springframework.test.context.TestPropertySource;

/**
 * Bundles made to hurt: each is refused early, with its file named, and writes nothing.
 * The limits are small here (4 MB a file) so that the bombs stay small; the defaults are
 * in {@link ImportLimits}.
 */
@TestPropertySource(properties = { "qinglian.test.database=hostile", "qinglian.import.max-file-bytes=4194304" })
class HostileBundleTests extends BundleTest {

	Path zip(Map<String, byte[]> entries, Path valid) throws Exception {
		Path zip = tmp.resolve("bundle-" + System.nanoTime() + ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			if (valid != null) {
				try (var files = Files.list(valid)) {
					for (Path p : files.filter(Files::isRegularFile).toList()) {
						if (!entries.containsKey(p.getFileName().toString())) {
							out.putNextEntry(new ZipEntry(p.getFileName().toString()));
							Files.copy(p, out);
							out.closeEntry();
						}
					}
				}
			}
			for (var e : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(e.getKey()));
				out.write(e.getValue());
				out.closeEntry();
			}
		}
		return zip;
	}

	/** Rows enough to pass this test's limit of 4 MB a file. */
	static final BiPredicate<StringBuilder, Integer> OVER_THE_LIMIT = (text, rows) -> text.length() < 5 << 20;

	/** More rows than the read-ahead's queue holds (twice its batches of records). */
	static final BiPredicate<StringBuilder, Integer> MORE_THAN_READ_AHEAD = (text,
			rows) -> rows < 2 * PrefetchRecords.QUEUE_BATCHES * PrefetchRecords.BATCH;

	/** Appends {@code row(i)} to the CSV file while {@code more} says so. */
	static void grow(Path csv, BiPredicate<StringBuilder, Integer> more, IntFunction<String> row) throws IOException {
		StringBuilder text = new StringBuilder(Files.readString(csv));
		for (int i = 0; more.test(text, i); i++) {
			text.append(row.apply(i));
		}
		Files.writeString(csv, text);
	}

	/** The problem of a file stopped at the limit of a file's bytes (4 MiB here). */
	static java.util.function.Consumer<String> tooLarge(String file) {
		return p -> assertThat(p).startsWith(file + ":0: -: has ").contains("more than the 4,194,304 a file may have");
	}

	BundleRejectedException refused(Path bundle) {
		Set<Thread> before = importThreads();
		BundleRejectedException ex = catchThrowableOfType(BundleRejectedException.class,
				() -> exchange.importBundle(bundle, Exchange.Progress.NONE));
		assertThat(ex).as("refused").isNotNull();
		assertThat(jdbc.sql("select count(*) from plt_import").query(Long.class).single()).isZero();
		// nothing read on, the files read ahead of the one refused neither
		assertThat(importThreads()).as("threads of the import left running").isSubsetOf(before);
		return ex;
	}

	static Set<Thread> importThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(t -> t.getName().startsWith("qdx-"))
			.collect(Collectors.toSet());
	}

	@Test
	void aZipBombIsRefusedByWhatItsEntryDeclaresBeforeItIsInflated() throws Exception {
		Path valid = TestBundle.valid("Z").write(tmp.resolve("valid"));
		Path bomb = zipWithVouchers(valid, tmp.resolve("bomb.zip"), out -> {
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				out.write(zeros);
			}
		});
		BundleRejectedException ex = refused(bomb);
		assertThat(ex.problems()).singleElement()
			.satisfies(
					p -> assertThat(p).startsWith("vouchers.csv:0: -: has 67,108,864 bytes, more than the 4,194,304"));
	}

	/** What a test writes as the zip's vouchers.csv. */
	interface Entry {

		void write(OutputStream out) throws IOException;

	}

	/** A zip of the valid bundle's files but vouchers.csv, which the test writes. */
	static Path zipWithVouchers(Path valid, Path zip, Entry vouchers) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			try (var files = Files.list(valid)) {
				for (Path p : files.filter(f -> !f.getFileName().toString().equals("vouchers.csv")).toList()) {
					out.putNextEntry(new ZipEntry(p.getFileName().toString()));
					Files.copy(p, out);
					out.closeEntry();
				}
			}
			out.putNextEntry(new ZipEntry("vouchers.csv"));
			vouchers.write(out);
			out.closeEntry();
		}
		return zip;
	}

	/**
	 * A zip whose vouchers.csv is {@code zeros} bytes and whose directory says it is
	 * {@code declared}.
	 */
	Path zipOfZeros(int zeros, int declared) throws Exception {
		Path valid = TestBundle.valid("Z" + zeros).write(tmp.resolve("valid-" + zeros + "-" + declared));
		Path zip = zipWithVouchers(valid, tmp.resolve("zeros-" + zeros + "-" + declared + ".zip"),
				out -> out.write(new byte[zeros]));
		if (declared != zeros) {
			lieAboutSize(zip, "vouchers.csv", declared);
		}
		return zip;
	}

	/**
	 * Writes {@code declared} as the entry's uncompressed size in the zip's directory.
	 */
	static void lieAboutSize(Path zip, String entry, int declared) throws IOException {
		byte[] bytes = Files.readAllBytes(zip);
		byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
			if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
					&& Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
				ByteBuffer.wrap(bytes, i + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(declared);
			}
		}
		Files.write(zip, bytes);
	}

	@Test
	void aZippedFileThatInflatesFarMoreThanCsvIsRefusedAsABomb() throws Exception {
		BundleRejectedException ex = refused(zipOfZeros(2 << 20, 2 << 20));
		assertThat(ex.problems()).singleElement()
			.satisfies(p -> assertThat(p).startsWith("vouchers.csv:0: -: inflates ").contains("refused as a zip bomb"));
	}

	@Test
	void aZipThatLiesAboutAFilesSizeIsStoppedAtTheLimitWhileReading() throws Exception {
		BundleRejectedException ex = refused(zipOfZeros(6 << 20, 1000));
		assertThat(ex.problems()).singleElement().satisfies(tooLarge("vouchers.csv"));
	}

	@Test
	void aFileLargerThanItsEntrySaysIsStoppedAtTheLimit() throws Exception {
		Path dir = TestBundle.valid("L").write(tmp.resolve("large"));
		// a folder's file is held to the limit as it is read
		grow(dir.resolve("vouchers.csv"), OVER_THE_LIMIT,
				i -> "VX" + i + ",330683101201,2019-01-02,expense,1.00,bank,,,office,,,,,,\n");
		BundleRejectedException ex = refused(dir);
		assertThat(ex.problems()).anySatisfy(tooLarge("vouchers.csv"));
	}

	@Test
	void aFileRefusedWhileTheNextIsReadAheadStopsThatReadingToo() throws Exception {
		Path dir = TestBundle.valid("N").write(tmp.resolve("ahead"));
		// persons.csv over the limit; positions.csv, read next, more records than the
		// read-ahead's queue holds (its thread would wait for room for ever)
		grow(dir.resolve("persons.csv"), OVER_THE_LIMIT, i -> "PX" + i + ",,张三,m,1970-01-01,HX,330683101201,\n");
		grow(dir.resolve("positions.csv"), MORE_THAN_READ_AHEAD,
				i -> "PAN,330683101201,committee_director," + (1000 + i) + "-01-01,\n");
		// stopped while it is read: the zip's directory says it is small
		Path zip = zip(Map.of(), dir);
		lieAboutSize(zip, "persons.csv", 1000);
		BundleRejectedException ex = refused(zip);
		assertThat(ex.problems()).anySatisfy(tooLarge("persons.csv"));
	}

	@Test
	void aNextFileRefusedWhenItIsOpenedStopsTheReadingOfTheFileBeforeIt() throws Exception {
		Path dir = TestBundle.valid("M").write(tmp.resolve("next-refused"));
		// persons.csv, read ahead while regions.csv is checked, more records than the
		// read-ahead's queue holds; positions.csv, next after it, refused when opened
		grow(dir.resolve("persons.csv"), MORE_THAN_READ_AHEAD, i -> "PY" + i + ",,张三,m,1970-01-01,HY,330683101201,\n");
		grow(dir.resolve("positions.csv"), OVER_THE_LIMIT, i -> "PAM,330683101201,committee_director,2017-01-01,\n");
		BundleRejectedException ex = refused(dir);
		assertThat(ex.problems()).anySatisfy(tooLarge("positions.csv"));
	}

	@Test
	void aRecordThatNeverEndsIsRefusedAtItsLine() throws Exception {
		TestBundle b = TestBundle.valid("Q");
		b.files.put("vouchers.csv", b.files.get("vouchers.csv") + "VQ,\"" + "x".repeat(1_100_000) + "\n");
		BundleRejectedException ex = refused(b.write(tmp.resolve("q")));
		assertThat(ex.problems()).contains(
				"vouchers.csv:4: -: the record is longer than 1048576 characters: a quote not closed, or not a CSV file");
	}

	@Test
	void anEntryOutsideTheBundleOrNotOfTheFormatIsRefusedInZipsAndFoldersAlike() throws Exception {
		Path valid = TestBundle.valid("E").write(tmp.resolve("valid"));
		BundleRejectedException traversal = refused(
				zip(Map.of("../../x", "evil".getBytes(StandardCharsets.UTF_8)), valid));
		assertThat(traversal.problems()).contains("../../x:0: -: is not a file of the QDX format");
		BundleRejectedException nested = refused(
				zip(Map.of("extra/notes.txt", "x".getBytes(StandardCharsets.UTF_8)), valid));
		assertThat(nested.problems()).contains("extra/notes.txt:0: -: is not a file of the QDX format");
		Files.createDirectories(valid.resolve("extra"));
		Files.writeString(valid.resolve("extra/notes.txt"), "x");
		BundleRejectedException folder = refused(valid);
		assertThat(folder.problems()).contains("extra/notes.txt:0: -: is not a file of the QDX format");
	}

	@Test
	void aHugeManifestIsNotReadIntoMemory() throws Exception {
		Path dir = TestBundle.valid("M").write(tmp.resolve("manifest"));
		try (OutputStream out = Files.newOutputStream(dir.resolve("manifest.json"))) {
			byte[] spaces = new byte[1 << 20];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 6; i++) {
				out.write(spaces);
			}
		}
		BundleRejectedException ex = refused(dir);
		assertThat(ex.problems())
			.containsExactly("manifest.json:0: -: has 6,291,456 bytes, more than the 1 MB a manifest may have");
	}

}
