package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every rule on the dev sample gives, finding for finding, what the rules gave before
 * they became named units with shared SQL functions (2026-11-30): the same ids, subjects,
 * regions, periods, amounts, records and explanations, in Chinese as an officer reads
 * them. A change to a rule that changes a finding must change this file on purpose.
 */
@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=dev-sample-findings")
class DevSampleFindingsTests {

	@Autowired
	SampleCounty county;

	@Autowired
	RiskLibrary library;

	@Test
	void theDevSamplesFindingsAreTheKnownOnes() throws IOException {
		county.loaded();
		StringWriter written = new StringWriter();
		library.writeFindings(written);
		String known;
		try (InputStream in = getClass().getResourceAsStream("/org/qinglian/risk/dev-sample-findings.csv")) {
			known = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> lines = written.toString().lines().sorted().toList();
		assertThat(lines).hasSize(35).containsExactlyElementsOf(known.lines().sorted().toList());
	}

}
