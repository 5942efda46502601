package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code lease_below_market}: the case it must catch, and the look-alikes it must leave
 * alone.
 */
class LeaseBelowMarketRuleTests extends RuleTest {

	@Test
	void aLeaseUnderHalfTheTownshipsMedianIsCaughtButNotAtHalf() {
		data.asset("A1", V1, "land", "10")
			.asset("A2", V1, "land", "10")
			.asset("A3", V2, "land", "10")
			.asset("A4", V2, "land", "10")
			.asset("A5", V3, "land", "10")
			.asset("A6", V1, "land", "20")
			.contract("C1", V1, "lease", "A1", "PA", "2019-01-01", "2019-01-01", "2023-12-31", null, "7000.00",
					"open_tender")
			.contract("C2", V1, "lease", "A2", "PB", "2019-01-01", "2019-01-01", "2023-12-31", null, "7000.00",
					"open_tender")
			.contract("C6", V1, "lease", "A6", "PF", "2019-01-01", "2019-01-01", "2023-12-31", null, "14000.00",
					"open_tender")
			// township A's median is 700 a mu: 349.999 is under half of it, 350 is not
			.contract("C3", V2, "lease", "A3", "PC", "2019-01-01", "2019-01-01", "2023-12-31", null, "3499.99",
					"negotiated")
			.contract("C4", V2, "lease", "A4", "PD", "2019-01-01", "2019-01-01", "2023-12-31", null, "3500.00",
					"negotiated")
			// another township's cheap lease is judged against its own median
			.contract("C5", V3, "lease", "A5", "PE", "2019-01-01", "2019-01-01", "2023-12-31", null, "100.00",
					"negotiated");
		assertThat(scan("lease_below_market")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C3");
			assertThat(f.subject()).isEqualTo("PC");
		});
	}

}
