-- Construction payments of a project beyond :factor times its contract, with no completed change order
-- (project_change_order) behind them.
with pay as (
  select v.project_id, sum(v.amount) as paid, array_agg('vouchers.csv:' || v.voucher_id) as recs,
         min(v.booked_on) as first_day, max(v.booked_on) as last_day
  from ast_voucher v
  where v.category = 'construction' and v.direction = 'expense' and v.project_id is not null
  group by v.project_id)
select pr.project_id as key, pr.contractor_id as subject_id, pr.region_code,
  risk_months(pay.first_day, pay.last_day) as period,
  pay.paid - c.amount as amount, risk_list('projects.csv:' || pr.project_id) || pay.recs as records,
  pr.name as f0, risk_money(c.amount) as f1, risk_money(pay.paid) as f2, risk_money(pay.paid - c.amount) as f3
from pay join ast_project pr on pr.project_id = pay.project_id
join ast_contract c on c.contract_id = pr.contract_id
where c.amount is not null and pay.paid > :factor * c.amount
  and not exists (
    select 1 from ast_voucher v join pow_exercise e on e.exercise_id = v.exercise_id
    where v.project_id = pr.project_id and v.category = 'construction'
      and e.item_code = 'project_change_order' and e.status = 'done')
