package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import org.junit.jupiter.api.Test;

/**
 * {@code step_skipped}: the case it must catch, and the look-alikes it must leave alone.
 */
class StepSkippedRuleTests extends RuleTest {

	@Test
	void aDoneExerciseMissingARequiredStepOrWithAStepOnItsPredecessorsDayIsSkippedButNotAnOpenOne() {
		data.step("decide", "propose", 1, null, null, false, false)
			.step("decide", "review", 2, "propose", null, false, true)
			.step("decide", "vote", 3, "propose", null, false, false)
			.exercise("E1", "decide", V1, "done", "propose", "2020-01-01")
			.exercise("E2", "decide", V1, "open", "propose", "2020-01-01")
			.exercise("E3", "decide", V1, "done", "propose", "2020-01-05", "vote", "2020-01-05")
			.exercise("E4", "decide", V1, "done", "propose", "2020-01-05", "vote", "2020-01-06");
		assertThat(scan("step_skipped")).extracting(Found::records)
			.containsExactlyInAnyOrder("power_exercises.csv:E1", "power_exercises.csv:E3");
	}

}
