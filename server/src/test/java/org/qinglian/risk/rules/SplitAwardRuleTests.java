package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code split_award}: the case it must catch, and the look-alikes it must leave alone.
 */
class SplitAwardRuleTests extends RuleTest {

	@Test
	void awardsSplitWithin90DaysAreCaughtButNot91DaysApartNorExactlyAtTheThreshold() {
		data.contract("C1", V1, "procurement", null, "OA", "2020-01-01", null, null, "60000.00", null, "negotiated")
			.contract("C2", V1, "service", null, "OA", "2020-03-31", null, null, "60000.00", null, "direct")
			// 91 days apart
			.contract("C3", V2, "procurement", null, "OB", "2020-01-01", null, null, "60000.00", null, "negotiated")
			.contract("C4", V2, "procurement", null, "OB", "2020-04-01", null, null, "60000.00", null, "negotiated")
			// together exactly 100,000: not over
			.contract("C5", V3, "procurement", null, "OC", "2020-01-01", null, null, "50000.00", null, "negotiated")
			.contract("C6", V3, "procurement", null, "OC", "2020-01-20", null, null, "50000.00", null, "negotiated")
			// labour payments never count
			.voucher("V1", V1, "2020-05-01", "expense", "60000.00", "bank", "PW", "labor", null, null, null,
					"2020-06-05")
			.voucher("V2", V1, "2020-05-20", "expense", "60000.00", "bank", "PW", "labor", null, null, null,
					"2020-06-05");
		assertThat(scan("split_award")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1;contracts.csv:C2");
			assertThat(f.subject()).isEqualTo("OA");
		});
	}

	@Test
	void paymentsUnderAnOpenTenderContractAreNotASplit() {
		data.contract("C1", V1, "procurement", null, "OA", "2020-01-01", null, null, "300000.00", null, "open_tender")
			.project("J1", V1, "C1", "OA", "2020-01-05")
			.voucher("V1", V1, "2020-02-01", "expense", "90000.00", "bank", "OA", "procurement", "1", "J1", null,
					"2020-03-05")
			.voucher("V2", V1, "2020-03-01", "expense", "90000.00", "bank", "OA", "procurement", "2", "J1", null,
					"2020-04-05")
			.voucher("V3", V2, "2020-02-01", "expense", "90000.00", "bank", "OA", "office", "3", null, null,
					"2020-03-05")
			.voucher("V4", V2, "2020-03-01", "expense", "90000.00", "bank", "OA", "office", "4", null, null,
					"2020-04-05");
		assertThat(scan("split_award")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V3;vouchers.csv:V4");
	}

}
