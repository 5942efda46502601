package org.qinglian.risk.rules;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Expenses booked without an invoice (白条入账), by village and approver. The query:
 * {@code white_slip.sql}.
 */
@Component
@Order(10)
class WhiteSlipRule extends SqlRule {

	WhiteSlipRule() {
		super(new Description("white_slip", "white_slip", Severity.MEDIUM, "白条入账", "Expenses booked without an invoice",
				"《会计基础工作规范》；《浙江省村级集体经济组织财务管理办法》：不得以白条入账", "{0}经{1}审批的 {2} 笔支出无发票入账，共 {3} 元"),
				Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000"));
	}

}
