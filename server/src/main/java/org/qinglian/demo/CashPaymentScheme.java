package org.qinglian.demo;

import static org.qinglian.demo.Generation.money;

import java.time.LocalDate;

/**
 * {@code cash_payment}: cash in a cashless village, sometimes exactly 1,000.00 on its
 * very first cashless day.
 */
final class CashPaymentScheme extends SchemeInjection {

	CashPaymentScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village c = t.villages().stream().filter(Village::cashless).findFirst().orElse(null);
		if (c != null) {
			boolean edge = g.rnd.nextBoolean();
			String vch = books.voucher(c, edge ? c.cashlessSince() : LocalDate.of(2020, 9, 14), "expense",
					edge ? money(1000) : money(2000 + g.rnd.nextInt(5000)), "cash", null, "劳务队", "other", "现金支付劳务费",
					g.invoice(), null, null);
			g.label("cash_payment", c.director(), c.code(), null, "vouchers.csv", vch);
		}
	}

}
