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
select cadre || '/' || rid || '/' || program as key, cadre as subject_id, region_code,
  risk_span(min(period), max(period)) as period,
  sum(amount) as amount, array_agg('subsidies.csv:' || payment_id order by period, payment_id) as records,
  array[cadre_name, risk_region_name(region_code), min(rname), risk_program_zh(program), count(*)::text,
        risk_money(sum(amount))] as facts
from hit group by cadre, cadre_name, rid, program, region_code
