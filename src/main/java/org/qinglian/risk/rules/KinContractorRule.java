package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Contracts, projects or payments of a village to an organization tied to near kin of one
 * of its cadres in office. The query: {@code kin_contractor.sql}.
 */
@Component
@Order(8)
class KinContractorRule extends SqlRule {

	KinContractorRule() {
		super(new Description("kin_contractor", "kin_contractor", Severity.HIGH, "村干部近亲属企业承接本村业务",
				"A cadre's near kin's firm gets the village's business", "《农村基层干部廉洁履行职责若干规定》：不得利用职权为亲属谋利",
				"{0}的近亲属{1}任职或持股的{2}承接本村业务 {3} 项，涉及 {4} 元"));
	}

}
