package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A subsidy paid for a month after the month of the recipient's death (the identity's
 * earliest death on record): payment stops from the next month. The query:
 * {@code subsidy_after_death.sql}.
 */
@Component
@Order(3)
class SubsidyAfterDeathRule extends SqlRule {

	SubsidyAfterDeathRule() {
		super(new Description("subsidy_after_death", "dead_recipient", Severity.HIGH, "向已死亡人员发放补贴",
				"Subsidy paid for months after death", "《浙江省最低生活保障办法》：保障对象死亡的，自次月起停发",
				"{0}起向已于{1}死亡的{2}发放{3}，共 {4} 个月 {5} 元{6}"));
	}

}
