package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code subsidy_in_two_villages}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class SubsidyInTwoVillagesRuleTests extends RuleTest {

	@Test
	void oneIdentityPaidInTwoVillagesInOneMonthIsCaughtAcrossTwinRows() {
		data.person("PA", "ID1", "H1", V1)
			.person("PB", "ID1", "H2", V2)
			.person("PC", "ID2", "H3", V1)
			.subsidy("S1", "elderly", "PA", V1, "2020-03", "200.00")
			.subsidy("S2", "elderly", "PB", V2, "2020-03", "200.00")
			// look-alikes: other months, another program, another identity
			.subsidy("S3", "elderly", "PA", V1, "2020-04", "200.00")
			.subsidy("S4", "elderly", "PB", V2, "2020-05", "200.00")
			.subsidy("S5", "dibao", "PB", V2, "2020-04", "800.00")
			.subsidy("S6", "elderly", "PC", V1, "2020-03", "200.00");
		List<Found> found = scan("subsidy_in_two_villages");
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("subsidies.csv:S1;subsidies.csv:S2");
			assertThat(f.amount()).isEqualByComparingTo("200.00");
		});
	}

}
