package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Construction payments of a project beyond a multiple of its contract with no completed
 * change order (变更签证) behind them: inflated quantities. The query:
 * {@code payment_over_contract.sql}.
 */
@Component
@Order(6)
class PaymentOverContractRule extends SqlRule {

	PaymentOverContractRule() {
		super(new Description("payment_over_contract", "inflated_quantity", Severity.HIGH, "工程款超合同价且无变更签证",
				"Construction payments beyond the contract without a change order", "《浙江省村级工程项目管理办法》：工程变更须履行变更程序",
				"{0}合同价 {1} 元，已付工程款 {2} 元，超出 {3} 元，且无已办结的工程变更签证"), Setting.of("factor", "超出合同价的倍数", "1.15", "1", "10"));
	}

}
