package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code subsidy_after_death}: the case it must catch, and the look-alikes it must leave
 * alone.
 */
class SubsidyAfterDeathRuleTests extends RuleTest {

	@Test
	void aSubsidyForAMonthAfterDeathIsCaughtButNotForTheMonthOfDeath() {
		data.person("PA", "ID1", "H1", V1)
			.person("PA2", "ID1", "H1", V1)
			.death("PA2", "2019-11-20")
			.subsidy("S1", "dibao", "PA", V1, "2019-11", "520.00")
			.subsidy("S2", "dibao", "PA", V1, "2019-12", "520.00")
			.subsidy("S3", "dibao", "PA", V1, "2020-03", "520.00");
		List<Found> found = scan("subsidy_after_death");
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("deaths.csv:PA2;subsidies.csv:S2;subsidies.csv:S3");
			assertThat(f.explanation()).isEqualTo("2019年12月起向已于2019年11月死亡的姓名PA发放低保金，共 2 个月 1040.00 元");
		});
	}

}
