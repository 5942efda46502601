package org.qinglian.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A figure of a township office for a year, from the platform's records, and how it
 * becomes an achievement that a data item's target is measured against. Each is counted
 * over the township's villages (by region code) or its office (by unit code);
 * {@code as of} is the end of the year, or today for the current year.
 */
public enum Metric {

	/**
	 * Villages with a supervision director or member and an information officer in office
	 * / villages.
	 */
	GRID_COVERAGE(Kind.RATIO),
	/** Uses of power started in the year that conform to their flow / those checked. */
	EXERCISE_CONFORMANCE(Kind.RATIO),
	/**
	 * Vouchers booked in the year disclosed by the 10th of the next month / vouchers
	 * booked.
	 */
	DISCLOSURE_ON_TIME(Kind.RATIO),
	/**
	 * Risk findings first found in the year dismissed or turned into clues / those not
	 * withdrawn.
	 */
	FINDINGS_HANDLED(Kind.RATIO),
	/**
	 * Supervision-list tasks owned in the township, due in the year by as-of, done by
	 * their day / due.
	 */
	SUPERVISION_TASKS_ON_TIME(Kind.RATIO),
	/** On-site verifications in the township's villages in the year / villages. */
	ONSITE_VERIFICATIONS(Kind.PER_VILLAGE),
	/**
	 * Reports the office received in the year (duplicates apart) concluded by their
	 * deadline / those concluded or past it.
	 */
	REPORTS_ON_TIME(Kind.RATIO),
	/** Reports the office received in the year rated satisfied / rated. */
	SATISFACTION(Kind.RATIO),
	/**
	 * Reports from the township's villages in the year against the year before
	 * (duplicates apart).
	 */
	REPORTS_DECLINE(Kind.DECLINE),
	/** Orders of the township's stations taken in the year and closed / taken. */
	STATION_ORDERS_CLOSED(Kind.RATIO),
	/** Cases the office filed in the year and handled itself. */
	SELF_HANDLED_CASES(Kind.COUNT),
	/**
	 * Follow-ups of the office's cases due in the year by as-of, done by their day / due.
	 */
	FOLLOWUPS_ON_TIME(Kind.RATIO),
	/** Clues of the township's villages opened in the year and disposed / opened. */
	CLUES_DISPOSED(Kind.RATIO),
	/** Warning-education events the township held in the year. */
	EDUCATION_EVENTS(Kind.COUNT),
	/** Integrity-culture activities of the township in the year. */
	CULTURE_ACTIVITIES(Kind.COUNT);

	/** How a figure becomes an achievement. */
	public enum Kind {

		/** value / base; nothing to count (base 0) is full marks. */
		RATIO,
		/** value / villages. */
		PER_VILLAGE,
		/** the value itself. */
		COUNT,
		/** (base - value) / base: base is last year's value. */
		DECLINE

	}

	private final Kind kind;

	Metric(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return name().toLowerCase();
	}

	public static Metric of(String code) {
		return valueOf(code.toUpperCase());
	}

	/**
	 * The achievement of a figure: what the target is measured against; {@code null} when
	 * there was nothing to count.
	 */
	public BigDecimal achievement(BigDecimal value, BigDecimal base) {
		return switch (kind) {
			case COUNT -> value;
			case RATIO, PER_VILLAGE -> base.signum() == 0 ? null : value.divide(base, 4, RoundingMode.HALF_UP);
			case DECLINE -> base.signum() == 0 ? (value.signum() == 0 ? null : BigDecimal.ZERO)
					: base.subtract(value).divide(base, 4, RoundingMode.HALF_UP);
		};
	}

	/**
	 * The score of a data item: its weight times the achievement over the target, between
	 * none and the whole weight; the whole weight when there was nothing to count.
	 */
	public static BigDecimal score(BigDecimal weight, BigDecimal target, BigDecimal achievement) {
		if (achievement == null) {
			return weight.setScale(2, RoundingMode.HALF_UP);
		}
		BigDecimal share = achievement.divide(target, 6, RoundingMode.HALF_UP).max(BigDecimal.ZERO).min(BigDecimal.ONE);
		return weight.multiply(share).setScale(2, RoundingMode.HALF_UP);
	}

}
