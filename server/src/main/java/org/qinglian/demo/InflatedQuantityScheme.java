package org.qinglian.demo;

import static org.qinglian.demo.Generation.pct;

import org.qinglian.demo.VillageBooks.Project;

/**
 * {@code inflated_quantity}: payments well beyond the contract without a change order.
 */
final class InflatedQuantityScheme extends SchemeInjection {

	InflatedQuantityScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		g.lastOverpay.clear();
		Project pr = books.project(t.a(), t.orgs().get(1), 1.0, true);
		g.label("inflated_quantity", pr.contractor(), t.a().code(), pct(pr.total(), 25), "vouchers.csv",
				g.lastOverpay.toArray(String[]::new));
	}

}
