package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.qinglian.demo.Village.Villager;

/**
 * {@code dead_recipient}: payments go on after the month of death; the death may be
 * recorded under a twin person row.
 */
final class DeadRecipientScheme extends SchemeInjection {

	DeadRecipientScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village b = t.b();
		Villager p = people.unpaid(b, 1);
		LocalDate died = LocalDate.of(2019, 10, 1 + g.rnd.nextInt(27));
		String deathRow = p.personId();
		if (g.rnd.nextBoolean()) {
			deathRow = people.twin(p.personId(), p.household(), b.code());
		}
		g.sheet("deaths.csv").row(deathRow, died);
		List<String> ids = new ArrayList<>();
		BigDecimal amt = money(520);
		for (int mo = 9; mo <= 12; mo++) {
			String s = g.id('S');
			g.sheet("subsidies.csv")
				.row(s, "disability", p.personId(), b.code(), YearMonth.of(2019, mo), amt, LocalDate.of(2019, mo, 18));
			if (mo > 10) {
				ids.add(s);
			}
		}
		g.label("dead_recipient", p.personId(), b.code(), amt.multiply(BigDecimal.valueOf(ids.size())), "subsidies.csv",
				ids.toArray(String[]::new));
	}

}
