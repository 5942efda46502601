-- A disclosure step (公示) followed by its next step sooner than its min_days.
-- by village: pow_exercise
select e.exercise_id as key, e.initiator_id as subject_id, e.region_code,
  risk_month(e.started_on) as period, e.amount as amount,
  risk_list('power_exercises.csv:' || e.exercise_id) as records,
  e.title as f0, min(ds.name) as f1, '' || min(risk_days_between(de.occurred_on, ne.occurred_on)) as f2,
  min(ns.name) as f3, '' || min(ds.min_days) as f4
from pow_exercise e
join pow_exercise_event de on de.exercise_id = e.exercise_id
join pow_step ds on ds.item_code = e.item_code and ds.step_code = de.step_code and ds.disclosure
  and ds.min_days is not null
join pow_step ns on ns.item_code = e.item_code and risk_in_list(ds.step_code, ns.after)
join pow_exercise_event ne on ne.exercise_id = e.exercise_id and ne.step_code = ns.step_code
where risk_days_between(de.occurred_on, ne.occurred_on) < ds.min_days
group by e.exercise_id, e.initiator_id, e.region_code, e.started_on, e.amount, e.title
