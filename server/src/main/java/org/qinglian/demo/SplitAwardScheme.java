package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code split_award}: procurement contracts, or payments, to one firm within 90 days,
 * each under the tender threshold and together over it.
 */
final class SplitAwardScheme extends SchemeInjection {

	SplitAwardScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village b = t.b();
		String firm = t.orgs().get(2);
		List<String> ids = new ArrayList<>();
		LocalDate day = LocalDate.of(2020, 4, 1 + g.rnd.nextInt(20));
		BigDecimal sum = BigDecimal.ZERO;
		boolean payments = g.rnd.nextBoolean();
		int n = 2 + g.rnd.nextInt(2);
		for (int i = 0; i < n; i++) {
			BigDecimal amt = money(60000 + g.rnd.nextInt(39000));
			if (payments) {
				ids.add(books.voucher(b, day, "expense", amt, "bank", firm, null, "procurement", "物资采购款", g.invoice(),
						null, null));
			}
			else {
				String c = g.id('C');
				g.sheet("contracts.csv")
					.row(c, b.code(), "procurement", null, firm, day, day, day.plusDays(60), amt, null, "negotiated", 1,
							null);
				ids.add(c);
			}
			sum = sum.add(amt);
			day = day.plusDays(90 / n);
		}
		g.label("split_award", firm, b.code(), sum, payments ? "vouchers.csv" : "contracts.csv",
				ids.toArray(String[]::new));
	}

}
