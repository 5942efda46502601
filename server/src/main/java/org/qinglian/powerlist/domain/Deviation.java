package org.qinglian.powerlist.domain;

/**
 * A way in which a power exercise departs from its flow.
 *
 * @param kind what is wrong
 * @param step the step concerned
 * @param otherStep the other step of the pair, if any (the predecessor, or the step that
 * follows)
 * @param days the days observed between the two steps, if measured
 * @param limitDays the flow's limit in days, if any
 */
public record Deviation(Kind kind, String step, String otherStep, Integer days, Integer limitDays) {

	/** The kinds of deviation. */
	public enum Kind {

		/** A completed exercise lacks a step that is not optional. */
		MISSING_STEP,
		/** A step occurred but a step that must precede it did not. */
		PREDECESSOR_MISSING,
		/** A step occurred on or before the day of a step that must precede it. */
		OUT_OF_ORDER,
		/**
		 * Fewer days than the step's {@code min_days} passed before the next step (e.g. a
		 * short disclosure).
		 */
		TOO_SHORT,
		/** More days than the step's {@code max_days} passed before the next step. */
		TOO_LATE

	}

}
