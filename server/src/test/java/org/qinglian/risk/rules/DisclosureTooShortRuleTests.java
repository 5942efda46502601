package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import org.junit.jupiter.api.Test;

/**
 * {@code disclosure_too_short}: the case it must catch, and the look-alikes it must leave
 * alone.
 */
class DisclosureTooShortRuleTests extends RuleTest {

	@Test
	void aDisclosureOfFourDaysIsTooShortButFiveIsNot() {
		data.step("lease", "resolve", 1, null, null, false, false)
			.step("lease", "disclose", 2, "resolve", 5, true, false)
			.step("lease", "sign", 3, "disclose", null, false, false)
			.exercise("E1", "lease", V1, "done", "resolve", "2020-01-01", "disclose", "2020-01-02", "sign",
					"2020-01-06")
			.exercise("E2", "lease", V1, "done", "resolve", "2020-01-01", "disclose", "2020-01-02", "sign",
					"2020-01-07");
		assertThat(scan("disclosure_too_short")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("power_exercises.csv:E1");
			assertThat(f.explanation()).contains("仅公示 4 天").contains("少于规定的 5 天");
		});
	}

}
