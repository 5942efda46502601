package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Vouchers not disclosed by a day of the next month, or never (村务公开). The query:
 * {@code voucher_disclosure_late.sql}.
 */
@Component
@Order(12)
class VoucherDisclosureLateRule extends SqlRule {

	VoucherDisclosureLateRule() {
		super(new Description("voucher_disclosure_late", "undisclosed", Severity.LOW, "凭证未按时公开",
				"Vouchers not disclosed by the 10th of the next month", "《浙江省村务公开条例》：财务收支每月公开一次",
				"{0}有 {1} 张凭证未在次月{2}日前公开（其中 {3} 张至今未公开），金额共 {4} 元"), Setting.of("day", "次月公开截止日（日）", "10", "1", "28"));
	}

}
