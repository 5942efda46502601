package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qinglian.platform.BundleImported;

import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * An import is followed by a scan, whose findings are there when the event's work is
 * done. (Not a module test of the risk library alone: its migrations read the tables of
 * the modules below it, which Spring Modulith does not know to migrate first.)
 */
@EnableScenarios
class ScanAfterImportTests extends RuleTest {

	List<String> findings() {
		return jdbc.sql("select rule_code from risk_finding where status = 'open' order by rule_code")
			.query(String.class)
			.list();
	}

	@Test
	void anImportIsFollowedByAScan(Scenario scenario) {
		data.voucher("V1", V1, "2020-01-05", "1500.00", "bank", "office", null);
		scenario.publish(new BundleImported(1, Set.of("vouchers.csv")))
			.andWaitForStateChange(this::findings, found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).contains("white_slip"));
	}

}
