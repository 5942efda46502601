package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code lease_income_missing}: the case it must catch, and the look-alikes it must leave
 * alone.
 */
class LeaseIncomeMissingRuleTests extends RuleTest {

	@Test
	void leaseIncomeShortByTwentyPercentIsCaughtButNotByLessOrOutsideThePeriod() {
		data.person("PACC", "IDA", "HA", V1)
			.position("PACC", V1, "accountant", "2015-01-01", null)
			.contract("C1", V1, "lease", null, "PL", "2018-12-01", "2019-01-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V1", V1, "2019-01-05", "income", "10000.00", "bank", "PL", "lease_income", null, null, null,
					"2019-02-05")
			.voucher("V2", V1, "2020-01-05", "income", "8000.00", "bank", "PL", "lease_income", null, null, null,
					"2020-02-05")
			.contract("C2", V2, "lease", null, "PM", "2018-12-01", "2019-01-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V3", V2, "2019-01-05", "income", "8000.01", "bank", "PM", "lease_income", null, null, null,
					"2019-02-05")
			.voucher("V4", V2, "2020-01-05", "income", "10000.00", "bank", "PM", "lease_income", null, null, null,
					"2020-02-05")
			// its second year ends after the data period: not judged
			.contract("C3", V2, "lease", null, "PN", "2019-06-01", "2019-07-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V5", V2, "2019-07-05", "income", "10000.00", "bank", "PN", "lease_income", null, null, null,
					"2019-08-05");
		assertThat(scan("lease_income_missing")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1;vouchers.csv:V2");
			assertThat(f.subject()).isEqualTo("PACC");
			assertThat(f.amount()).isEqualByComparingTo("2000.00");
		});
	}

}
