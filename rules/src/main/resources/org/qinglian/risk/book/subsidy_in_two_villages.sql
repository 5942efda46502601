-- One identity (ID number) paid by one program in :villages or more villages in a month.
with s as (
  select s.payment_id, s.program, s.region_code, s.period, s.amount, s.recipient_id, p.id_number, p.name
  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id),
dup as (
  select id_number, program, period from s group by id_number, program, period
  having count(distinct region_code) >= :villages),
hit as (
  select s.* from s join dup on dup.id_number = s.id_number and dup.program = s.program and dup.period = s.period),
extra as (
  select id_number, program, sum(a) as amount
  from (select id_number, program, period, sum(amount) - max(amount) as a from hit
        group by id_number, program, period) x
  group by id_number, program)
select h.id_number || '/' || h.program as key, min(h.recipient_id) as subject_id,
  min(h.region_code) as region_code, risk_span(min(h.period), max(h.period)) as period,
  e.amount as amount, array_agg('subsidies.csv:' || h.payment_id) as records,
  min(h.name) as f0, risk_program_zh(min(h.program)) as f1, '' || count(distinct h.period) as f2,
  '' || count(distinct h.region_code) as f3, risk_money(e.amount) as f4
from hit h join extra e on e.id_number = h.id_number and e.program = h.program
group by h.id_number, h.program, e.amount
