-- Expenses of :min_amount or more booked without an invoice (subsidy payouts and labour aside), by village and
-- first approver.
-- by village: ast_voucher
with hit as (
  select v.voucher_id, v.region_code, v.booked_on, v.amount, risk_first_approver(v.approver_ids) as approver
  from ast_voucher v
  where v.direction = 'expense' and v.amount >= :min_amount and v.invoice_no is null
    and v.category not in ('subsidy_payout', 'labor'))
select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
  risk_months(min(h.booked_on), max(h.booked_on)) as period,
  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id) as records,
  g.name as f0, coalesce(p.name, '（无审批人）') as f1, '' || count(*) as f2, risk_money(sum(h.amount)) as f3
from hit h left join jur_person p on p.person_id = h.approver
left join jur_region g on g.region_code = h.region_code
group by h.region_code, h.approver, p.name, g.name
