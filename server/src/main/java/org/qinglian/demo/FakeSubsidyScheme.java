package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * {@code fake_subsidy}: one identity under two person rows, paid by one program in two
 * villages in one month.
 */
final class FakeSubsidyScheme extends SchemeInjection {

	FakeSubsidyScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		LocalDate birth = LocalDate.of(1950 + g.rnd.nextInt(10), 3, 9);
		String idNo = people.idNumber(birth, true);
		String nm = people.name();
		String p1 = g.id('P');
		String p2 = g.id('P');
		g.sheet("persons.csv").row(p1, idNo, nm, "m", birth, g.id('H'), t.a().code(), null);
		g.sheet("persons.csv").row(p2, idNo, nm, "m", birth, g.id('H'), t.b().code(), null);
		YearMonth m = YearMonth.of(2020, 1 + g.rnd.nextInt(11));
		String s1 = g.id('S');
		String s2 = g.id('S');
		BigDecimal amt = money(300 + g.rnd.nextInt(200));
		g.sheet("subsidies.csv").row(s1, "elderly", p1, t.a().code(), m, amt, m.atDay(18));
		g.sheet("subsidies.csv").row(s2, "elderly", p2, t.b().code(), m, amt, m.atDay(18));
		g.label("fake_subsidy", p2, t.b().code(), amt, "subsidies.csv", s1, s2);
	}

}
