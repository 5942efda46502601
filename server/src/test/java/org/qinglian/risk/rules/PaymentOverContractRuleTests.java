package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code payment_over_contract}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class PaymentOverContractRuleTests extends RuleTest {

	@Test
	void paymentsOver115PercentOfTheContractWithoutADoneChangeOrderAreCaught() {
		data.contract("C1", V1, "construction", null, "OC", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J1", V1, "C1", "OC", "2020-01-10")
			.voucher("V1", V1, "2020-02-01", "expense", "100000.00", "bank", "OC", "construction", "1", "J1", null,
					"2020-03-05")
			.voucher("V2", V1, "2020-03-01", "expense", "15000.01", "bank", "OC", "construction", "2", "J1", null,
					"2020-04-05")
			// exactly 115%: not over
			.contract("C2", V1, "construction", null, "OD", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J2", V1, "C2", "OD", "2020-01-10")
			.voucher("V3", V1, "2020-02-01", "expense", "115000.00", "bank", "OD", "construction", "3", "J2", null,
					"2020-03-05")
			// over, but with a completed change order
			.step("project_change_order", "request", 1, null, null, false, false)
			.exercise("E1", "project_change_order", V1, "done", "request", "2020-02-20")
			.contract("C3", V1, "construction", null, "OE", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J3", V1, "C3", "OE", "2020-01-10")
			.voucher("V4", V1, "2020-02-01", "expense", "100000.00", "bank", "OE", "construction", "4", "J3", null,
					"2020-03-05")
			.voucher("V5", V1, "2020-03-01", "expense", "30000.00", "bank", "OE", "construction", "5", "J3", "E1",
					"2020-04-05");
		assertThat(scan("payment_over_contract")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("projects.csv:J1;vouchers.csv:V1;vouchers.csv:V2");
			assertThat(f.amount()).isEqualByComparingTo("15000.01");
		});
	}

}
