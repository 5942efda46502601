package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A village project's unit prices above a multiple of the county's reference price (信息价)
 * of the same work in the quarter it started. The query:
 * {@code unit_price_over_reference.sql}.
 */
@Component
@Order(5)
class UnitPriceOverReferenceRule extends SqlRule {

	UnitPriceOverReferenceRule() {
		super(new Description("unit_price_over_reference", "inflated_unit_price", Severity.MEDIUM, "工程单价高于信息价",
				"Unit prices above the county's reference price", "《浙江省村级工程项目管理办法》；嵊州市建设工程信息价",
				"{0}有 {1} 项单价超过同季度信息价的 {4} 倍（{2}），多计 {3} 元"), Setting.of("factor", "超出信息价的倍数", "1.3", "1", "10"));
	}

}
