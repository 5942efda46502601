package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code white_slip}: an expense of 1,000 or more (sometimes exactly 1,000.00) without an
 * invoice.
 */
final class WhiteSlipScheme extends SchemeInjection {

	WhiteSlipScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		BigDecimal amt = g.rnd.nextBoolean() ? money(1000) : money(3000 + g.rnd.nextInt(4000));
		String vch = books.voucher(t.a(), LocalDate.of(2020, 6, 11), "expense", amt, "bank", null, "某饭店", "hospitality",
				"招待费", null, null, null);
		g.label("white_slip", t.a().director(), t.a().code(), null, "vouchers.csv", vch);
	}

}
