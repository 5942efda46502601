package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A disclosure step (公示) of a use of power shorter than the days its flow requires. The
 * query: {@code disclosure_too_short.sql}.
 */
@Component
@Order(13)
class DisclosureTooShortRule extends SqlRule {

	DisclosureTooShortRule() {
		super(new Description("disclosure_too_short", "undisclosed", Severity.LOW, "公示时间不足",
				"A disclosure step shorter than its minimum", "《浙江省村务公开条例》；小微权力流程图规定的公示期",
				"“{0}”的“{1}”仅公示 {2} 天即进入“{3}”，少于规定的 {4} 天"));
	}

}
