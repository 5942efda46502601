-- Vouchers disclosed after day :day of the month after they were booked, or not disclosed when that day has
-- passed, by village and the committee director in office on the day of booking (the latest to start).
-- by village: ast_voucher
with late as (
  select v.voucher_id, v.region_code, v.booked_on, v.amount, v.disclosed_on from ast_voucher v
  where (v.disclosed_on is null and risk_disclosure_due(v.booked_on, cast(:day as int)) < cast(:today as date))
     or v.disclosed_on > risk_disclosure_due(v.booked_on, cast(:day as int))),
director as (
  select l.voucher_id, p.person_id,
         row_number() over (partition by l.voucher_id order by p.start_date desc, p.person_id) as n
  from late l join jur_position p on p.region_code = l.region_code and p.role = 'committee_director'
   and p.start_date <= l.booked_on and (p.end_date is null or p.end_date >= l.booked_on)),
d as (
  select l.*, dr.person_id as director
  from late l left join director dr on dr.voucher_id = l.voucher_id and dr.n = 1)
select d.region_code || '/' || coalesce(d.director, '') as key, d.director as subject_id, d.region_code,
  risk_months(min(d.booked_on), max(d.booked_on)) as period,
  sum(d.amount) as amount, array_agg('vouchers.csv:' || d.voucher_id) as records,
  g.name as f0, '' || count(*) as f1, '' || :day as f2,
  '' || count(*) filter (where d.disclosed_on is null) as f3, risk_money(sum(d.amount)) as f4
from d left join jur_region g on g.region_code = d.region_code
group by d.region_code, d.director, g.name
