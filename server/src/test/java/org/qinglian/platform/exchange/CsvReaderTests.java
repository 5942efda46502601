package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The CSV reader gives, for any text, what the reader that took one character at a time
 * gave ({@link CharByCharCsvReader}): the same records on the same lines, or the same
 * problem on the same line, also when its buffer ends inside a field.
 */
class CsvReaderTests {

	private static final String ALPHABET = "ab,,,\"\"\n\r\r\n村委\uFEFF 12";

	@Test
	void itAgreesWithTheCharacterByCharacterReader() throws IOException {
		Random random = new Random(3);
		int malformed = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			if (random.nextInt(10) == 0) {
				text.append('\uFEFF');
			}
			int length = random.nextInt(60);
			for (int j = 0; j < length; j++) {
				// mostly ordinary characters in runs, so that fields are long enough to
				// be cut by the end of a read
				text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
						: (char) ('a' + random.nextInt(26)));
			}
			int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : Integer.MAX_VALUE;
			int chunk = 1 + random.nextInt(8);
			CharByCharCsvReader reference = new CharByCharCsvReader(new StringReader(text.toString()), limit);
			String expected = readAll(reference::next, reference::line);
			CsvReader csv = new CsvReader(new Trickle(text.toString(), chunk), limit);
			String actual = readAll(csv::next, csv::line);
			assertThat(actual).as("%s (reads of %d)", text, chunk).isEqualTo(expected);
			malformed += expected.contains("problem") ? 1 : 0;
		}
		assertThat(malformed).as("texts refused").isBetween(1000, 19_000);
	}

	@Test
	void aFieldLongerThanTheBufferIsWhole() throws IOException {
		String longField = "长".repeat(70_000) + "x".repeat(70_000);
		CsvReader csv = new CsvReader(new StringReader("a," + longField + ",b\n\"q\"\"\",\n"));
		assertThat(csv.next()).containsExactly("a", longField, "b");
		assertThat(csv.next()).containsExactly("q\"", null);
		assertThat(csv.next()).isNull();
	}

	@Test
	void separatorsCountAgainstTheLimit() throws IOException {
		CsvReader csv = new CsvReader(new StringReader("a,b\n" + ",".repeat(100) + "\n"), 50);
		assertThat(csv.next()).containsExactly("a", "b");
		assertThatThrownBy(csv::next).isInstanceOfSatisfying(CsvReader.MalformedCsvException.class,
				ex -> assertThat(ex.line()).isEqualTo(2));
	}

	interface Next {

		List<String> next() throws IOException;

	}

	interface Line {

		long line();

	}

	/** The records with their lines, and the problem that ended them. */
	private static String readAll(Next next, Line line) throws IOException {
		List<String> out = new ArrayList<>();
		try {
			List<String> rec;
			while ((rec = next.next()) != null) {
				out.add(line.line() + ": " + rec);
			}
		}
		catch (CsvReader.MalformedCsvException ex) {
			out.add("problem on line " + ex.line() + ": " + ex.getMessage());
		}
		return String.join("\n", out);
	}

	/** A reader that gives at most a few characters a read. */
	private static final class Trickle extends Reader {

		private final String text;

		private final int chunk;

		private int pos;

		Trickle(String text, int chunk) {
			this.text = text;
			this.chunk = chunk;
		}

		@Override
		public int read(char[] cbuf, int off, int len) {
			if (pos == text.length()) {
				return -1;
			}
			int n = Math.min(Math.min(len, chunk), text.length() - pos);
			text.getChars(pos, pos + n, cbuf, off);
			pos += n;
			return n;
		}

		@Override
		public void close() {
		}

	}

}
