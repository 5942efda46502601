-- A project's unit prices above :factor times the county's reference price of the work item in the quarter the
-- project started (the county's: the first six digits of the project's region and six zeros).
-- by village: ast_project
with hit as (
  select i.project_id, i.line_no, i.unit_price, i.quantity, rp.price,
         coalesce(i.description, i.work_code) || ' ' || risk_money(i.unit_price) || '元，信息价 '
           || risk_money(rp.price) || '元' as said
  from ast_project_item i
  join ast_project pr on pr.project_id = i.project_id
  join ast_reference_price rp on rp.work_code = i.work_code and rp.region_code = left(pr.region_code, 6) || '000000'
    and rp.period = risk_quarter(pr.started_on)
  where pr.started_on is not null and i.unit_price > :factor * rp.price),
-- the lines as they are numbered
listed as (
  select project_id, row_number() over (partition by project_id order by line_no) as n,
         risk_join_in_order(array_agg(said) over (partition by project_id order by line_no
                                                  rows between unbounded preceding and unbounded following), '；')
           as said
  from hit)
select pr.project_id as key, pr.contractor_id as subject_id, pr.region_code,
  risk_quarter(pr.started_on) as period,
  round(sum((h.unit_price - h.price) * h.quantity), 2) as amount,
  risk_list('projects.csv:' || pr.project_id)
    || array_agg('project_items.csv:' || h.project_id || '#' || h.line_no) as records,
  pr.name as f0, '' || count(*) as f1, l.said as f2,
  risk_money(round(sum((h.unit_price - h.price) * h.quantity), 2)) as f3, '' || :factor as f4
from hit h
join ast_project pr on pr.project_id = h.project_id
join listed l on l.project_id = h.project_id and l.n = 1
group by pr.project_id, pr.contractor_id, pr.region_code, pr.started_on, pr.name, l.said
