-- A lease whose rent per unit of area is under :ratio of the township's median for the asset kind.
with l as (
  select c.contract_id, c.region_code, c.counterparty_id, c.annual_rent, c.start_on, c.end_on,
         a.kind as asset_kind, a.name as asset_name, a.area, c.annual_rent / a.area as unit
  from ast_contract c join ast_asset a on a.asset_id = c.asset_id
  where c.kind = 'lease' and c.annual_rent is not null and a.area > 0),
m as (select left(region_code, 9) as tw, asset_kind,
             cast(percentile_cont(0.5) within group (order by unit) as decimal(20, 6)) as median
      from l group by left(region_code, 9), asset_kind)
select l.contract_id as key, l.counterparty_id as subject_id, l.region_code,
  risk_months(l.start_on, l.end_on) as period,
  round(m.median * l.area - l.annual_rent, 2) as amount,
  risk_list('contracts.csv:' || l.contract_id) as records,
  g.name as f0, l.asset_name as f1, risk_asset_kind_zh(l.asset_kind) as f2,
  risk_money(round(l.unit, 2)) as f3, risk_money(round(m.median, 2)) as f4,
  round(:ratio * 100) || '%' as f5, risk_money(round(m.median * l.area - l.annual_rent, 2)) as f6
from l join m on m.tw = left(l.region_code, 9) and m.asset_kind = l.asset_kind
left join jur_region g on g.region_code = l.region_code
where l.unit < :ratio * m.median
