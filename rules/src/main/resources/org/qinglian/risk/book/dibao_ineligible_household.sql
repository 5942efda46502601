-- Dibao paid (on paid_on) while the recipient's household has a car worth :vehicle_value or more, a public
-- employee, a legal representative or shareholder of an organization, or :properties properties or more.
with pay as (
  select s.payment_id, s.region_code, s.period, s.amount, s.paid_on, s.recipient_id, p.id_number, p.name
  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id where s.program = 'dibao'),
rids as (select distinct id_number from pay),
members as (
  select distinct x.id_number as rid, m2.person_id as member
  from jur_person x join rids on rids.id_number = x.id_number
  join jur_person m on m.household_id = x.household_id
  join jur_person m2 on m2.id_number = m.id_number),
ties as (
  select legal_rep_id as person_id, org_id from jur_organization where legal_rep_id is not null
  union select person_id, org_id from jur_org_person where role in ('legal_rep', 'shareholder')),
props as (
  select mb.rid, pr.address, min(coalesce(pr.registered_on, date '0001-01-01')) as d,
         risk_join(array_agg(distinct pr.detail) filter (where pr.detail is not null), '，') as detail
  from members mb join ast_property_evidence pr on pr.person_id = mb.member group by mb.rid, pr.address),
-- the days from which the household is disqualified, and why
spans as (
  select mb.rid, coalesce(v.registered_on, date '0001-01-01') as s, date '9999-12-31' as e,
         '有价值' || risk_money(v.value) || '元的车辆' || coalesce('（车辆登记' || v.detail || '）', '') as reason
  from members mb join ast_vehicle_evidence v on v.person_id = mb.member where v.value >= :vehicle_value
  union all
  select mb.rid, e.start_date, coalesce(e.end_date, date '9999-12-31'),
         '有成员在' || e.employer || '任职' || coalesce('（人事登记' || e.detail || '）', '')
  from members mb join ast_public_employee_evidence e on e.person_id = mb.member
  union all
  select mb.rid, coalesce(o.registered_on, date '0001-01-01'), date '9999-12-31',
         '有成员是' || o.name || '的法定代表人或股东'
  from members mb join ties t on t.person_id = mb.member join jur_organization o on o.org_id = t.org_id
  union all
  select rid, d, date '9999-12-31',
         '有房产' || cast(:properties as int) || '套及以上' || coalesce('（房产登记' || details || '）', '')
  from (select rid, d, row_number() over w as n,
               risk_join_in_order(array_agg(address || '：' || detail) over w, '；') as details
        from props
        window w as (partition by rid order by d, address rows between unbounded preceding and current row)) ranked
  where n = cast(:properties as int)),
hit as (
  select p.payment_id, p.region_code, p.period, p.amount, p.recipient_id, p.id_number, p.name,
         risk_join(array_agg(distinct sp.reason), '、') as reasons
  from pay p join spans sp on sp.rid = p.id_number and p.paid_on between sp.s and sp.e
  group by p.payment_id, p.region_code, p.period, p.amount, p.recipient_id, p.id_number, p.name)
select id_number || '/dibao' as key, min(recipient_id) as subject_id, min(region_code) as region_code,
  risk_span(min(period), max(period)) as period,
  sum(amount) as amount, array_agg('subsidies.csv:' || payment_id) as records,
  min(name) as f0, max(reasons) as f1, '' || count(*) as f2, risk_money(sum(amount)) as f3
from hit group by id_number
