-- A lease year inside the data period whose income booked from the tenant falls :shortfall or more short of the
-- annual rent; the subject is the village's accountant in that year (the latest to start of those in office then).
-- by village: ast_contract, ast_voucher
with n as (select t.k * 10 + u.k as k
           from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) t(k)
           cross join (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) u(k)),
years as (
  select c.contract_id, c.region_code, c.counterparty_id, c.annual_rent, c.end_on, n.k,
         risk_add_years(c.start_on, n.k) as y0, risk_add_years(c.start_on, n.k + 1) - 1 as y1
  from ast_contract c cross join n
  where c.kind = 'lease' and c.annual_rent is not null and c.start_on is not null
    and risk_add_years(c.start_on, n.k) <= cast(:period_to as date)),
judged as (
  select y.* from years y
  where y.y0 >= cast(:period_from as date) and y.y1 <= cast(:period_to as date)
    and (y.end_on is null or y.y1 <= y.end_on)),
paid as (
  select j.contract_id, j.k, v.voucher_id, v.amount
  from judged j join ast_voucher v on v.region_code = j.region_code and v.counterparty_id = j.counterparty_id
   and v.category = 'lease_income' and v.direction = 'income' and v.booked_on between j.y0 and j.y1),
received as (
  select j.contract_id, j.k, coalesce(sum(p.amount), 0) as received,
         risk_list('contracts.csv:' || j.contract_id) || array_agg('vouchers.csv:' || p.voucher_id) as records
  from judged j left join paid p on p.contract_id = j.contract_id and p.k = j.k
  group by j.contract_id, j.k),
accountant as (
  select j.contract_id, j.k, p.person_id,
         row_number() over (partition by j.contract_id, j.k order by p.start_date desc, p.person_id) as n
  from judged j join jur_position p on p.region_code = j.region_code and p.role = 'accountant'
   and p.start_date <= j.y1 and (p.end_date is null or p.end_date >= j.y0))
select j.contract_id || '/' || j.k as key, a.person_id as subject_id,
  j.region_code, risk_days(j.y0, j.y1) as period,
  j.annual_rent - r.received as amount, r.records as records,
  j.contract_id as f0, '' || (j.k + 1) as f1, risk_day(j.y0) || '至' || risk_day(j.y1) as f2,
  risk_money(j.annual_rent) as f3, risk_money(r.received) as f4, risk_money(j.annual_rent - r.received) as f5
from judged j join received r on r.contract_id = j.contract_id and r.k = j.k
left join accountant a on a.contract_id = j.contract_id and a.k = j.k and a.n = 1
where r.received <= j.annual_rent * (1 - :shortfall)
