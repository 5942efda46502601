package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code kin_subsidy}: the case it must catch, and the look-alikes it must leave alone.
 */
class KinSubsidyRuleTests extends RuleTest {

	@Test
	void aCadresNearKinByDeclarationOrHouseholdOrOwnTwinRowIsCaughtButNotOtherTies() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "party_secretary", "2018-01-01", null)
			.person("PSPOUSE", "IDS", "HS", V1)
			.kin("PCAD", "PSPOUSE", "spouse")
			.person("PHOUSE", "IDH", "HC", V1)
			.person("PTWIN", "IDC", "HX", V1)
			.person("PCOUSIN", "IDO", "HO", V1)
			.kin("PCAD", "PCOUSIN", "other")
			.subsidy("S1", "dibao", "PSPOUSE", V1, "2020-01", "800.00")
			.subsidy("S2", "elderly", "PHOUSE", V1, "2020-01", "200.00")
			.subsidy("S3", "tekun", "PTWIN", V1, "2020-01", "600.00")
			.subsidy("S4", "dibao", "PCOUSIN", V1, "2020-01", "800.00")
			// the spouse paid in another village, where the cadre holds no position
			.subsidy("S5", "farmland", "PSPOUSE", V2, "2020-01", "100.00");
		List<Found> found = scan("kin_subsidy");
		assertThat(found).extracting(Found::records)
			.containsExactlyInAnyOrder("subsidies.csv:S1", "subsidies.csv:S2", "subsidies.csv:S3");
		assertThat(found).allSatisfy(f -> assertThat(f.subject()).isEqualTo("PCAD"));
	}

	@Test
	void kinOfAFormerCadreIsNotCaughtAfterThePositionEnded() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "committee_director", "2015-01-01", "2019-12-31")
			.person("PSON", "IDS", "HS", V1)
			.kin("PSON", "PCAD", "parent")
			.subsidy("S1", "dibao", "PSON", V1, "2019-12", "800.00")
			.subsidy("S2", "dibao", "PSON", V1, "2020-01", "800.00");
		assertThat(scan("kin_subsidy")).singleElement().extracting(Found::records).isEqualTo("subsidies.csv:S1");
	}

}
