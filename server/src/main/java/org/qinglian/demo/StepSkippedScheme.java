package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.time.LocalDate;

/**
 * {@code step_skipped}: a completed major decision without the members' review.
 */
final class StepSkippedScheme extends SchemeInjection {

	StepSkippedScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village b = t.b();
		String e = books.exercise(b, "major_decision", b.name() + "集体资金使用决策", money(150000), LocalDate.of(2020, 3, 2),
				"done", "members_review", null);
		g.label("step_skipped", b.director(), b.code(), null, "power_exercises.csv", e);
	}

}
