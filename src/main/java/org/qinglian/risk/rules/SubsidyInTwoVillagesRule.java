package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One identity (ID number) paid by one program in two or more villages in the same month:
 * a fake or double subsidy (虚报冒领). The query: {@code subsidy_in_two_villages.sql}.
 */
@Component
@Order(1)
class SubsidyInTwoVillagesRule extends SqlRule {

	SubsidyInTwoVillagesRule() {
		super(new Description("subsidy_in_two_villages", "fake_subsidy", Severity.HIGH, "同一人同月在多个村领取同一补贴",
				"One person paid one subsidy in several villages in a month", "《浙江省最低生活保障办法》；惠民资金“一卡通”管理规定",
				"{0}（同一身份证号）在 {3} 个村同时领取{1}，涉及 {2} 个月，重复领取 {4} 元"),
				Setting.of("villages", "同月领取的村数（个）", "2", "2", "20"));
	}

}
