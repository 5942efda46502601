-- A subsidy paid to near kin of a village cadre in office on the day of payment, in that village.
with hit as (
  select distinct c.person_id as cadre, cp.name as cadre_name, s.payment_id, s.region_code, s.program,
         s.period, s.amount, r.id_number as rid, r.name as rname
  from ast_subsidy s
  join jur_person r on r.person_id = s.recipient_id
  join risk_near_kin k on k.b = r.id_number
  join jur_person cp on cp.id_number = k.a
  join risk_cadre_position c on c.person_id = cp.person_id and c.region_code = s.region_code
   and risk_in_force(c.start_date, c.end_date, s.paid_on))
select h.cadre || '/' || h.rid || '/' || h.program as key, h.cadre as subject_id, h.region_code,
  risk_span(min(h.period), max(h.period)) as period,
  sum(h.amount) as amount, array_agg('subsidies.csv:' || h.payment_id) as records,
  h.cadre_name as f0, g.name as f1, min(h.rname) as f2, risk_program_zh(h.program) as f3, '' || count(*) as f4,
  risk_money(sum(h.amount)) as f5
from hit h left join jur_region g on g.region_code = h.region_code
group by h.cadre, h.cadre_name, h.rid, h.program, h.region_code, g.name
