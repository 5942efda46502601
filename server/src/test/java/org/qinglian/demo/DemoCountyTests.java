package org.qinglian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;
import org.qinglian.Labels;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A generated county is a valid bundle (every ID number and credit code checks out), and
 * the risk library finds every scheme injected into it and nothing else: the detection
 * benchmark in small, on a seed the rules were not written against.
 */
@IntegrationTest
@TestPropertySource(properties = { "qinglian.test.database=demo", "qinglian.risk.scan-after-import=false" })
class DemoCountyTests {

	@Autowired
	Exchange exchange;

	@Autowired
	RiskLibrary risk;

	@Autowired
	List<ExchangeFile> files;

	@TempDir
	Path tmp;

	/**
	 * The same seed makes the same county, byte for byte: the digest of a small county as
	 * the generator writes it since its registries come as received (version 1.1,
	 * 2026-11-30; before, as version 1: df0f976a…).
	 */
	@Test
	void theSameSeedMakesTheSameCountyByteForByte() throws Exception {
		Path dir = tmp.resolve("small");
		new CountyGenerator(new CountyGenerator.Size(1, 2, 1), files).write(dir);
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		List<Path> written;
		try (var walk = Files.walk(dir)) {
			written = walk.filter(Files::isRegularFile)
				.sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
				.toList();
		}
		for (Path p : written) {
			digest.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(Files.readAllBytes(p));
			digest.update((byte) 0);
		}
		assertThat(written).hasSize(27);
		assertThat(HexFormat.of().formatHex(digest.digest()))
			.isEqualTo("42eb2e0e70c28d28c60533adf1afae2e867e684e2ff19e6c023e358de419e01f");
	}

	@Test
	void aGeneratedCountyImportsAndEveryInjectedSchemeIsFoundWithNoFalseFinding() throws Exception {
		CountyGenerator generator = new CountyGenerator(new CountyGenerator.Size(3, 4, 2026), files);
		long rows = generator.write(tmp);
		assertThat(exchange.importBundle(tmp, Exchange.Progress.NONE).rowsRead()).isEqualTo(rows);
		assertThat(generator.schemeCount()).hasSize(14).allSatisfy((scheme, n) -> assertThat(n).isEqualTo(3));

		risk.scan(RiskLibrary.ScanProgress.NONE);
		StringWriter out = new StringWriter();
		risk.writeFindings(out);
		// every injected case is found (a finding names one of its records, or its
		// subject
		// in the same region and scheme: the spec's Labels), and every finding is a case
		Labels.Score score = Labels.score(tmp, out.toString());
		assertThat(score.schemes()).hasSize(42);
		assertThat(score.missed()).as("injected cases no finding names").isEmpty();
		assertThat(score.unlabelled()).as("findings of no injected case").isEmpty();
		List<CSVRecord> findings = score.findings();
		Set<String> schemesFound = new HashSet<>();
		findings.forEach(f -> schemesFound.add(f.get("scheme")));
		assertThat(schemesFound).hasSize(14);
	}

}
