package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A completed use of power that skipped a required step of its flow, or took a step
 * before its predecessor. The query: {@code step_skipped.sql}.
 */
@Component
@Order(11)
class StepSkippedRule extends SqlRule {

	StepSkippedRule() {
		super(new Description("step_skipped", "step_skipped", Severity.MEDIUM, "未按流程行使小微权力",
				"A use of power that skipped steps of its flow", "《嵊州市村级小微权力清单》：按流程图办理，不得擅自简化程序", "“{0}”未按流程办理：{1}"));
	}

}
