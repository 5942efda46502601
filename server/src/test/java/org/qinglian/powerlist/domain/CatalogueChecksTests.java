package org.qinglian.powerlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.CatalogueProblem;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.powerlist.PowerList.StepView;

class CatalogueChecksTests {

	static StepView step(String code, int seq, String... after) {
		return new StepView(code, seq, "步骤" + code, "committee_director", List.of(after), null, null, false, false);
	}

	static PowerItemView item(StepView... steps) {
		return new PowerItemView("major_decision", "major_decision", "重大事项决策", null, null, List.of(steps), List.of());
	}

	static List<String> problems(PowerItemView item) {
		List<String> out = new ArrayList<>();
		for (CatalogueProblem p : CatalogueChecks.check(item, new HashSet<>(PowerList.CATEGORIES))) {
			out.add(p.field() + " " + p.messageKey() + " " + p.args());
		}
		return out;
	}

	@Test
	void aSoundFlowHasNoProblems() {
		assertThat(problems(
				item(step("proposal", 1), step("meeting", 2, "proposal"), step("disclose", 3, "proposal", "meeting"))))
			.isEmpty();
	}

	@Test
	void eachBrokenRuleIsNamedWithItsField() {
		StepView negative = new StepView("late", 4, "逾期", null, List.of(), 5, -1, false, false);
		StepView inverted = new StepView("short", 5, "公示", null, List.of(), 10, 5, true, false);
		assertThat(problems(
				item(step("proposal", 1), step("proposal", 2), step("meeting", 3, "nosuch"), negative, inverted)))
			.containsExactlyInAnyOrder("steps[1].code catalogue.problem.stepTwice [proposal]",
					"steps[2].after catalogue.problem.unknownStep [nosuch]",
					"steps[3].maxDays catalogue.problem.negative []",
					"steps[3].maxDays catalogue.problem.maxBelowMin []",
					"steps[4].maxDays catalogue.problem.maxBelowMin []");
	}

	@Test
	void anItemNeedsACategoryANameAndSteps() {
		PowerItemView bad = new PowerItemView("has space", "weather", " ", null, null, List.of(), List.of());
		assertThat(problems(bad)).containsExactlyInAnyOrder("code catalogue.problem.code [64]",
				"category catalogue.problem.category [weather]", "name catalogue.problem.required []",
				"steps catalogue.problem.noSteps []");
	}

	@Test
	void aCycleOfPredecessorsIsRefused() {
		assertThat(problems(item(step("a", 1, "c"), step("b", 2, "a"), step("c", 3, "b")))).singleElement()
			.satisfies(p -> assertThat(p).startsWith("steps catalogue.problem.cycle"));
		assertThat(problems(item(step("a", 1, "a"))))
			.containsExactly("steps[0].after catalogue.problem.afterItself []");
	}

	@Test
	void aRedLineNeedsACodeATextAndAKnownItem() {
		assertThat(CatalogueChecks.checkRedLine(new PowerList.RedLineView("RL;1", " ", "nosuch"), false))
			.extracting(p -> p.field() + " " + p.messageKey())
			.containsExactlyInAnyOrder("code catalogue.problem.code", "text catalogue.problem.required",
					"itemCode catalogue.problem.unknownItem");
		assertThat(CatalogueChecks.checkRedLine(new PowerList.RedLineView("RL01", "严禁优亲厚友", null), false)).isEmpty();
	}

}
