-- A payment for a month after the month of the identity's earliest death. Deaths are read as the registries gave
-- them, each tied to a person (ast_death_evidence); how a received death was tied is said in the explanation.
with deaths as (
  select p.id_number, d.record_id, d.death_date, d.detail,
         row_number() over (partition by p.id_number order by d.death_date, d.record_id) as n
  from ast_death_evidence d join jur_person p on p.person_id = d.person_id),
death as (select id_number, record_id, death_date, detail from deaths where n = 1),
hit as (
  select s.payment_id, s.program, s.region_code, s.period, s.amount, s.recipient_id, p.name, death.id_number,
         death.record_id, death.death_date, death.detail
  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id
  join death on death.id_number = p.id_number
  where s.period > risk_month(death.death_date))
select id_number || '/' || program as key, min(recipient_id) as subject_id, min(region_code) as region_code,
  risk_span(min(period), max(period)) as period,
  sum(amount) as amount,
  risk_list('deaths.csv:' || record_id) || array_agg('subsidies.csv:' || payment_id) as records,
  risk_month_zh(min(period)) as f0, risk_month_zh(risk_month(death_date)) as f1, min(name) as f2,
  risk_program_zh(program) as f3, '' || count(*) as f4, risk_money(sum(amount)) as f5,
  coalesce('（死亡登记' || detail || '）', '') as f6
from hit group by id_number, record_id, death_date, detail, program
