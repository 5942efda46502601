package org.qinglian.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Risk scores (风险评分) of a cadre and of a village: a sum of named components, each with
 * its count and points, so that a township officer sees why a score is what it is. 0 is
 * no sign of risk, 100 the most. Findings that are open are leads, not conclusions;
 * dismissed ones count nothing.
 */
public final class RiskScores {

	static final int OPEN_HIGH = 12;

	static final int OPEN_MEDIUM = 6;

	static final int OPEN_LOW = 2;

	static final int CLUE = 15;

	private RiskScores() {
	}

	/**
	 * One part of a score.
	 *
	 * @param key names the component (a message key {@code score.KEY} in the pages)
	 * @param count how many things it counted
	 * @param points what it adds to the score
	 * @param cap the most it can add
	 */
	public record Component(String key, long count, int points, int cap) {
	}

	/**
	 * @param value 0..100
	 * @param level what the value means
	 * @param components how it was made
	 */
	public record Score(int value, Level level, List<Component> components) {
	}

	/** What a score means: low (under 20), watch (20 to 49), high (50 and over). */
	public enum Level {

		LOW, WATCH, HIGH;

		static Level of(int value) {
			return value >= 50 ? HIGH : value >= 20 ? WATCH : LOW;
		}

		public boolean isHigh() {
			return this == HIGH;
		}

		/** The code of the pages' message keys ({@code score.level.high}). */
		@Override
		public String toString() {
			return name().toLowerCase();
		}

	}

	/** The counts a score is made of. */
	public record Inputs(long openHigh, long openMedium, long openLow, long clues, long deviatingExercises,
			long exercises, long accusations, long sanctionedCases) {
	}

	public static Score cadre(Inputs in) {
		List<Component> parts = findings(in);
		parts.add(component("deviating_exercises", in.deviatingExercises(), 2, 20));
		parts.add(component("accusations", in.accusations(), 4, 20));
		parts.add(component("sanctioned_cases", in.sanctionedCases(), 10, 30));
		return score(parts);
	}

	public static Score village(Inputs in) {
		List<Component> parts = findings(in);
		long share = in.exercises() == 0 ? 0 : Math.round(100.0 * in.deviatingExercises() / in.exercises());
		parts.add(new Component("deviating_share", share, (int) Math.min(20, share * 40 / 100), 20));
		parts.add(component("accusations", in.accusations(), 3, 20));
		parts.add(component("sanctioned_cases", in.sanctionedCases(), 5, 20));
		return score(parts);
	}

	private static List<Component> findings(Inputs in) {
		List<Component> parts = new ArrayList<>();
		parts.add(component("open_high", in.openHigh(), OPEN_HIGH, 60));
		parts.add(component("open_medium", in.openMedium(), OPEN_MEDIUM, 40));
		parts.add(component("open_low", in.openLow(), OPEN_LOW, 20));
		parts.add(component("clues", in.clues(), CLUE, 60));
		return parts;
	}

	private static Component component(String key, long count, int each, int cap) {
		return new Component(key, count, (int) Math.min(cap, count * each), cap);
	}

	private static Score score(List<Component> parts) {
		int value = Math.min(100, parts.stream().mapToInt(Component::points).sum());
		return new Score(value, Level.of(value), List.copyOf(parts));
	}

}
