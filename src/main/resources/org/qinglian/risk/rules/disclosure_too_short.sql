-- A disclosure step (公示) followed by its next step sooner than its min_days.
select e.exercise_id as key, e.initiator_id as subject_id, e.region_code,
  to_char(e.started_on, 'YYYY-MM') as period, e.amount,
  array['power_exercises.csv:' || e.exercise_id] as records,
  array[e.title, min(ds.name), min(ne.occurred_on - de.occurred_on)::text, min(ns.name), min(ds.min_days)::text] as facts
from pow_exercise e
join pow_exercise_event de on de.exercise_id = e.exercise_id
join pow_step ds on ds.item_code = e.item_code and ds.step_code = de.step_code and ds.disclosure
  and ds.min_days is not null
join pow_step ns on ns.item_code = e.item_code and ds.step_code = any(string_to_array(ns.after, ';'))
join pow_exercise_event ne on ne.exercise_id = e.exercise_id and ne.step_code = ns.step_code
where ne.occurred_on - de.occurred_on < ds.min_days
group by e.exercise_id, e.initiator_id, e.region_code, e.started_on, e.amount, e.title
