package org.qinglian.platform.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.BundleRejectedException;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.ExchangeFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A valid bundle with one file changed by the fuzzer: the import lands, or is refused
 * with every problem as {@code file:line: column: reason}; never another exception, never
 * a half-written database.
 */
@IntegrationTest
@TestPropertySource(properties = { "qinglian.test.database=import-fuzz", "qinglian.risk.scan-after-import=false",
		"qinglian.import.max-record-chars=65536" })
class ImportFuzzTests {

	static final Pattern PROBLEM = Pattern.compile("^[^:\\n]+:\\d+: [^:\\n]+: .+", Pattern.DOTALL);

	@Autowired
	Exchange exchange;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ExchangeFile> declared;

	@FuzzTest(maxDuration = "60s")
	void aChangedFileLandsOrIsRefusedWithItsPlaceNamed(FuzzedDataProvider data) throws Exception {
		TestBundle bundle = TestBundle.valid("F");
		List<String> names = bundle.files.keySet().stream().sorted().toList();
		String file = names.get(data.consumeInt(0, names.size() - 1));
		String original = bundle.files.get(file);
		String header = original.substring(0, original.indexOf('\n') + 1);
		String changed = switch (data.consumeInt(0, 2)) {
			case 0 -> data.consumeRemainingAsString();
			case 1 -> header + data.consumeRemainingAsString();
			default -> {
				int at = data.consumeInt(header.length(), original.length());
				yield original.substring(0, at) + data.consumeString(200) + original.substring(at);
			}
		};
		bundle.files.put(file, changed);
		Path dir = Files.createTempDirectory("fuzz-bundle");
		try {
			bundle.write(dir);
			long before = rows();
			try {
				exchange.importBundle(dir, Exchange.Progress.NONE);
			}
			catch (BundleRejectedException ex) {
				for (String p : ex.problems()) {
					if (!PROBLEM.matcher(p).matches()) {
						throw new AssertionError("a problem that names no place: " + p);
					}
				}
				if (rows() != before) {
					throw new AssertionError("a refused bundle changed the database");
				}
			}
		}
		finally {
			try (var s = Files.walk(dir)) {
				s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private long rows() {
		String sum = declared.stream()
			.map(f -> "(select count(*) from " + f.table() + ")")
			.collect(Collectors.joining(" + "));
		return jdbc.sql("select " + sum + " + (select count(*) from plt_import)").query(Long.class).single();
	}

}
