-- A completed use of power missing a required step, or a step whose required predecessor is missing or not
-- strictly earlier.
-- by village: pow_exercise
with bad as (
  select e.exercise_id, '缺少“' || s.name || '”' as why
  from pow_exercise e join pow_step s on s.item_code = e.item_code
  where e.status = 'done' and not s.optional
    and not exists (select 1 from pow_exercise_event x where x.exercise_id = e.exercise_id and x.step_code = s.step_code)
  union all
  select e.exercise_id,
         case when pe.exercise_id is null then '“' || s.name || '”前未办理“' || ps.name || '”'
              else '“' || s.name || '”未在“' || ps.name || '”之后' end
  from pow_exercise e
  join pow_exercise_event ev on ev.exercise_id = e.exercise_id
  join pow_step s on s.item_code = e.item_code and s.step_code = ev.step_code
  join pow_step ps on ps.item_code = e.item_code and risk_in_list(ps.step_code, s.after)
  left join pow_exercise_event pe on pe.exercise_id = e.exercise_id and pe.step_code = ps.step_code
  where (pe.exercise_id is null and not ps.optional) or pe.occurred_on >= ev.occurred_on)
select e.exercise_id as key, e.initiator_id as subject_id, e.region_code,
  risk_month(e.started_on) as period, e.amount as amount,
  risk_list('power_exercises.csv:' || e.exercise_id) as records,
  e.title as f0, risk_join(array_agg(distinct b.why), '；') as f1
from bad b join pow_exercise e on e.exercise_id = b.exercise_id
group by e.exercise_id, e.initiator_id, e.region_code, e.started_on, e.amount, e.title
