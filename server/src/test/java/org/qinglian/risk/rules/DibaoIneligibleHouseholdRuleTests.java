package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code dibao_ineligible_household}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class DibaoIneligibleHouseholdRuleTests extends RuleTest {

	@Test
	void dibaoForAHouseholdWithACarOf50000IsCaughtButNotACheapOldCarOrALaterOne() {
		data.person("PR", "IDR", "H1", V1)
			.person("PSON", "IDS", "H1", V1)
			.person("PX", "IDX", "H2", V1)
			.person("PY", "IDY", "H3", V1)
			.vehicle("PSON", "浙D1", "2018-01-01", "50000.00")
			.vehicle("PX", "浙D2", "2010-01-01", "49999.99")
			.vehicle("PY", "浙D3", "2020-06-01", "150000.00")
			.subsidy("S1", "dibao", "PR", V1, "2020-01", "800.00")
			.subsidy("S2", "dibao", "PX", V1, "2020-01", "800.00")
			.subsidy("S3", "dibao", "PY", V1, "2020-05", "800.00")
			.subsidy("S4", "elderly", "PR", V1, "2020-01", "200.00");
		assertThat(scan("dibao_ineligible_household")).singleElement()
			.satisfies(f -> assertThat(f.records()).isEqualTo("subsidies.csv:S1"));
	}

	@Test
	void dibaoIsCaughtForAPublicEmployeeAShareholderOrTwoPropertiesButNotAManagerOrOneProperty() {
		data.person("P1", "I1", "H1", V1)
			.person("P1E", "I1E", "H1", V1)
			.publicEmployee("P1E", "2015-01-01", null)
			.person("P2", "I2", "H2", V1)
			.person("P2S", "I2S", "H2", V1)
			.org("O1", null, "2010-01-01")
			.orgPerson("O1", "P2S", "shareholder")
			.person("P3", "I3", "H3", V1)
			.property("P3", "村1号", "2000-01-01")
			.property("P3", "城2号", "2018-01-01")
			.person("P4", "I4", "H4", V1)
			.person("P4M", "I4M", "H4", V1)
			.org("O2", null, "2010-01-01")
			.orgPerson("O2", "P4M", "manager")
			.person("P5", "I5", "H5", V1)
			.property("P5", "村5号", "2000-01-01")
			.person("P6", "I6", "H6", V1)
			.publicEmployee("P6", "2010-01-01", "2019-06-30");
		for (String p : List.of("P1", "P2", "P3", "P4", "P5", "P6")) {
			data.subsidy("S" + p, "dibao", p, V1, "2020-02", "800.00");
		}
		assertThat(scan("dibao_ineligible_household")).extracting(Found::records)
			.containsExactlyInAnyOrder("subsidies.csv:SP1", "subsidies.csv:SP2", "subsidies.csv:SP3");
	}

}
