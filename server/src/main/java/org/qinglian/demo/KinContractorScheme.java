package org.qinglian.demo;

import org.qinglian.demo.VillageBooks.Project;

/**
 * {@code kin_contractor}: a firm run by a cadre's child (declared) or owned by a relative
 * living in the cadre's household gets the village's project.
 */
final class KinContractorScheme extends SchemeInjection {

	KinContractorScheme(Generation g, People people, VillageBooks books) {
		super(g, people, books);
	}

	@Override
	void inject(Township t) {
		Village a = t.a();
		boolean declared = g.rnd.nextBoolean();
		String relative = people.person(declared ? a.township() : a.code(), declared ? null : a.household(a.director()),
				1990);
		if (declared) {
			g.sheet("kin.csv").row(a.director(), relative, "child", "declared");
		}
		String org = g.id('O');
		String rep = declared ? relative : people.person(a.township(), null, 1970);
		g.sheet("organizations.csv")
			.row(org, "嵊州" + people.name().substring(1) + "建筑工程有限公司", g.creditCode(), rep, a.township(), "2016-02-02");
		g.sheet("org_people.csv").row(org, relative, declared ? "legal_rep" : "shareholder");
		Project pr = books.project(a, org, 1.0, false);
		g.label("kin_contractor", a.director(), a.code(), pr.total(), "contracts.csv", pr.contract());
	}

}
