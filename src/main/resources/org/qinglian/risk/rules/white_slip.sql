-- Expenses of :min_amount or more booked without an invoice (subsidy payouts and labour aside), by village and
-- first approver.
with hit as (
  select v.*, risk_first_approver(v.approver_ids) as approver
  from ast_voucher v
  where v.direction = 'expense' and v.amount >= :min_amount and v.invoice_no is null
    and v.category not in ('subsidy_payout', 'labor'))
select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
  risk_months(min(h.booked_on), max(h.booked_on)) as period,
  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id order by h.booked_on, h.voucher_id) as records,
  array[risk_region_name(h.region_code), coalesce(p.name, '（无审批人）'), count(*)::text, risk_money(sum(h.amount))]
    as facts
from hit h left join jur_person p on p.person_id = h.approver
group by h.region_code, h.approver, p.name
