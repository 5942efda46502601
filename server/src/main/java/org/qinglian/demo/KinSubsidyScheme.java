package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.qinglian.demo.Village.Villager;

/**
 * {@code kin_subsidy}: a cadre's near kin paid a subsidy; the tie is a relative living in
 * the cadre's household, a relative added to it with no declared tie, or the cadre's own
 * second person row.
 */
final class KinSubsidyScheme extends SchemeInjection {

	KinSubsidyScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village a = t.a();
		int variant = g.rnd.nextInt(3);
		String cadre = variant == 2 ? a.director() : a.secretary();
		String recipient;
		if (variant == 0) {
			recipient = a.people()
				.stream()
				.filter(p -> p.household().equals(a.household(cadre)) && !p.personId().equals(cadre))
				.map(Villager::personId)
				.findFirst()
				.orElseThrow();
		}
		else if (variant == 1) {
			recipient = people.person(a.code(), a.household(cadre), 1938 + g.rnd.nextInt(8));
		}
		else {
			recipient = people.twin(cadre, null, a.code());
		}
		List<String> ids = new ArrayList<>();
		BigDecimal amt = money(600 + g.rnd.nextInt(400));
		String program = variant == 1 ? "elderly" : "tekun";
		for (int mo = 1; mo <= 3; mo++) {
			String s = g.id('S');
			g.sheet("subsidies.csv")
				.row(s, program, recipient, a.code(), YearMonth.of(2020, mo), amt, LocalDate.of(2020, mo, 18));
			ids.add(s);
		}
		g.label("kin_subsidy", cadre, a.code(), amt.multiply(BigDecimal.valueOf(3)), "subsidies.csv",
				ids.toArray(String[]::new));
	}

}
