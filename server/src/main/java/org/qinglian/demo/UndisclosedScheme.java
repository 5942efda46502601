package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.time.LocalDate;

/**
 * {@code undisclosed}: a resolution disclosed for too few days, or a voucher disclosed a
 * day late.
 */
final class UndisclosedScheme extends SchemeInjection {

	UndisclosedScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village a = t.a();
		if (g.rnd.nextBoolean()) {
			String e = books.exercise(a, "major_decision", a.name() + "道路硬化决策", money(90000), LocalDate.of(2019, 8, 5),
					"done", null, "resolution_disclosure");
			g.label("undisclosed", a.director(), a.code(), null, "power_exercises.csv", e);
		}
		else {
			String vch = g.id('V');
			g.sheet("vouchers.csv")
				.row(vch, a.code(), LocalDate.of(2020, 5, 20), "expense", money(2300), "bank", null, "文具店", "office",
						"办公用品", g.invoice(), a.director() + ";" + a.secretary(), null, null, LocalDate.of(2020, 6, 11));
			g.label("undisclosed", a.director(), a.code(), null, "vouchers.csv", vch);
		}
	}

}
