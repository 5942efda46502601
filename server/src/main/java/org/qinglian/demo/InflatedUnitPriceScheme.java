package org.qinglian.demo;

import org.qinglian.demo.VillageBooks.Project;

/**
 * {@code inflated_unit_price}: a project whose first line is priced well over the
 * county's reference price.
 */
final class InflatedUnitPriceScheme extends SchemeInjection {

	InflatedUnitPriceScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Project pr = books.project(t.b(), t.orgs().get(0), 1.35 + g.rnd.nextInt(40) / 100.0, false);
		g.label("inflated_unit_price", pr.contractor(), t.b().code(), null, "project_items.csv", pr.firstItem());
	}

}
