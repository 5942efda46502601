package org.qinglian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** How a figure becomes an achievement and a score, at the edges. */
class MetricTests {

	static final BigDecimal FIVE = new BigDecimal("5");

	static BigDecimal score(Metric m, long value, long base, String target) {
		return Metric.score(FIVE, new BigDecimal(target),
				m.achievement(BigDecimal.valueOf(value), BigDecimal.valueOf(base)));
	}

	@Test
	void aDeclineScoresFromLastYear() {
		assertThat(score(Metric.REPORTS_DECLINE, 9, 10, "0.1")).isEqualByComparingTo("5.00");
		assertThat(score(Metric.REPORTS_DECLINE, 95, 100, "0.1")).isEqualByComparingTo("2.50");
		assertThat(score(Metric.REPORTS_DECLINE, 11, 10, "0.1")).isEqualByComparingTo("0.00");
		assertThat(score(Metric.REPORTS_DECLINE, 5, 0, "0.1")).isEqualByComparingTo("0.00");
		assertThat(score(Metric.REPORTS_DECLINE, 0, 0, "0.1")).isEqualByComparingTo("5.00");
	}

	@Test
	void aRatioScoresItsShareOfTheTargetAndFullWhenNothingWasDue() {
		assertThat(score(Metric.SATISFACTION, 2, 3, "1")).isEqualByComparingTo("3.33");
		assertThat(score(Metric.SATISFACTION, 9, 10, "0.9")).isEqualByComparingTo("5.00");
		assertThat(score(Metric.SATISFACTION, 0, 10, "0.9")).isEqualByComparingTo("0.00");
		assertThat(score(Metric.SATISFACTION, 0, 0, "0.9")).isEqualByComparingTo("5.00");
		assertThat(score(Metric.ONSITE_VERIFICATIONS, 3, 2, "2")).isEqualByComparingTo("3.75");
	}

	@Test
	void aCountScoresUpToItsTarget() {
		assertThat(score(Metric.SELF_HANDLED_CASES, 2, 0, "5")).isEqualByComparingTo("2.00");
		assertThat(score(Metric.SELF_HANDLED_CASES, 7, 0, "5")).isEqualByComparingTo("5.00");
		assertThat(score(Metric.SELF_HANDLED_CASES, 0, 0, "5")).isEqualByComparingTo("0.00");
	}

}
