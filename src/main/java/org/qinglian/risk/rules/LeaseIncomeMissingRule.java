package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A lease year within the data period whose booked income falls well short of the annual
 * rent: rent collected and not booked (坐收坐支). The query:
 * {@code lease_income_missing.sql}.
 */
@Component
@Order(9)
class LeaseIncomeMissingRule extends SqlRule {

	LeaseIncomeMissingRule() {
		super(new Description("lease_income_missing", "cash_skimming", Severity.HIGH, "集体资产租金未足额入账",
				"Lease income short of the annual rent", "《浙江省村级集体经济组织财务管理办法》：收入应及时足额入账",
				"{0}合同第 {1} 年（{2}）应收租金 {3} 元，入账仅 {4} 元，短收 {5} 元"),
				Setting.of("shortfall", "短收比例下限", "0.2", "0.01", "1"));
	}

}
