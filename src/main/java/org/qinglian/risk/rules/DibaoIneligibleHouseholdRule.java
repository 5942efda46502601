package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Dibao (低保) paid while the household owns a valuable car, has a public employee, a legal
 * representative or shareholder of an organization, or several properties, judged on the
 * day of payment. The query: {@code dibao_ineligible_household.sql}.
 */
@Component
@Order(4)
class DibaoIneligibleHouseholdRule extends SqlRule {

	DibaoIneligibleHouseholdRule() {
		super(new Description("dibao_ineligible_household", "ineligible_dibao", Severity.MEDIUM, "不符合条件的家庭享受低保",
				"Minimum living allowance for a household that does not qualify", "《浙江省最低生活保障办法》家庭财产认定规定",
				"{0}家庭{1}，不符合低保条件，仍领取低保金 {2} 个月共 {3} 元"),
				Setting.of("vehicle_value", "车辆价值下限（元）", "50000", "1", "10000000"),
				Setting.of("properties", "房产套数下限（套）", "2", "1", "100"));
	}

}
