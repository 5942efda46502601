package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;
import static org.qinglian.risk.rules.Fixture.V3;

import org.junit.jupiter.api.Test;

/**
 * {@code voucher_disclosure_late}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class VoucherDisclosureLateRuleTests extends RuleTest {

	@Test
	void aVoucherDisclosedOnThe11thOrNotByItIsLateButOnThe10thOrNotYetDueIsNot() {
		data.voucher("V1", V1, "2020-01-20", "expense", "100.00", "bank", null, "office", "1", null, null, "2020-02-10")
			.voucher("V2", V1, "2020-01-21", "expense", "100.00", "bank", null, "office", "2", null, null, "2020-02-11")
			.voucher("V3", V1, "2020-12-21", "expense", "100.00", "bank", null, "office", "3", null, null, "2021-01-10")
			.voucher("V4", V1, "2020-03-21", "expense", "100.00", "bank", null, "office", "4", null, null, null)
			// booked today and not disclosed yet: not late before the 10th of next month
			.voucher("V5", V1, LocalDate.now().toString(), "expense", "100.00", "bank", null, "office", "5", null, null,
					null);
		assertThat(scan("voucher_disclosure_late")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V2;vouchers.csv:V4");
	}

}
