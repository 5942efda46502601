package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import org.junit.jupiter.api.Test;

/**
 * {@code kin_contractor}: the case it must catch, and the look-alikes it must leave
 * alone.
 */
class KinContractorRuleTests extends RuleTest {

	@Test
	void aContractWithAFirmOfACadresChildIsCaughtButNotOfACousin() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "committee_director", "2018-01-01", null)
			.person("PCHILD", "IDK", "HK", V1)
			.kin("PCAD", "PCHILD", "child")
			.person("PCOUSIN", "IDO", "HO", V1)
			.kin("PCAD", "PCOUSIN", "other")
			.org("O1", "PCHILD", "2015-01-01")
			.org("O2", "PCOUSIN", "2015-01-01")
			.contract("C1", V1, "construction", null, "O1", "2020-01-01", null, null, "200000.00", null, "negotiated")
			.contract("C2", V1, "construction", null, "O2", "2020-01-01", null, null, "200000.00", null, "negotiated");
		assertThat(scan("kin_contractor")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1");
			assertThat(f.subject()).isEqualTo("PCAD");
		});
	}

}
