package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A subsidy paid to near kin of a village cadre in office on the day of payment, in that
 * village (优亲厚友). The query: {@code kin_subsidy.sql}.
 */
@Component
@Order(2)
class KinSubsidyRule extends SqlRule {

	KinSubsidyRule() {
		super(new Description("kin_subsidy", "kin_subsidy", Severity.HIGH, "村干部近亲属领取补贴",
				"A village cadre's near kin receives a subsidy", "《农村基层干部廉洁履行职责若干规定》：不得在惠民政策落实中优亲厚友",
				"{0}（{1}）的近亲属{2}在其任职期间领取{3} {4} 个月，共 {5} 元"));
	}

}
