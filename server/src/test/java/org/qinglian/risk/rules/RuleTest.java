package org.qinglian.risk.rules;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.qinglian.IntegrationTest;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What every rule's tests share: a small hand-made county ({@link Fixture}), written
 * straight to the tables before each test, and a scan that answers one rule's findings.
 * The rule test classes share one application context and database.
 */
@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=risk-rules")
abstract class RuleTest {

	@Autowired
	RiskLibrary library;

	@Autowired
	JdbcClient jdbc;

	Fixture data;

	/** A finding as a test looks at it. */
	record Found(String subject, String region, BigDecimal amount, String records, String explanation) {
	}

	@BeforeEach
	void county() {
		data = new Fixture(jdbc).reset();
	}

	/** Scans with every rule; the findings of one, not withdrawn. */
	List<Found> scan(String rule) {
		library.scan(RiskLibrary.ScanProgress.NONE);
		return jdbc.sql("""
				select subject_id, region_code, amount, records, explanation from risk_finding
				where rule_code = ? and status <> 'withdrawn' order by finding_id""")
			.param(rule)
			.query((rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

}
