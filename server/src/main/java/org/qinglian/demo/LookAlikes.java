package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.time.LocalDate;
import java.time.YearMonth;

import org.qinglian.demo.Village.Villager;

/**
 * Records that look like misconduct but are within the policy, so that a rule that fires
 * on them is wrong: an expense of 999.99 without invoice, cash of 999.99 in a cashless
 * village, a voucher disclosed on the 10th, two procurement awards 91 days apart, a
 * subsidy for the month of death, a kin tie of type {@code other}.
 */
final class LookAlikes extends SchemeInjection {

	LookAlikes(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village a = t.a();
		Village b = t.b();
		books.voucher(a, LocalDate.of(2019, 11, 4), "expense", money(999.99), "bank", null, "五金店", "office", "五金配件",
				null, null, null);
		Village cashless = a.cashless() ? a : (b.cashless() ? b : null);
		if (cashless != null) {
			books.voucher(cashless, LocalDate.of(2020, 2, 3), "expense", money(999.99), "cash", null, "零工", "other",
					"零星支出", g.invoice(), null, null);
		}
		String onTime = g.id('V');
		g.sheet("vouchers.csv")
			.row(onTime, b.code(), LocalDate.of(2020, 7, 30), "expense", money(1800), "bank", null, "文具店", "office",
					"办公用品", g.invoice(), b.director() + ";" + b.secretary(), null, null, LocalDate.of(2020, 8, 10));
		LocalDate first = LocalDate.of(2019, 3, 4);
		for (LocalDate day : new LocalDate[] { first, first.plusDays(91) }) {
			g.sheet("contracts.csv")
				.row(g.id('C'), a.code(), "service", null, t.orgs().get(3), day, day, day.plusDays(30), money(70000),
						null, "negotiated", 1, null);
		}
		Villager p = people.unpaid(b, 3);
		g.sheet("deaths.csv").row(p.personId(), LocalDate.of(2020, 5, 28));
		for (int mo = 3; mo <= 5; mo++) {
			g.sheet("subsidies.csv")
				.row(g.id('S'), "elderly", p.personId(), b.code(), YearMonth.of(2020, mo), money(200),
						LocalDate.of(2020, mo, 18));
		}
		String cousin = people.person(a.code(), null, 1960);
		g.sheet("kin.csv").row(a.secretary(), cousin, "other", "declared");
		for (int mo = 1; mo <= 2; mo++) {
			g.sheet("subsidies.csv")
				.row(g.id('S'), "dibao", cousin, a.code(), YearMonth.of(2020, mo), money(800),
						LocalDate.of(2020, mo, 18));
		}
	}

}
