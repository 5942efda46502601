package org.qinglian.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated village: its people by household and its cadres.
 *
 * @param cashlessSince the day it became a cashless village (无现金村), or null
 * @param people every villager with their household, heads of household first
 */
record Village(String code, String name, String township, LocalDate cashlessSince, Cadres cadres,
		List<Villager> people) {

	boolean cashless() {
		return cashlessSince != null;
	}

	String director() {
		return cadres.director();
	}

	String secretary() {
		return cadres.secretary();
	}

	/** The household of a villager, or "" for someone not of the village. */
	String household(String personId) {
		return people.stream()
			.filter(p -> p.personId().equals(personId))
			.map(Villager::household)
			.findFirst()
			.orElse("");
	}

	/** A person and their household. */
	record Villager(String personId, String household) {
	}

	/** Who holds the village's positions. */
	record Cadres(String secretary, String director, String member, String accountant, String supervisor,
			String officer) {
	}

}
