-- Cash of :min_amount or more received or paid in a cashless village from its cashless_since day on, by village
-- and first approver.
with hit as (
  select v.*, r.name as village, r.cashless_since, risk_first_approver(v.approver_ids) as approver
  from ast_voucher v join jur_region r on r.region_code = v.region_code
  where v.method = 'cash' and v.amount >= :min_amount and r.cashless_since is not null
    and v.booked_on >= r.cashless_since)
select h.region_code || '/' || coalesce(h.approver, '') as key, h.approver as subject_id, h.region_code,
  risk_months(min(h.booked_on), max(h.booked_on)) as period,
  sum(h.amount) as amount, array_agg('vouchers.csv:' || h.voucher_id order by h.booked_on, h.voucher_id) as records,
  array[h.village, to_char(h.cashless_since, 'YYYY-MM-DD'), count(*)::text, coalesce(p.name, '（无审批人）'),
        risk_money(sum(h.amount))] as facts
from hit h left join jur_person p on p.person_id = h.approver
group by h.region_code, h.approver, h.village, h.cashless_since, p.name
