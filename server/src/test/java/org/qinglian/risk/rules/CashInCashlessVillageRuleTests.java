package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code cash_in_cashless_village}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class CashInCashlessVillageRuleTests extends RuleTest {

	@Test
	void cashOf1000FromTheCashlessDayIsCaughtButNotTheDayBeforeNorInAnotherVillage() {
		data.voucher("V1", V1, "2019-06-01", "1000.00", "cash", "office", "1")
			.voucher("V2", V1, "2019-05-31", "5000.00", "cash", "office", "2")
			.voucher("V3", V1, "2019-07-01", "999.99", "cash", "office", "3")
			.voucher("V4", V2, "2019-07-01", "5000.00", "cash", "office", "4")
			.voucher("V5", V1, "2019-08-01", "income", "3000.00", "cash", null, "other", null, null, null,
					"2019-09-05");
		assertThat(scan("cash_in_cashless_village")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V1;vouchers.csv:V5");
	}

}
