package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;
import static org.qinglian.demo.Generation.pct;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code cash_skimming}: the 2020 rent of a lease never reaches the books, or only 75% of
 * it.
 */
final class CashSkimmingScheme extends SchemeInjection {

	CashSkimmingScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village b = t.b();
		String lessee = people.freshLessee(b);
		String asset = g.id('A');
		g.sheet("assets.csv").row(asset, b.code(), "pond", b.name() + "山塘", money(40), money(80000));
		BigDecimal rent = money(40 * 600);
		String c = books.lease(b, asset, lessee, LocalDate.of(2019, 1, 1), rent, "open_tender");
		books.voucher(b, LocalDate.of(2019, 1, 10), "income", rent, "bank", lessee, null, "lease_income", "山塘租金", null,
				null, null);
		if (g.rnd.nextBoolean()) {
			books.voucher(b, LocalDate.of(2020, 1, 12), "income", pct(rent, 75), "bank", lessee, null, "lease_income",
					"山塘租金", null, null, null);
		}
		g.label("cash_skimming", b.cadres().accountant(), b.code(), rent, "contracts.csv", c);
	}

}
