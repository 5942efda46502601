package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code white_slip}: the case it must catch, and the look-alikes it must leave alone.
 */
class WhiteSlipRuleTests extends RuleTest {

	@Test
	void aWhiteSlipOf1000IsCaughtButNot999point99NorLabour() {
		data.voucher("V1", V1, "2020-01-05", "1000.00", "bank", "office", null)
			.voucher("V2", V1, "2020-01-06", "999.99", "bank", "office", null)
			.voucher("V3", V1, "2020-01-07", "5000.00", "bank", "labor", null)
			.voucher("V4", V1, "2020-01-08", "5000.00", "bank", "office", "12345");
		assertThat(scan("white_slip")).singleElement().extracting(Found::records).isEqualTo("vouchers.csv:V1");
	}

}
