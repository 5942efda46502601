package org.qinglian.powerlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.qinglian.powerlist.ExerciseStatus;
import org.qinglian.powerlist.domain.Deviation.Kind;

class FlowConformanceTests {

	// proposal -> deliberation -> disclosure (5..30 days) -> implementation; review
	// optional after proposal
	Flow flow = new Flow("major_decision",
			List.of(new Flow.Step("proposal", 1, "提议", Set.of(), null, null, false, false),
					new Flow.Step("review", 2, "乡镇审核", Set.of("proposal"), null, null, false, true),
					new Flow.Step("deliberation", 3, "商议", Set.of("proposal"), null, null, false, false),
					new Flow.Step("disclosure", 4, "公示", Set.of("deliberation"), 5, 30, true, false),
					new Flow.Step("implementation", 5, "实施", Set.of("disclosure"), null, null, false, false)));

	Map<String, LocalDate> days(Object... pairs) {
		Map<String, LocalDate> m = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put((String) pairs[i], LocalDate.parse((String) pairs[i + 1]));
		}
		return m;
	}

	@Test
	void aCompleteExerciseInOrderConforms() {
		assertThat(FlowConformance.check(flow, ExerciseStatus.DONE, days("proposal", "2020-01-01", "deliberation",
				"2020-01-03", "disclosure", "2020-01-04", "implementation", "2020-01-09")))
			.isEmpty();
	}

	@Test
	void aDoneExerciseMissingARequiredStepDeviatesButAnOptionalOneDoesNot() {
		var found = FlowConformance.check(flow, ExerciseStatus.DONE,
				days("proposal", "2020-01-01", "disclosure", "2020-01-04", "implementation", "2020-01-10"));
		assertThat(found).extracting(Deviation::kind, Deviation::step)
			.containsExactlyInAnyOrder(Tuple.tuple(Kind.MISSING_STEP, "deliberation"),
					Tuple.tuple(Kind.PREDECESSOR_MISSING, "disclosure"));
	}

	@Test
	void anOpenExerciseIsNotJudgedIncomplete() {
		assertThat(FlowConformance.check(flow, ExerciseStatus.OPEN,
				days("proposal", "2020-01-01", "deliberation", "2020-01-02")))
			.isEmpty();
	}

	@Test
	void aStepOnTheSameDayAsItsPredecessorIsOutOfOrder() {
		var found = FlowConformance.check(flow, ExerciseStatus.OPEN,
				days("proposal", "2020-01-05", "deliberation", "2020-01-05"));
		assertThat(found).singleElement().extracting(Deviation::kind).isEqualTo(Kind.OUT_OF_ORDER);
	}

	@Test
	void aDisclosureOfFourDaysIsTooShortAndOfFiveIsEnough() {
		var four = FlowConformance.check(flow, ExerciseStatus.DONE, days("proposal", "2020-01-01", "deliberation",
				"2020-01-02", "disclosure", "2020-01-03", "implementation", "2020-01-07"));
		assertThat(four).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(Kind.TOO_SHORT);
			assertThat(d.days()).isEqualTo(4);
			assertThat(d.limitDays()).isEqualTo(5);
		});
		var five = FlowConformance.check(flow, ExerciseStatus.DONE, days("proposal", "2020-01-01", "deliberation",
				"2020-01-02", "disclosure", "2020-01-03", "implementation", "2020-01-08"));
		assertThat(five).isEmpty();
	}

	@Test
	void aNextStepLaterThanMaxDaysIsTooLate() {
		var found = FlowConformance.check(flow, ExerciseStatus.DONE, days("proposal", "2020-01-01", "deliberation",
				"2020-01-02", "disclosure", "2020-01-03", "implementation", "2020-02-03"));
		assertThat(found).singleElement().extracting(Deviation::kind).isEqualTo(Kind.TOO_LATE);
	}

}
