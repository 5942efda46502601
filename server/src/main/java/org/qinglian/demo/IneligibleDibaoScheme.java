package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.qinglian.demo.Village.Villager;

/**
 * {@code ineligible_dibao}: the household has a car worth 50,000 or more, a public
 * employee, a legal representative, or two properties, by the day of payment.
 */
final class IneligibleDibaoScheme extends SchemeInjection {

	IneligibleDibaoScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village a = t.a();
		Villager p = people.unpaid(a, 2);
		String member = people.person(a.code(), p.household(), 1975 + g.rnd.nextInt(20));
		switch (g.rnd.nextInt(4)) {
			case 0 -> g.sheet("vehicles.csv")
				.row(member, "浙D" + g.id('V').substring(1, 6), "2018-05-01", money(50000 + g.rnd.nextInt(3) * 40000));
			case 1 -> g.sheet("public_employees.csv").row(member, "嵊州市人民医院", "2015-08-01", null);
			case 2 -> {
				String org = g.id('O');
				g.sheet("organizations.csv")
					.row(org, "嵊州" + people.name().substring(1) + "农业开发有限公司", g.creditCode(), member, a.township(),
							"2017-04-04");
				g.sheet("org_people.csv").row(org, member, "legal_rep");
			}
			default -> g.sheet("properties.csv")
				.row(member, "嵊州市城关镇新区" + (g.rnd.nextInt(900) + 1) + "号", money(120), "2016-06-01");
		}
		List<String> ids = new ArrayList<>();
		BigDecimal amt = money(850);
		for (int mo = 4; mo <= 6; mo++) {
			String s = g.id('S');
			g.sheet("subsidies.csv")
				.row(s, "dibao", p.personId(), a.code(), YearMonth.of(2020, mo), amt, LocalDate.of(2020, mo, 18));
			ids.add(s);
		}
		g.label("ineligible_dibao", p.personId(), a.code(), amt.multiply(BigDecimal.valueOf(3)), "subsidies.csv",
				ids.toArray(String[]::new));
	}

}
