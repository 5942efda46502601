package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Awards or payments to one counterparty within a window, each under the open-tender
 * threshold and together over it (化整为零). The query: {@code split_award.sql}.
 */
@Component
@Order(7)
class SplitAwardRule extends SqlRule {

	SplitAwardRule() {
		super(new Description("split_award", "split_award", Severity.HIGH, "化整为零规避招标",
				"Awards split to stay under the tender threshold", "《浙江省村级工程项目管理办法》：限额以上项目须公开招标，不得化整为零",
				"{3}向{0}在{5}天内分 {1} 笔{2}，每笔低于限额，合计 {4} 元，超过公开招标限额"),
				Setting.of("construction_threshold", "工程公开招标限额（元）", "400000", "1", "100000000"),
				Setting.of("goods_threshold", "采购、服务公开招标限额（元）", "100000", "1", "100000000"),
				Setting.of("window_days", "合并计算的天数", "90", "1", "3650"));
	}

}
