-- Cash of :min_amount or more received or paid in a cashless village from its cashless_since day on, by village
-- and first approver.
-- by village: ast_voucher
with hit as (
  select v.voucher_id, v.region_code, v.booked_on, v.amount, r.name as village, r.cashless_since,
         risk_first_approver(v.approver_ids) as approver
  from ast_voucher v join jur_region r on r.region_code = v.region_code
  where v.method = 'cash' and v.amount >= :min_amount and r.cashless_since is not null
    and v.booked_on >= r.cashless_since)
select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
  risk_months(min(h.booked_on), max(h.booked_on)) as period,
  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id) as records,
  h.village as f0, risk_day(h.cashless_since) as f1, '' || count(*) as f2, coalesce(p.name, '（无审批人）') as f3,
  risk_money(sum(h.amount)) as f4
from hit h left join jur_person p on p.person_id = h.approver
group by h.region_code, h.approver, h.village, h.cashless_since, p.name
