-- A lease year inside the data period whose income booked from the tenant falls :shortfall or more short of the
-- annual rent; the subject is the village's accountant in that year.
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
select j.contract_id || '/' || j.k as key, risk_holder(j.region_code, 'accountant', j.y0, j.y1) as subject_id,
  j.region_code, risk_days(j.y0, j.y1) as period,
  j.annual_rent - j.received as amount,
  array['contracts.csv:' || j.contract_id] || coalesce(j.recs, array[]::text[]) as records,
  array[j.contract_id, (j.k + 1)::text, to_char(j.y0, 'YYYY-MM-DD') || '至' || to_char(j.y1, 'YYYY-MM-DD'),
        risk_money(j.annual_rent), risk_money(j.received), risk_money(j.annual_rent - j.received)] as facts
from judged j
where j.received <= j.annual_rent * (1 - :shortfall)
