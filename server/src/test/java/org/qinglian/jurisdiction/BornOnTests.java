package org.qinglian.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The persons' check of the birth date against the ID number compares year, month and
 * day.
 */
class BornOnTests {

	@Test
	void theBirthDateInTheIdNumberIsComparedWhole() {
		String id = "11010119900307001X";
		assertThat(JurisdictionExchange.bornOn(id, "1990-03-07")).isTrue();
		assertThat(JurisdictionExchange.bornOn(id, "1991-03-07")).as("year").isFalse();
		assertThat(JurisdictionExchange.bornOn(id, "1990-04-07")).as("month").isFalse();
		assertThat(JurisdictionExchange.bornOn(id, "1990-03-08")).as("day").isFalse();
		assertThat(JurisdictionExchange.bornOn(id, "0190-03-07")).as("digits of the year").isFalse();
	}

}
