package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Collective assets let at a rent per unit of area far under the township's median for
 * the kind of asset (低价发包). The query: {@code lease_below_market.sql}.
 */
@Component
@Order(14)
class LeaseBelowMarketRule extends SqlRule {

	LeaseBelowMarketRule() {
		super(new Description("lease_below_market", "cheap_lease", Severity.MEDIUM, "低价发包集体资产",
				"Collective assets let far below the going rent", "《浙江省村级集体资产管理条例》：集体资产发包租赁应公开竞价、不得低价发包",
				"{0}将{1}（{2}）以每单位年租金 {3} 元发包，低于全镇同类资产中位数 {4} 元的{5}，每年少收约 {6} 元"),
				Setting.of("ratio", "低于全镇同类中位数的比例", "0.5", "0.01", "1"));
	}

}
