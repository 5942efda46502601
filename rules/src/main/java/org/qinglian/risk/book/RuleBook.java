package org.qinglian.risk.book;

import java.util.List;

import org.qinglian.risk.book.Rule.Setting;
import org.qinglian.risk.book.Rule.Severity;

/**
 * The risk library's rules, in the order they run: each what it is, its settings with the
 * defaults of the exchange spec's "Default policy settings", and its query
 * ({@code <code>.sql}), written from the spec's "Precise readings of the policy". A rule
 * knows nothing of any bundle's labels or ids.
 */
public final class RuleBook {

	public static final Rule SUBSIDY_IN_TWO_VILLAGES = new Rule("subsidy_in_two_villages", "fake_subsidy",
			Severity.HIGH, "同一人同月在多个村领取同一补贴", "One person paid one subsidy in several villages in a month",
			"《浙江省最低生活保障办法》；惠民资金“一卡通”管理规定", "{0}（同一身份证号）在 {3} 个村同时领取{1}，涉及 {2} 个月，重复领取 {4} 元",
			List.of(Setting.of("villages", "同月领取的村数（个）", "2", "2", "20")));

	public static final Rule KIN_SUBSIDY = new Rule("kin_subsidy", "kin_subsidy", Severity.HIGH, "村干部近亲属领取补贴",
			"A village cadre's near kin receives a subsidy", "《农村基层干部廉洁履行职责若干规定》：不得在惠民政策落实中优亲厚友",
			"{0}（{1}）的近亲属{2}在其任职期间领取{3} {4} 个月，共 {5} 元", List.of());

	public static final Rule SUBSIDY_AFTER_DEATH = new Rule("subsidy_after_death", "dead_recipient", Severity.HIGH,
			"向已死亡人员发放补贴", "Subsidy paid for months after death", "《浙江省最低生活保障办法》：保障对象死亡的，自次月起停发",
			"{0}起向已于{1}死亡的{2}发放{3}，共 {4} 个月 {5} 元{6}", List.of());

	public static final Rule DIBAO_INELIGIBLE_HOUSEHOLD = new Rule("dibao_ineligible_household", "ineligible_dibao",
			Severity.MEDIUM, "不符合条件的家庭享受低保", "Minimum living allowance for a household that does not qualify",
			"《浙江省最低生活保障办法》家庭财产认定规定", "{0}家庭{1}，不符合低保条件，仍领取低保金 {2} 个月共 {3} 元",
			List.of(Setting.of("vehicle_value", "车辆价值下限（元）", "50000", "1", "10000000"),
					Setting.of("properties", "房产套数下限（套）", "2", "1", "100")));

	public static final Rule UNIT_PRICE_OVER_REFERENCE = new Rule("unit_price_over_reference", "inflated_unit_price",
			Severity.MEDIUM, "工程单价高于信息价", "Unit prices above the county's reference price",
			"《浙江省村级工程项目管理办法》；嵊州市建设工程信息价", "{0}有 {1} 项单价超过同季度信息价的 {4} 倍（{2}），多计 {3} 元",
			List.of(Setting.of("factor", "超出信息价的倍数", "1.3", "1", "10")));

	public static final Rule PAYMENT_OVER_CONTRACT = new Rule("payment_over_contract", "inflated_quantity",
			Severity.HIGH, "工程款超合同价且无变更签证", "Construction payments beyond the contract without a change order",
			"《浙江省村级工程项目管理办法》：工程变更须履行变更程序", "{0}合同价 {1} 元，已付工程款 {2} 元，超出 {3} 元，且无已办结的工程变更签证",
			List.of(Setting.of("factor", "超出合同价的倍数", "1.15", "1", "10")));

	public static final Rule SPLIT_AWARD = new Rule("split_award", "split_award", Severity.HIGH, "化整为零规避招标",
			"Awards split to stay under the tender threshold", "《浙江省村级工程项目管理办法》：限额以上项目须公开招标，不得化整为零",
			"{3}向{0}在{5}天内分 {1} 笔{2}，每笔低于限额，合计 {4} 元，超过公开招标限额",
			List.of(Setting.of("construction_threshold", "工程公开招标限额（元）", "400000", "1", "100000000"),
					Setting.of("goods_threshold", "采购、服务公开招标限额（元）", "100000", "1", "100000000"),
					Setting.of("window_days", "合并计算的天数", "90", "1", "3650")));

	public static final Rule KIN_CONTRACTOR = new Rule("kin_contractor", "kin_contractor", Severity.HIGH,
			"村干部近亲属企业承接本村业务", "A cadre's near kin's firm gets the village's business", "《农村基层干部廉洁履行职责若干规定》：不得利用职权为亲属谋利",
			"{0}的近亲属{1}任职或持股的{2}承接本村业务 {3} 项，涉及 {4} 元", List.of());

	public static final Rule LEASE_INCOME_MISSING = new Rule("lease_income_missing", "cash_skimming", Severity.HIGH,
			"集体资产租金未足额入账", "Lease income short of the annual rent", "《浙江省村级集体经济组织财务管理办法》：收入应及时足额入账",
			"{0}合同第 {1} 年（{2}）应收租金 {3} 元，入账仅 {4} 元，短收 {5} 元",
			List.of(Setting.of("shortfall", "短收比例下限", "0.2", "0.01", "1")));

	public static final Rule WHITE_SLIP = new Rule("white_slip", "white_slip", Severity.MEDIUM, "白条入账",
			"Expenses booked without an invoice", "《会计基础工作规范》；《浙江省村级集体经济组织财务管理办法》：不得以白条入账",
			"{0}经{1}审批的 {2} 笔支出无发票入账，共 {3} 元", List.of(Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000")));

	public static final Rule STEP_SKIPPED = new Rule("step_skipped", "step_skipped", Severity.MEDIUM, "未按流程行使小微权力",
			"A use of power that skipped steps of its flow", "《嵊州市村级小微权力清单》：按流程图办理，不得擅自简化程序", "“{0}”未按流程办理：{1}",
			List.of());

	public static final Rule VOUCHER_DISCLOSURE_LATE = new Rule("voucher_disclosure_late", "undisclosed", Severity.LOW,
			"凭证未按时公开", "Vouchers not disclosed by the 10th of the next month", "《浙江省村务公开条例》：财务收支每月公开一次",
			"{0}有 {1} 张凭证未在次月{2}日前公开（其中 {3} 张至今未公开），金额共 {4} 元",
			List.of(Setting.of("day", "次月公开截止日（日）", "10", "1", "28")));

	public static final Rule DISCLOSURE_TOO_SHORT = new Rule("disclosure_too_short", "undisclosed", Severity.LOW,
			"公示时间不足", "A disclosure step shorter than its minimum", "《浙江省村务公开条例》；小微权力流程图规定的公示期",
			"“{0}”的“{1}”仅公示 {2} 天即进入“{3}”，少于规定的 {4} 天", List.of());

	public static final Rule LEASE_BELOW_MARKET = new Rule("lease_below_market", "cheap_lease", Severity.MEDIUM,
			"低价发包集体资产", "Collective assets let far below the going rent", "《浙江省村级集体资产管理条例》：集体资产发包租赁应公开竞价、不得低价发包",
			"{0}将{1}（{2}）以每单位年租金 {3} 元发包，低于全镇同类资产中位数 {4} 元的{5}，每年少收约 {6} 元",
			List.of(Setting.of("ratio", "低于全镇同类中位数的比例", "0.5", "0.01", "1")));

	public static final Rule CASH_IN_CASHLESS_VILLAGE = new Rule("cash_in_cashless_village", "cash_payment",
			Severity.MEDIUM, "无现金村违规使用现金", "Cash in a cashless village", "《嵊州市“无现金村”建设实施意见》：村级资金收付一律通过银行或移动支付",
			"{0}自{1}起实行无现金村，仍有 {2} 笔经{3}审批的现金收付，共 {4} 元",
			List.of(Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000")));

	private static final List<Rule> ALL = List.of(SUBSIDY_IN_TWO_VILLAGES, KIN_SUBSIDY, SUBSIDY_AFTER_DEATH,
			DIBAO_INELIGIBLE_HOUSEHOLD, UNIT_PRICE_OVER_REFERENCE, PAYMENT_OVER_CONTRACT, SPLIT_AWARD, KIN_CONTRACTOR,
			LEASE_INCOME_MISSING, WHITE_SLIP, STEP_SKIPPED, VOUCHER_DISCLOSURE_LATE, DISCLOSURE_TOO_SHORT,
			LEASE_BELOW_MARKET, CASH_IN_CASHLESS_VILLAGE);

	private RuleBook() {
	}

	/** Every rule, in the order they run. */
	public static List<Rule> all() {
		return ALL;
	}

}
