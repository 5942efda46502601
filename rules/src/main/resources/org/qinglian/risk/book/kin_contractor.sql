-- Contracts, projects or payments of a village to an organization tied (legal representative, shareholder,
-- manager) to near kin of a cadre of the village in office that day.
with ties as (
  select org_id, legal_rep_id as person_id from jur_organization where legal_rep_id is not null
  union select org_id, person_id from jur_org_person),
items as (
  select 'contracts.csv' as file, contract_id as id, region_code, counterparty_id as org, signed_on as d, amount
  from ast_contract where counterparty_id is not null
  union all
  select 'projects.csv', project_id, region_code, contractor_id, started_on, budget
  from ast_project where contractor_id is not null and started_on is not null
  union all
  select 'vouchers.csv', voucher_id, region_code, counterparty_id, booked_on, amount
  from ast_voucher where direction = 'expense' and counterparty_id is not null),
-- each item once for each cadre, however many of the cadre's near kin the organization is tied to
hit as (
  select i.file, i.id, i.region_code, i.org, i.d, i.amount, c.person_id as cadre, cp.name as cadre_name,
         min(tp.name) as tie_name
  from items i join ties t on t.org_id = i.org
  join jur_person tp on tp.person_id = t.person_id
  join risk_near_kin k on k.b = tp.id_number
  join jur_person cp on cp.id_number = k.a
  join risk_cadre_position c on c.person_id = cp.person_id and c.region_code = i.region_code
   and risk_in_force(c.start_date, c.end_date, i.d)
  group by i.file, i.id, i.region_code, i.org, i.d, i.amount, c.person_id, cp.name)
select h.cadre || '/' || h.org || '/' || h.region_code as key, h.cadre as subject_id, h.region_code,
  risk_months(min(h.d), max(h.d)) as period,
  coalesce(sum(h.amount) filter (where h.file = 'contracts.csv'), sum(h.amount) filter (where h.file = 'vouchers.csv'),
           sum(h.amount)) as amount,
  array_agg(distinct h.file || ':' || h.id) as records,
  h.cadre_name as f0, min(h.tie_name) as f1, coalesce(o.name, h.org) as f2,
  '' || count(distinct h.id) filter (where h.file <> 'vouchers.csv') as f3,
  risk_money(coalesce(sum(h.amount) filter (where h.file = 'contracts.csv'),
             sum(h.amount) filter (where h.file = 'vouchers.csv'), sum(h.amount))) as f4
from hit h left join jur_organization o on o.org_id = h.org
group by h.cadre, h.cadre_name, h.org, o.name, h.region_code
