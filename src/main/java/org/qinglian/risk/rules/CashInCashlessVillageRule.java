package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cash received or paid in a cashless village (无现金村) after it became one. The query:
 * {@code cash_in_cashless_village.sql}.
 */
@Component
@Order(15)
class CashInCashlessVillageRule extends SqlRule {

	CashInCashlessVillageRule() {
		super(new Description("cash_in_cashless_village", "cash_payment", Severity.MEDIUM, "无现金村违规使用现金",
				"Cash in a cashless village", "《嵊州市“无现金村”建设实施意见》：村级资金收付一律通过银行或移动支付",
				"{0}自{1}起实行无现金村，仍有 {2} 笔经{3}审批的现金收付，共 {4} 元"),
				Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000"));
	}

}
