-- Vouchers disclosed after day :day of the month after they were booked, or not disclosed when that day has
-- passed, by village and the committee director in office on the day of booking.
with late as (
  select v.* from ast_voucher v
  where (v.disclosed_on is null
         and (date_trunc('month', v.booked_on) + interval '1 month')::date + (cast(:day as int) - 1) < cast(:today as date))
     or v.disclosed_on > (date_trunc('month', v.booked_on) + interval '1 month')::date + (cast(:day as int) - 1)),
d as (
  select l.*, risk_holder(l.region_code, 'committee_director', l.booked_on, l.booked_on) as director
  from late l)
select d.region_code || '/' || coalesce(d.director, '') as key, d.director as subject_id, d.region_code,
  risk_months(min(d.booked_on), max(d.booked_on)) as period,
  sum(d.amount) as amount, array_agg('vouchers.csv:' || d.voucher_id order by d.booked_on, d.voucher_id) as records,
  array[risk_region_name(d.region_code), count(*)::text, cast(:day as text),
        count(*) filter (where d.disclosed_on is null)::text, risk_money(sum(d.amount))] as facts
from d group by d.region_code, d.director
