-- A project's unit prices above :factor times the county's reference price of the work item in the quarter the
-- project started.
select pr.project_id as key, pr.contractor_id as subject_id, pr.region_code,
  to_char(pr.started_on, 'YYYY') || '-Q' || to_char(pr.started_on, 'Q') as period,
  round(sum((i.unit_price - rp.price) * i.quantity), 2) as amount,
  array['projects.csv:' || pr.project_id]
    || array_agg('project_items.csv:' || i.project_id || '#' || i.line_no order by i.line_no) as records,
  array[pr.name, count(*)::text,
        string_agg(coalesce(i.description, i.work_code) || ' ' || risk_money(i.unit_price) || '元，信息价 '
                   || risk_money(rp.price) || '元', '；' order by i.line_no),
        risk_money(round(sum((i.unit_price - rp.price) * i.quantity), 2)), cast(:factor as text)] as facts
from ast_project_item i
join ast_project pr on pr.project_id = i.project_id
join ast_reference_price rp on rp.work_code = i.work_code and rp.region_code = :county
  and rp.period = to_char(pr.started_on, 'YYYY') || '-Q' || to_char(pr.started_on, 'Q')
where pr.started_on is not null and i.unit_price > :factor * rp.price
group by pr.project_id, pr.contractor_id, pr.region_code, pr.started_on, pr.name
