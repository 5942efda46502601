package org.qinglian.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qinglian.powerlist.PowerList;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.statistics.RiskScores.Component;
import org.qinglian.statistics.RiskScores.Inputs;
import org.qinglian.statistics.RiskScores.Score;

/**
 * A score is the sum of named, capped components, so that an officer sees why it is what
 * it is.
 */
class RiskScoresTests {

	static Inputs none() {
		return new Inputs(0, 0, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void nothingKnownIsNoRisk() {
		Score s = RiskScores.cadre(none());
		assertThat(s.value()).isZero();
		assertThat(s.level()).isEqualTo(RiskScores.Level.LOW);
		assertThat(s.components()).extracting(Component::key)
			.containsExactly("open_high", "open_medium", "open_low", "clues", "deviating_exercises", "accusations",
					"sanctioned_cases");
	}

	@Test
	void eachComponentCountsUpToItsCapAndTheScoreUpTo100() {
		Score one = RiskScores.cadre(new Inputs(1, 0, 0, 0, 0, 0, 0, 0));
		assertThat(one.value()).isEqualTo(12);
		Score capped = RiskScores.cadre(new Inputs(10, 0, 0, 0, 0, 0, 0, 0));
		assertThat(capped.components().get(0).points()).isEqualTo(60);
		assertThat(capped.level()).isEqualTo(RiskScores.Level.HIGH);
		Score everything = RiskScores.cadre(new Inputs(10, 10, 10, 10, 10, 10, 10, 10));
		assertThat(everything.value()).isEqualTo(100);
	}

	@Test
	void theLevelsChangeAt20And50() {
		assertThat(RiskScores.cadre(new Inputs(0, 3, 0, 0, 0, 0, 0, 0)).level()).isEqualTo(RiskScores.Level.LOW);
		assertThat(RiskScores.cadre(new Inputs(0, 0, 10, 0, 0, 0, 0, 0)).level()).isEqualTo(RiskScores.Level.WATCH);
		assertThat(RiskScores.cadre(new Inputs(0, 0, 0, 0, 0, 0, 0, 2)).level()).isEqualTo(RiskScores.Level.WATCH);
		assertThat(RiskScores.cadre(new Inputs(0, 0, 0, 0, 0, 0, 0, 5)).level()).isEqualTo(RiskScores.Level.WATCH);
		assertThat(RiskScores.cadre(new Inputs(0, 0, 0, 0, 0, 0, 5, 5)).level()).isEqualTo(RiskScores.Level.HIGH);
	}

	@Test
	void aVillageCountsTheShareOfItsUsesOfPowerThatDeviateNotTheirNumber() {
		Score few = RiskScores.village(new Inputs(0, 0, 0, 0, 5, 10, 0, 0));
		Score many = RiskScores.village(new Inputs(0, 0, 0, 0, 50, 100, 0, 0));
		assertThat(few.value()).isEqualTo(many.value()).isEqualTo(20);
		assertThat(RiskScores.village(new Inputs(0, 0, 0, 0, 0, 0, 0, 0)).value()).isZero();
	}

	@Test
	void aVillagesScoreCountsItsOpenFindingsBySeverityItsCluesItsDeviationsAccusationsAndSanctions() {
		assertThat(VillageEcology
			.score(new RiskLibrary.OpenFindings(1, 1, 1, 1), new PowerList.ExerciseFigures(10, 1), 0, 0)
			.value()).isEqualTo(12 + 6 + 2 + 15 + 4);
		assertThat(VillageEcology
			.score(new RiskLibrary.OpenFindings(0, 0, 0, 0), new PowerList.ExerciseFigures(0, 0), 2, 1)
			.value()).as("two accusations, one sanctioned case").isEqualTo(2 * 3 + 5);
	}

}
