package org.qinglian.demo;

import java.util.List;

/**
 * One misconduct scheme of the spec, hidden in a township's books the way it happens (and
 * varied, so that a rule must read the policy, not the generator), with its label. Each
 * township gets every scheme once, in {@link #all}'s order, then the look-alikes that
 * must not be found.
 */
abstract class SchemeInjection {

	/**
	 * The township being written.
	 *
	 * @param a its first village
	 * @param b its second village (the first again when it has one)
	 * @param villages all its villages
	 * @param orgs its organizations; the first two have no ordinary project
	 */
	record Township(Village a, Village b, List<Village> villages, List<String> orgs) {
	}

	final Generation g;

	final People people;

	final VillageBooks books;

	SchemeInjection(Generation g, People people, VillageBooks books) {
		this.g = g;
		this.people = people;
		this.books = books;
	}

	abstract void inject(Township t);

	/** Every scheme, in the order a township gets them, and then the look-alikes. */
	static List<SchemeInjection> all(Generation g, People people, VillageBooks books) {
		return List.of(new FakeSubsidyScheme(g, people, books), new KinSubsidyScheme(g, people, books),
				new DeadRecipientScheme(g, people, books), new IneligibleDibaoScheme(g, people, books),
				new InflatedUnitPriceScheme(g, people, books), new InflatedQuantityScheme(g, people, books),
				new SplitAwardScheme(g, people, books), new KinContractorScheme(g, people, books),
				new CashSkimmingScheme(g, people, books), new WhiteSlipScheme(g, people, books),
				new StepSkippedScheme(g, people, books), new UndisclosedScheme(g, people, books),
				new CheapLeaseScheme(g, people, books), new CashPaymentScheme(g, people, books),
				new LookAlikes(g, people, books));
	}

}
