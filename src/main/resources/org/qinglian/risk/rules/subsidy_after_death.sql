-- A payment for a month after the month of the identity's earliest death. Deaths are read as the registries gave
-- them, each tied to a person (ast_death_evidence); how a received death was tied is said in the explanation.
with death as (
  select distinct on (p.id_number) p.id_number, d.record_id, d.death_date, d.detail
  from ast_death_evidence d join jur_person p on p.person_id = d.person_id
  order by p.id_number, d.death_date, d.record_id),
hit as (
  select s.payment_id, s.program, s.region_code, s.period, s.amount, s.recipient_id, p.name, death.*
  from ast_subsidy s join jur_person p on p.person_id = s.recipient_id
  join death on death.id_number = p.id_number
  where s.period > to_char(death.death_date, 'YYYY-MM'))
select id_number || '/' || program as key, min(recipient_id) as subject_id, min(region_code) as region_code,
  risk_span(min(period), max(period)) as period,
  sum(amount) as amount,
  array['deaths.csv:' || record_id] || array_agg('subsidies.csv:' || payment_id order by period, payment_id) as records,
  array[risk_month_zh(min(period)), to_char(death_date, 'YYYY"年"FMMM"月"'), min(name), risk_program_zh(program),
        count(*)::text, risk_money(sum(amount)), coalesce('（死亡登记' || detail || '）', '')] as facts
from hit group by id_number, record_id, death_date, detail, program
