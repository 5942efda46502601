package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code cheap_lease}: land let at a fifth of the going rent.
 */
final class CheapLeaseScheme extends SchemeInjection {

	CheapLeaseScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village b = t.b();
		String asset = g.id('A');
		BigDecimal area = money(100);
		g.sheet("assets.csv").row(asset, b.code(), "land", b.name() + "集体耕地", area, money(60000));
		String lessee = people.freshLessee(b);
		BigDecimal rent = money(VillageBooks.unitRent("land") * 100 / 5);
		String c = books.lease(b, asset, lessee, LocalDate.of(2019, 3, 1), rent, "negotiated");
		books.voucher(b, LocalDate.of(2019, 3, 8), "income", rent, "bank", lessee, null, "lease_income", "耕地租金", null,
				null, null);
		books.voucher(b, LocalDate.of(2020, 3, 8), "income", rent, "bank", lessee, null, "lease_income", "耕地租金", null,
				null, null);
		g.label("cheap_lease", lessee, b.code(), rent.multiply(BigDecimal.valueOf(4)), "contracts.csv", c);
	}

}
