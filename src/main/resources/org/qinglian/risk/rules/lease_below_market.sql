-- A lease whose rent per unit of area is under :ratio of the township's median for the asset kind.
with l as (
  select c.contract_id, c.region_code, c.counterparty_id, c.annual_rent, c.start_on, c.end_on,
         a.kind as asset_kind, a.name as asset_name, a.area, c.annual_rent / a.area as unit
  from ast_contract c join ast_asset a on a.asset_id = c.asset_id
  where c.kind = 'lease' and c.annual_rent is not null and a.area > 0),
m as (select left(region_code, 9) as tw, asset_kind,
             percentile_cont(0.5) within group (order by unit) as median
      from l group by 1, 2)
select l.contract_id as key, l.counterparty_id as subject_id, l.region_code,
  risk_months(l.start_on, l.end_on) as period,
  round((m.median::numeric * l.area - l.annual_rent), 2) as amount,
  array['contracts.csv:' || l.contract_id] as records,
  array[risk_region_name(l.region_code), l.asset_name, risk_asset_kind_zh(l.asset_kind),
        risk_money(round(l.unit, 2)), risk_money(round(m.median::numeric, 2)),
        round(:ratio * 100)::text || '%', risk_money(round((m.median::numeric * l.area - l.annual_rent), 2))] as facts
from l join m on m.tw = left(l.region_code, 9) and m.asset_kind = l.asset_kind
where l.unit < :ratio * m.median
