-- Two or more awards (contracts not by open tender), or payments, to one counterparty in one village within
-- :window_days days, each under the tender threshold and together over it (construction: :construction_threshold;
-- procurement and services: :goods_threshold).
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
-- a window: an item and the items after it within the days, when together they go over the threshold
win as (
  select a.file, a.cp, a.cls, a.region_code, a.id, a.d
  from small a join small b on b.file = a.file and b.cp = a.cp and b.cls = a.cls
   and b.region_code = a.region_code and b.d >= a.d and b.d <= a.d + cast(:window_days as int)
  group by a.file, a.cp, a.cls, a.region_code, a.id, a.d
  having count(*) >= 2 and sum(b.amount) > max(a.threshold)),
hit as (
  select distinct b.file, b.cp, b.cls, b.region_code, b.id, b.d, b.amount
  from win w join small b on b.file = w.file and b.cp = w.cp and b.cls = w.cls
   and b.region_code = w.region_code and b.d >= w.d and b.d <= w.d + cast(:window_days as int))
select h.file || '/' || h.cp || '/' || h.cls || '/' || h.region_code as key, h.cp as subject_id, h.region_code,
  risk_days(min(h.d), max(h.d)) as period,
  sum(h.amount) as amount, array_agg(h.file || ':' || h.id) as records,
  coalesce(o.name, pn.name, h.cp) as f0, '' || count(*) as f1,
  case h.file when 'contracts.csv' then '签订合同' else '付款' end as f2,
  g.name as f3, risk_money(sum(h.amount)) as f4, '' || (risk_days_between(min(h.d), max(h.d)) + 1) as f5
from hit h
left join jur_organization o on o.org_id = h.cp
left join jur_person pn on pn.person_id = h.cp
left join jur_region g on g.region_code = h.region_code
group by h.file, h.cp, h.cls, h.region_code, o.name, pn.name, g.name
