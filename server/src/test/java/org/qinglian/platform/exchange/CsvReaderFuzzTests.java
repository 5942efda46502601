package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text given to the CSV reader gives records or a
 * {@link CsvReader.MalformedCsvException} naming a line, never another exception, and
 * never a record longer than the limit.
 */
class CsvReaderFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void anyTextGivesRecordsOrAMalformedCsvProblem(FuzzedDataProvider data) throws IOException {
		int limit = data.consumeInt(1, 4096);
		String text = data.consumeRemainingAsString();
		try (CsvReader csv = new CsvReader(new StringReader(text), limit)) {
			List<String> rec;
			while ((rec = csv.next()) != null) {
				// the fields' characters and the separators between them
				int length = rec.stream().mapToInt(f -> f == null ? 0 : f.length()).sum() + rec.size() - 1;
				if (length > limit) {
					throw new AssertionError("a record of " + length + " characters passed the limit of " + limit);
				}
				if (csv.line() < 1) {
					throw new AssertionError("a record on line " + csv.line());
				}
			}
		}
		catch (CsvReader.MalformedCsvException ex) {
			if (ex.line() < 1 || ex.getMessage() == null) {
				throw new AssertionError("a problem without its line", ex);
			}
		}
	}

}
