package org.qinglian.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * The yearly assessment of the township offices against the creation standards: for
 * supervision staff of the county (every township) or of a township (their own, with its
 * rank among all). Reviews and designations are the county's.
 */
public interface Assessments {

	Assessment assess(int year);

	/** A reviewer's score of a review item, with the note that says why. */
	void review(int year, String townshipCode, String itemCode, BigDecimal score, String note);

	/** Names a township office one of the year's Fengqiao-style offices. */
	void designate(int year, String townshipCode, String note);

	/**
	 * @param value the figure counted
	 * @param base what it is counted against (last year's figure for a decline)
	 * @param achievement what the target is measured against; {@code null}: nothing to
	 * count
	 * @param note the reviewer's note, for a review item
	 */
	record ItemScore(Standards.Item item, BigDecimal value, BigDecimal base, BigDecimal achievement, BigDecimal score,
			String note) {
	}

	/**
	 * @param previous the total of the year before under the same standards
	 */
	record Office(String townshipCode, String name, List<ItemScore> items, BigDecimal total, BigDecimal previous,
			int rank, boolean designated, String designationNote) {

		public BigDecimal change() {
			return total.subtract(previous);
		}

	}

	/**
	 * @param offices the offices the user may see, the best first
	 * @param ranked how many offices the ranking is among
	 */
	record Assessment(int year, List<Standards.Aspect> standards, List<Office> offices, int ranked,
			BigDecimal maximum) {
	}

}
