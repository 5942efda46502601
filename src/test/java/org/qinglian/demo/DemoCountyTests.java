package org.qinglian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.Exchange;
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
	java.util.List<org.qinglian.platform.ExchangeFile> files;

	@TempDir
	Path tmp;

	@Test
	void aGeneratedCountyImportsAndEveryInjectedSchemeIsFoundWithNoFalseFinding() throws Exception {
		CountyGenerator generator = new CountyGenerator(new CountyGenerator.Size(3, 4, 2026), files);
		long rows = generator.write(tmp);
		assertThat(exchange.importBundle(tmp, Exchange.Progress.NONE).rowsRead()).isEqualTo(rows);
		assertThat(generator.schemeCount()).hasSize(14).allSatisfy((scheme, n) -> assertThat(n).isEqualTo(3));

		risk.scan(RiskLibrary.ScanProgress.NONE);
		StringWriter out = new StringWriter();
		risk.writeFindings(out);
		List<CSVRecord> findings = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(out.toString()))
			.getRecords();
		Set<String> labelled = new HashSet<>();
		for (CSVRecord r : CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(Files.newBufferedReader(tmp.resolve("labels/scheme_records.csv")))) {
			labelled.add(r.get("file") + ":" + r.get("record_id"));
		}
		Set<String> schemesFound = new HashSet<>();
		for (CSVRecord f : findings) {
			List<String> records = List.of(f.get("records").split(";"));
			assertThat(records).as("a finding names a labelled record: " + f.get("explanation"))
				.anyMatch(labelled::contains);
			schemesFound.add(f.get("scheme"));
		}
		assertThat(schemesFound).hasSize(14);
	}

}
