package org.qinglian.risk.rules;

import static org.qinglian.risk.RiskRule.Severity.HIGH;
import static org.qinglian.risk.RiskRule.Severity.LOW;
import static org.qinglian.risk.RiskRule.Severity.MEDIUM;

import java.util.List;

import org.qinglian.risk.RiskRule;
import org.qinglian.risk.RiskRule.Setting;

/**
 * The default rules of the library, one or more for every scheme of the exchange spec,
 * following its "Default policy settings" and "Precise readings of the policy". The rules
 * know nothing of any bundle's labels or ids.
 */
public final class RuleCatalogue {

	/** Positions that make a village cadre (村干部) on a day. */
	static final String CADRE_ROLES = "('party_secretary', 'committee_director', 'committee_member', 'accountant')";

	static final String MONEY = "'FM999999999990.00'";

	static String programZh(String column) {
		return "case " + column + " when 'dibao' then '低保金' when 'tekun' then '特困供养金' when 'elderly' then '高龄补贴'"
				+ " when 'disability' then '残疾人两项补贴' when 'farmland' then '耕地地力保护补贴'"
				+ " when 'housing_repair' then '危房改造补助' else '补贴' end";
	}

	/** A month {@code YYYY-MM} as {@code YYYY年M月}. */
	static String monthZh(String column) {
		return "(split_part(" + column + ", '-', 1) || '年' || split_part(" + column + ", '-', 2)::int || '月')";
	}

	private RuleCatalogue() {
	}

	public static List<RiskRule> defaults() {
		return List.of(subsidyInTwoVillages(), kinSubsidy(), deadRecipient(), ineligibleDibao(), inflatedUnitPrice(),
				overpayment(), splitAward(), kinContractor(), missingLeaseIncome(), whiteSlip(), stepSkipped(),
				lateVoucherDisclosure(), shortDisclosure(), cheapLease(), cashInCashlessVillage());
	}

	static RiskRule subsidyInTwoVillages() {
		return new SqlRule("subsidy_in_two_villages", "fake_subsidy", "同一人同月在多个村领取同一补贴",
				"One person paid one subsidy in several villages in a month", "《浙江省最低生活保障办法》；惠民资金“一卡通”管理规定", HIGH,
				List.of(Setting.of("villages", "同月领取的村数（个）", "2", "2", "20")),
				"{0}（同一身份证号）在 {3} 个村同时领取{1}，涉及 {2} 个月，重复领取 {4} 元",
				"""
						with s as (
						  select s.payment_id, s.program, s.region_code, s.period, s.amount, s.recipient_id, p.id_number, p.name
						  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id),
						dup as (
						  select id_number, program, period from s group by id_number, program, period
						  having count(distinct region_code) >= :villages),
						hit as (select s.* from s join dup using (id_number, program, period)),
						extra as (select id_number, program, sum(a) amount from (
						  select id_number, program, period, sum(amount) - max(amount) a from hit group by 1, 2, 3) x group by 1, 2)
						select h.id_number || '/' || h.program as key, min(h.recipient_id) as subject_id,
						  min(h.region_code) as region_code,
						  min(h.period) || case when max(h.period) <> min(h.period) then '~' || max(h.period) else '' end as period,
						  e.amount, array_agg('subsidies.csv:' || h.payment_id order by h.period, h.payment_id) as records,
						  array[min(h.name), %s, count(distinct h.period)::text, count(distinct h.region_code)::text,
						        to_char(e.amount, %s)] as facts
						from hit h join extra e on e.id_number = h.id_number and e.program = h.program
						group by h.id_number, h.program, e.amount
						"""
					.formatted(programZh("min(h.program)"), MONEY));
	}

	static RiskRule kinSubsidy() {
		return new SqlRule("kin_subsidy", "kin_subsidy", "村干部近亲属领取补贴", "A village cadre's near kin receives a subsidy",
				"《农村基层干部廉洁履行职责若干规定》：不得在惠民政策落实中优亲厚友", HIGH, List.of(), "{0}（{1}）的近亲属{2}在其任职期间领取{3} {4} 个月，共 {5} 元",
				"""
						with hit as (
						  select distinct c.person_id as cadre, cp.name as cadre_name, s.payment_id, s.region_code, s.program,
						         s.period, s.amount, r.id_number as rid, r.name as rname
						  from ast_subsidy s
						  join jur_person r on r.person_id = s.recipient_id
						  join risk_near_kin k on k.b = r.id_number
						  join jur_person cp on cp.id_number = k.a
						  join jur_position c on c.person_id = cp.person_id and c.region_code = s.region_code
						   and c.role in %s and c.start_date <= s.paid_on and (c.end_date is null or c.end_date >= s.paid_on))
						select cadre || '/' || rid || '/' || program as key, cadre as subject_id, region_code,
						  min(period) || case when max(period) <> min(period) then '~' || max(period) else '' end as period,
						  sum(amount) as amount, array_agg('subsidies.csv:' || payment_id order by period, payment_id) as records,
						  array[cadre_name, (select r2.name from jur_region r2 where r2.region_code = hit.region_code), min(rname),
						        %s, count(*)::text, to_char(sum(amount), %s)] as facts
						from hit group by cadre, cadre_name, rid, program, region_code
						"""
					.formatted(CADRE_ROLES, programZh("program"), MONEY));
	}

	static RiskRule deadRecipient() {
		return new SqlRule("subsidy_after_death", "dead_recipient", "向已死亡人员发放补贴", "Subsidy paid for months after death",
				"《浙江省最低生活保障办法》：保障对象死亡的，自次月起停发", HIGH, List.of(), "{0}起向已于{1}死亡的{2}发放{3}，共 {4} 个月 {5} 元",
				"""
						with death as (
						  select distinct on (p.id_number) p.id_number, d.person_id, d.death_date
						  from ast_death d join jur_person p on p.person_id = d.person_id
						  order by p.id_number, d.death_date, d.person_id),
						hit as (
						  select s.payment_id, s.program, s.region_code, s.period, s.amount, s.recipient_id, p.name, death.*
						  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id
						  join death on death.id_number = p.id_number
						  where s.period > to_char(death.death_date, 'YYYY-MM'))
						select id_number || '/' || program as key, min(recipient_id) as subject_id, min(region_code) as region_code,
						  min(period) || case when max(period) <> min(period) then '~' || max(period) else '' end as period,
						  sum(amount) as amount,
						  array['deaths.csv:' || person_id] || array_agg('subsidies.csv:' || payment_id order by period, payment_id) as records,
						  array[%s, to_char(death_date, 'YYYY"年"FMMM"月"'), min(name), %s, count(*)::text, to_char(sum(amount), %s)] as facts
						from hit group by id_number, person_id, death_date, program
						"""
					.formatted(monthZh("min(period)"), programZh("program"), MONEY));
	}

	static RiskRule ineligibleDibao() {
		return new SqlRule("dibao_ineligible_household", "ineligible_dibao", "不符合条件的家庭享受低保",
				"Minimum living allowance for a household that does not qualify", "《浙江省最低生活保障办法》家庭财产认定规定", MEDIUM,
				List.of(Setting.of("vehicle_value", "车辆价值下限（元）", "50000", "1", "10000000"),
						Setting.of("properties", "房产套数下限（套）", "2", "1", "100")),
				"{0}家庭{1}，不符合低保条件，仍领取低保金 {2} 个月共 {3} 元",
				"""
						with pay as materialized (
						  select s.payment_id, s.region_code, s.period, s.amount, s.paid_on, s.recipient_id, p.id_number, p.name
						  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id where s.program = 'dibao'),
						rids as materialized (select distinct id_number from pay),
						members as materialized (
						  select distinct x.id_number as rid, m2.person_id as member
						  from jur_person x join rids on rids.id_number = x.id_number
						  join jur_person m on m.household_id = x.household_id
						  join jur_person m2 on m2.id_number = m.id_number),
						ties as (
						  select legal_rep_id as person_id, org_id from jur_organization where legal_rep_id is not null
						  union select person_id, org_id from jur_org_person where role in ('legal_rep', 'shareholder')),
						props as (
						  select mb.rid, pr.address, min(coalesce(pr.registered_on, '-infinity'::date)) as d
						  from members mb join ast_property pr on pr.person_id = mb.member group by mb.rid, pr.address),
						-- the days from which the household is disqualified, and why
						spans as materialized (
						  select mb.rid, coalesce(v.registered_on, '-infinity'::date) as s, 'infinity'::date as e,
						         '有价值' || to_char(v.value, %1$s) || '元的车辆' as reason
						  from members mb join ast_vehicle v on v.person_id = mb.member where v.value >= :vehicle_value
						  union all
						  select mb.rid, e.start_date, coalesce(e.end_date, 'infinity'::date), '有成员在' || e.employer || '任职'
						  from members mb join ast_public_employee e on e.person_id = mb.member
						  union all
						  select mb.rid, coalesce(o.registered_on, '-infinity'::date), 'infinity'::date,
						         '有成员是' || o.name || '的法定代表人或股东'
						  from members mb join ties t on t.person_id = mb.member join jur_organization o on o.org_id = t.org_id
						  union all
						  select rid, d, 'infinity'::date, '有房产' || cast(:properties as int) || '套及以上'
						  from (select rid, d, row_number() over (partition by rid order by d) as n from props) ranked
						  where n = cast(:properties as int)),
						hit as (
						  select p.payment_id, p.region_code, p.period, p.amount, p.recipient_id, p.id_number, p.name,
						         string_agg(distinct sp.reason, '、') as reasons
						  from pay p join spans sp on sp.rid = p.id_number and p.paid_on between sp.s and sp.e
						  group by p.payment_id, p.region_code, p.period, p.amount, p.recipient_id, p.id_number, p.name)
						select id_number || '/dibao' as key, min(recipient_id) as subject_id, min(region_code) as region_code,
						  min(period) || case when max(period) <> min(period) then '~' || max(period) else '' end as period,
						  sum(amount) as amount, array_agg('subsidies.csv:' || payment_id order by period, payment_id) as records,
						  array[min(name), max(reasons), count(*)::text, to_char(sum(amount), %1$s)] as facts
						from hit group by id_number
						"""
					.formatted(MONEY));
	}

	static RiskRule inflatedUnitPrice() {
		return new SqlRule("unit_price_over_reference", "inflated_unit_price", "工程单价高于信息价",
				"Unit prices above the county's reference price", "《浙江省村级工程项目管理办法》；嵊州市建设工程信息价", MEDIUM,
				List.of(Setting.of("factor", "超出信息价的倍数", "1.3", "1", "10")),
				"{0}有 {1} 项单价超过同季度信息价的 {4} 倍（{2}），多计 {3} 元",
				"""
						select pr.project_id as key, pr.contractor_id as subject_id, pr.region_code,
						  to_char(pr.started_on, 'YYYY') || '-Q' || to_char(pr.started_on, 'Q') as period,
						  round(sum((i.unit_price - rp.price) * i.quantity), 2) as amount,
						  array['projects.csv:' || pr.project_id]
						    || array_agg('project_items.csv:' || i.project_id || '#' || i.line_no order by i.line_no) as records,
						  array[pr.name, count(*)::text,
						        string_agg(coalesce(i.description, i.work_code) || ' ' || to_char(i.unit_price, %1$s) || '元，信息价 '
						                   || to_char(rp.price, %1$s) || '元', '；' order by i.line_no),
						        to_char(round(sum((i.unit_price - rp.price) * i.quantity), 2), %1$s), cast(:factor as text)] as facts
						from ast_project_item i
						join ast_project pr on pr.project_id = i.project_id
						join ast_reference_price rp on rp.work_code = i.work_code and rp.region_code = :county
						  and rp.period = to_char(pr.started_on, 'YYYY') || '-Q' || to_char(pr.started_on, 'Q')
						where pr.started_on is not null and i.unit_price > :factor * rp.price
						group by pr.project_id, pr.contractor_id, pr.region_code, pr.started_on, pr.name
						"""
					.formatted(MONEY));
	}

	static RiskRule overpayment() {
		return new SqlRule("payment_over_contract", "inflated_quantity", "工程款超合同价且无变更签证",
				"Construction payments beyond the contract without a change order", "《浙江省村级工程项目管理办法》：工程变更须履行变更程序", HIGH,
				List.of(Setting.of("factor", "超出合同价的倍数", "1.15", "1", "10")),
				"{0}合同价 {1} 元，已付工程款 {2} 元，超出 {3} 元，且无已办结的工程变更签证",
				"""
						with pay as (
						  select v.project_id, sum(v.amount) as paid,
						         array_agg('vouchers.csv:' || v.voucher_id order by v.booked_on, v.voucher_id) as recs,
						         min(v.booked_on) as first_day, max(v.booked_on) as last_day
						  from ast_voucher v
						  where v.category = 'construction' and v.direction = 'expense' and v.project_id is not null
						  group by v.project_id)
						select pr.project_id as key, pr.contractor_id as subject_id, pr.region_code,
						  to_char(pay.first_day, 'YYYY-MM') || '~' || to_char(pay.last_day, 'YYYY-MM') as period,
						  pay.paid - c.amount as amount, array['projects.csv:' || pr.project_id] || pay.recs as records,
						  array[pr.name, to_char(c.amount, %1$s), to_char(pay.paid, %1$s), to_char(pay.paid - c.amount, %1$s)] as facts
						from pay join ast_project pr on pr.project_id = pay.project_id
						join ast_contract c on c.contract_id = pr.contract_id
						where c.amount is not null and pay.paid > :factor * c.amount
						  and not exists (
						    select 1 from ast_voucher v join pow_exercise e on e.exercise_id = v.exercise_id
						    where v.project_id = pr.project_id and v.category = 'construction'
						      and e.item_code = 'project_change_order' and e.status = 'done')
						"""
					.formatted(MONEY));
	}

	static RiskRule splitAward() {
		return new SqlRule("split_award", "split_award", "化整为零规避招标", "Awards split to stay under the tender threshold",
				"《浙江省村级工程项目管理办法》：限额以上项目须公开招标，不得化整为零", HIGH,
				List.of(Setting.of("construction_threshold", "工程公开招标限额（元）", "400000", "1", "100000000"),
						Setting.of("goods_threshold", "采购、服务公开招标限额（元）", "100000", "1", "100000000"),
						Setting.of("window_days", "合并计算的天数", "90", "1", "3650")),
				"{3}向{0}在{5}天内分 {1} 笔{2}，每笔低于限额，合计 {4} 元，超过公开招标限额",
				"""
						with items as (
						  select 'contracts.csv' as file, c.contract_id as id, c.region_code, c.counterparty_id as cp,
						         case when c.kind = 'construction' then 'construction' else 'other' end as cls, c.signed_on as d,
						         c.amount,
						         case when c.kind = 'construction' then :construction_threshold else :goods_threshold end as threshold
						  from ast_contract c
						  where c.kind in ('construction', 'procurement', 'service') and c.counterparty_id is not null
						    and c.amount is not null and c.award_method is distinct from 'open_tender'
						  union all
						  select 'vouchers.csv', v.voucher_id, v.region_code, v.counterparty_id,
						         case when v.category = 'construction' then 'construction' else 'other' end, v.booked_on, v.amount,
						         case when v.category = 'construction' then :construction_threshold else :goods_threshold end
						  from ast_voucher v
						  where v.direction = 'expense' and v.counterparty_id is not null
						    and v.category not in ('labor', 'subsidy_payout')
						    and not exists (select 1 from ast_project p join ast_contract c on c.contract_id = p.contract_id
						                    where p.project_id = v.project_id and c.award_method = 'open_tender')
						    and not exists (select 1 from ast_contract c where c.exercise_id = v.exercise_id
						                    and c.award_method = 'open_tender')),
						small as (select * from items where amount < threshold),
						win as (
						  select a.file, a.cp, a.cls, a.region_code, a.id, array_agg(b.id) as ids
						  from small a join small b on b.file = a.file and b.cp = a.cp and b.cls = a.cls
						   and b.region_code = a.region_code and b.d >= a.d and b.d <= a.d + cast(:window_days as int)
						  group by a.file, a.cp, a.cls, a.region_code, a.id
						  having count(*) >= 2 and sum(b.amount) > max(a.threshold)),
						hit as (select distinct w.file, w.cp, w.cls, w.region_code, u.id
						        from win w cross join lateral unnest(w.ids) u(id))
						select h.file || '/' || h.cp || '/' || h.cls || '/' || h.region_code as key, h.cp as subject_id, h.region_code,
						  to_char(min(s.d), 'YYYY-MM-DD') || '~' || to_char(max(s.d), 'YYYY-MM-DD') as period,
						  sum(s.amount) as amount, array_agg(h.file || ':' || h.id order by s.d, h.id) as records,
						  array[coalesce(o.name, pn.name, h.cp), count(*)::text,
						        case h.file when 'contracts.csv' then '签订合同' else '付款' end,
						        (select r.name from jur_region r where r.region_code = h.region_code),
						        to_char(sum(s.amount), %s), (max(s.d) - min(s.d) + 1)::text] as facts
						from hit h join small s on s.file = h.file and s.id = h.id
						left join jur_organization o on o.org_id = h.cp
						left join jur_person pn on pn.person_id = h.cp
						group by h.file, h.cp, h.cls, h.region_code, o.name, pn.name
						"""
					.formatted(MONEY));
	}

	static RiskRule kinContractor() {
		return new SqlRule("kin_contractor", "kin_contractor", "村干部近亲属企业承接本村业务",
				"A cadre's near kin's firm gets the village's business", "《农村基层干部廉洁履行职责若干规定》：不得利用职权为亲属谋利", HIGH,
				List.of(), "{0}的近亲属{1}任职或持股的{2}承接本村业务 {3} 项，涉及 {4} 元",
				"""
						with ties as (
						  select org_id, legal_rep_id as person_id from jur_organization where legal_rep_id is not null
						  union select org_id, person_id from jur_org_person),
						items as (
						  select 'contracts.csv' as file, contract_id as id, region_code, counterparty_id as org, signed_on as d, amount
						  from ast_contract where counterparty_id is not null
						  union all
						  select 'projects.csv', project_id, region_code, contractor_id, started_on, budget
						  from ast_project where contractor_id is not null and started_on is not null
						  union all
						  select 'vouchers.csv', voucher_id, region_code, counterparty_id, booked_on, amount
						  from ast_voucher where direction = 'expense' and counterparty_id is not null),
						hit as (
						  select distinct i.file, i.id, i.region_code, i.org, i.d, i.amount, c.person_id as cadre,
						         cp.name as cadre_name, tp.name as tie_name
						  from items i join ties t on t.org_id = i.org
						  join jur_person tp on tp.person_id = t.person_id
						  join risk_near_kin k on k.b = tp.id_number
						  join jur_person cp on cp.id_number = k.a
						  join jur_position c on c.person_id = cp.person_id and c.region_code = i.region_code
						   and c.role in %s and c.start_date <= i.d and (c.end_date is null or c.end_date >= i.d))
						select cadre || '/' || h.org || '/' || h.region_code as key, cadre as subject_id, h.region_code,
						  to_char(min(d), 'YYYY-MM') || '~' || to_char(max(d), 'YYYY-MM') as period,
						  coalesce(sum(amount) filter (where file = 'contracts.csv'), sum(amount) filter (where file = 'vouchers.csv'),
						           sum(amount)) as amount,
						  array_agg(distinct file || ':' || id) as records,
						  array[cadre_name, min(tie_name), coalesce(o.name, h.org),
						        count(distinct id) filter (where file <> 'vouchers.csv')::text,
						        to_char(coalesce(sum(amount) filter (where file = 'contracts.csv'),
						                sum(amount) filter (where file = 'vouchers.csv'), sum(amount)), %s)] as facts
						from hit h left join jur_organization o on o.org_id = h.org
						group by cadre, cadre_name, h.org, o.name, h.region_code
						"""
					.formatted(CADRE_ROLES, MONEY));
	}

	static RiskRule missingLeaseIncome() {
		return new SqlRule("lease_income_missing", "cash_skimming", "集体资产租金未足额入账",
				"Lease income short of the annual rent", "《浙江省村级集体经济组织财务管理办法》：收入应及时足额入账", HIGH,
				List.of(Setting.of("shortfall", "短收比例下限", "0.2", "0.01", "1")),
				"{0}合同第 {1} 年（{2}）应收租金 {3} 元，入账仅 {4} 元，短收 {5} 元",
				"""
						with years as (
						  select c.contract_id, c.region_code, c.counterparty_id, c.annual_rent, c.end_on, gs.k,
						         (c.start_on + make_interval(years => gs.k))::date as y0,
						         (c.start_on + make_interval(years => gs.k + 1) - interval '1 day')::date as y1
						  from ast_contract c cross join lateral generate_series(0, 100) gs(k)
						  where c.kind = 'lease' and c.annual_rent is not null and c.start_on is not null
						    and c.start_on + make_interval(years => gs.k) <= cast(:period_to as date)),
						judged as (
						  select y.*, coalesce((select sum(v.amount) from ast_voucher v
						      where v.region_code = y.region_code and v.counterparty_id = y.counterparty_id
						        and v.category = 'lease_income' and v.direction = 'income' and v.booked_on between y.y0 and y.y1), 0) as received,
						      (select array_agg('vouchers.csv:' || v.voucher_id order by v.booked_on) from ast_voucher v
						      where v.region_code = y.region_code and v.counterparty_id = y.counterparty_id
						        and v.category = 'lease_income' and v.direction = 'income' and v.booked_on between y.y0 and y.y1) as recs
						  from years y
						  where y.y0 >= cast(:period_from as date) and y.y1 <= cast(:period_to as date)
						    and (y.end_on is null or y.y1 <= y.end_on))
						select j.contract_id || '/' || j.k as key,
						  (select a.person_id from jur_position a where a.region_code = j.region_code and a.role = 'accountant'
						     and a.start_date <= j.y1 and (a.end_date is null or a.end_date >= j.y0)
						   order by a.start_date desc limit 1) as subject_id,
						  j.region_code, to_char(j.y0, 'YYYY-MM-DD') || '~' || to_char(j.y1, 'YYYY-MM-DD') as period,
						  j.annual_rent - j.received as amount,
						  array['contracts.csv:' || j.contract_id] || coalesce(j.recs, array[]::text[]) as records,
						  array[j.contract_id, (j.k + 1)::text, to_char(j.y0, 'YYYY-MM-DD') || '至' || to_char(j.y1, 'YYYY-MM-DD'),
						        to_char(j.annual_rent, %1$s), to_char(j.received, %1$s), to_char(j.annual_rent - j.received, %1$s)] as facts
						from judged j
						where j.received <= j.annual_rent * (1 - :shortfall)
						"""
					.formatted(MONEY));
	}

	static RiskRule whiteSlip() {
		return new SqlRule("white_slip", "white_slip", "白条入账", "Expenses booked without an invoice",
				"《会计基础工作规范》；《浙江省村级集体经济组织财务管理办法》：不得以白条入账", MEDIUM,
				List.of(Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000")),
				"{0}经{1}审批的 {2} 笔支出无发票入账，共 {3} 元",
				"""
						with hit as (
						  select v.*, nullif(split_part(coalesce(v.approver_ids, ''), ';', 1), '') as approver
						  from ast_voucher v
						  where v.direction = 'expense' and v.amount >= :min_amount and v.invoice_no is null
						    and v.category not in ('subsidy_payout', 'labor'))
						select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
						  to_char(min(h.booked_on), 'YYYY-MM') || '~' || to_char(max(h.booked_on), 'YYYY-MM') as period,
						  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id order by h.booked_on, h.voucher_id) as records,
						  array[(select r.name from jur_region r where r.region_code = h.region_code), coalesce(p.name, '（无审批人）'),
						        count(*)::text, to_char(sum(h.amount), %s)] as facts
						from hit h left join jur_person p on p.person_id = h.approver
						group by h.region_code, h.approver, p.name
						"""
					.formatted(MONEY));
	}

	static RiskRule stepSkipped() {
		return new SqlRule("step_skipped", "step_skipped", "未按流程行使小微权力",
				"A use of power that skipped steps of its flow", "《嵊州市村级小微权力清单》：按流程图办理，不得擅自简化程序", MEDIUM, List.of(),
				"“{0}”未按流程办理：{1}",
				"""
						with bad as (
						  select e.exercise_id, '缺少“' || s.name || '”' as why
						  from pow_exercise e join pow_step s on s.item_code = e.item_code
						  where e.status = 'done' and not s.optional
						    and not exists (select 1 from pow_exercise_event x where x.exercise_id = e.exercise_id and x.step_code = s.step_code)
						  union all
						  select e.exercise_id,
						         case when pe.exercise_id is null then '“' || s.name || '”前未办理“' || ps.name || '”'
						              else '“' || s.name || '”未在“' || ps.name || '”之后' end
						  from pow_exercise e
						  join pow_exercise_event ev on ev.exercise_id = e.exercise_id
						  join pow_step s on s.item_code = e.item_code and s.step_code = ev.step_code
						  cross join lateral unnest(string_to_array(s.after, ';')) a(pred)
						  join pow_step ps on ps.item_code = e.item_code and ps.step_code = a.pred
						  left join pow_exercise_event pe on pe.exercise_id = e.exercise_id and pe.step_code = a.pred
						  where (pe.exercise_id is null and not ps.optional) or pe.occurred_on >= ev.occurred_on)
						select e.exercise_id as key, e.initiator_id as subject_id, e.region_code,
						  to_char(e.started_on, 'YYYY-MM') as period, e.amount,
						  array['power_exercises.csv:' || e.exercise_id] as records,
						  array[e.title, string_agg(distinct b.why, '；')] as facts
						from bad b join pow_exercise e on e.exercise_id = b.exercise_id
						group by e.exercise_id, e.initiator_id, e.region_code, e.started_on, e.amount, e.title
						""");
	}

	static RiskRule lateVoucherDisclosure() {
		return new SqlRule("voucher_disclosure_late", "undisclosed", "凭证未按时公开",
				"Vouchers not disclosed by the 10th of the next month", "《浙江省村务公开条例》：财务收支每月公开一次", LOW,
				List.of(Setting.of("day", "次月公开截止日（日）", "10", "1", "28")),
				"{0}有 {1} 张凭证未在次月{2}日前公开（其中 {3} 张至今未公开），金额共 {4} 元",
				"""
						with late as (
						  select v.* from ast_voucher v
						  where v.disclosed_on is null
						     or v.disclosed_on > (date_trunc('month', v.booked_on) + interval '1 month')::date + (cast(:day as int) - 1)),
						d as (
						  select l.*, (select p.person_id from jur_position p where p.region_code = l.region_code
						                 and p.role = 'committee_director' and p.start_date <= l.booked_on
						                 and (p.end_date is null or p.end_date >= l.booked_on)
						               order by p.start_date desc limit 1) as director
						  from late l)
						select d.region_code || '/' || coalesce(d.director, '') as key, d.director as subject_id, d.region_code,
						  to_char(min(d.booked_on), 'YYYY-MM') || '~' || to_char(max(d.booked_on), 'YYYY-MM') as period,
						  sum(d.amount) as amount, array_agg('vouchers.csv:' || d.voucher_id order by d.booked_on, d.voucher_id) as records,
						  array[(select r.name from jur_region r where r.region_code = d.region_code), count(*)::text, cast(:day as text),
						        count(*) filter (where d.disclosed_on is null)::text, to_char(sum(d.amount), %s)] as facts
						from d group by d.region_code, d.director
						"""
					.formatted(MONEY));
	}

	static RiskRule shortDisclosure() {
		return new SqlRule("disclosure_too_short", "undisclosed", "公示时间不足",
				"A disclosure step shorter than its minimum", "《浙江省村务公开条例》；小微权力流程图规定的公示期", LOW, List.of(),
				"“{0}”的“{1}”仅公示 {2} 天即进入“{3}”，少于规定的 {4} 天",
				"""
						select e.exercise_id as key, e.initiator_id as subject_id, e.region_code,
						  to_char(e.started_on, 'YYYY-MM') as period, e.amount,
						  array['power_exercises.csv:' || e.exercise_id] as records,
						  array[e.title, min(ds.name), min(ne.occurred_on - de.occurred_on)::text, min(ns.name), min(ds.min_days)::text] as facts
						from pow_exercise e
						join pow_exercise_event de on de.exercise_id = e.exercise_id
						join pow_step ds on ds.item_code = e.item_code and ds.step_code = de.step_code and ds.disclosure
						  and ds.min_days is not null
						join pow_step ns on ns.item_code = e.item_code and ds.step_code = any(string_to_array(ns.after, ';'))
						join pow_exercise_event ne on ne.exercise_id = e.exercise_id and ne.step_code = ns.step_code
						where ne.occurred_on - de.occurred_on < ds.min_days
						group by e.exercise_id, e.initiator_id, e.region_code, e.started_on, e.amount, e.title
						""");
	}

	static RiskRule cheapLease() {
		return new SqlRule("lease_below_market", "cheap_lease", "低价发包集体资产",
				"Collective assets let far below the going rent", "《浙江省村级集体资产管理条例》：集体资产发包租赁应公开竞价、不得低价发包", MEDIUM,
				List.of(Setting.of("ratio", "低于全镇同类中位数的比例", "0.5", "0.01", "1")),
				"{0}将{1}（{2}）以每单位年租金 {3} 元发包，低于全镇同类资产中位数 {4} 元的{5}，每年少收约 {6} 元",
				"""
						with l as (
						  select c.contract_id, c.region_code, c.counterparty_id, c.annual_rent, c.start_on, c.end_on,
						         a.kind as asset_kind, a.name as asset_name, a.area, c.annual_rent / a.area as unit
						  from ast_contract c join ast_asset a on a.asset_id = c.asset_id
						  where c.kind = 'lease' and c.annual_rent is not null and a.area > 0),
						m as (select left(region_code, 9) as tw, asset_kind,
						             percentile_cont(0.5) within group (order by unit) as median
						      from l group by 1, 2)
						select l.contract_id as key, l.counterparty_id as subject_id, l.region_code,
						  to_char(l.start_on, 'YYYY-MM') || '~' || to_char(l.end_on, 'YYYY-MM') as period,
						  round((m.median::numeric * l.area - l.annual_rent), 2) as amount,
						  array['contracts.csv:' || l.contract_id] as records,
						  array[(select r.name from jur_region r where r.region_code = l.region_code), l.asset_name,
						        case l.asset_kind when 'building' then '建筑物' when 'land' then '土地' when 'pond' then '山塘水面'
						             when 'forest' then '林地' else '资产' end,
						        to_char(round(l.unit, 2), %1$s), to_char(round(m.median::numeric, 2), %1$s),
						        round(:ratio * 100)::text || '%%', to_char(round((m.median::numeric * l.area - l.annual_rent), 2), %1$s)] as facts
						from l join m on m.tw = left(l.region_code, 9) and m.asset_kind = l.asset_kind
						where l.unit < :ratio * m.median
						"""
					.formatted(MONEY));
	}

	static RiskRule cashInCashlessVillage() {
		return new SqlRule("cash_in_cashless_village", "cash_payment", "无现金村违规使用现金", "Cash in a cashless village",
				"《嵊州市“无现金村”建设实施意见》：村级资金收付一律通过银行或移动支付", MEDIUM,
				List.of(Setting.of("min_amount", "金额下限（元）", "1000", "0", "100000000")),
				"{0}自{1}起实行无现金村，仍有 {2} 笔经{3}审批的现金收付，共 {4} 元",
				"""
						with hit as (
						  select v.*, r.name as village, r.cashless_since,
						         nullif(split_part(coalesce(v.approver_ids, ''), ';', 1), '') as approver
						  from ast_voucher v join jur_region r on r.region_code = v.region_code
						  where v.method = 'cash' and v.amount >= :min_amount and r.cashless_since is not null
						    and v.booked_on >= r.cashless_since)
						select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
						  to_char(min(h.booked_on), 'YYYY-MM') || '~' || to_char(max(h.booked_on), 'YYYY-MM') as period,
						  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id order by h.booked_on, h.voucher_id) as records,
						  array[h.village, to_char(h.cashless_since, 'YYYY-MM-DD'), count(*)::text, coalesce(p.name, '（无审批人）'),
						        to_char(sum(h.amount), %s)] as facts
						from hit h left join jur_person p on p.person_id = h.approver
						group by h.region_code, h.approver, h.village, h.cashless_since, p.name
						"""
					.formatted(MONEY));
	}

}
