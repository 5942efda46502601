-- The default creation standards (5 aspects, 19 items, 100 points): this platform's reading of the article.
insert into asm_aspect (aspect_code, seq, name_zh, name_en) values
('organisation', 1, '组织建设与规范化', 'Organisation and standardisation'),
('power', 2, '小微权力监督', 'Supervision of small and micro powers'),
('petitions', 3, '信访举报与群众满意', 'Reports and villagers'' satisfaction'),
('cases', 4, '执纪办案', 'Clues and cases'),
('culture', 5, '清廉文化与警示教育', 'Integrity culture and warning education')
on conflict do nothing;

insert into asm_item (item_code, aspect_code, seq, name_zh, name_en, weight, method, metric, target) values
('premises', 'organisation', 1, '办公场所与标识标牌规范', 'Premises and signage', 5, 'review', null, null),
('six_haves', 'organisation', 2, '“六有”规范化建设（有机构、有人员、有场所、有制度、有台账、有经费）', 'The six standards (body, staff, premises, rules, records, funds)', 10, 'review', null, null),
('grid_coverage', 'organisation', 3, '一村一格覆盖：村监委和监察信息员配备率', 'Grid coverage: villages with a committee and an information officer', 5, 'data', 'grid_coverage', 1),
('exercise_conformance', 'power', 1, '小微权力按流程运行率', 'Uses of power following their flow', 5, 'data', 'exercise_conformance', 0.95),
('disclosure_on_time', 'power', 2, '三资凭证按期公开率（次月10日前）', 'Vouchers disclosed by the 10th of the next month', 5, 'data', 'disclosure_on_time', 1),
('findings_handled', 'power', 3, '廉政风险线索处置率', 'Risk findings handled', 5, 'data', 'findings_handled', 1),
('supervision_tasks', 'power', 4, '政治监督清单任务按期完成率', 'Supervision-list tasks done on time', 5, 'data', 'supervision_tasks_on_time', 1),
('onsite_verifications', 'power', 5, '现场核实（每村年均次数）', 'On-site verifications a village a year', 5, 'data', 'onsite_verifications', 2),
('reports_on_time', 'petitions', 1, '信访举报按期办结率', 'Reports concluded on time', 5, 'data', 'reports_on_time', 1),
('satisfaction', 'petitions', 2, '群众满意率', 'Reporters satisfied', 5, 'data', 'satisfaction', 0.9),
('reports_decline', 'petitions', 3, '信访举报量同比下降（降10%得满分）', 'Fewer reports than last year (10% fewer for full marks)', 5, 'data', 'reports_decline', 0.1),
('station_orders', 'petitions', 4, '联络站接单办结率', 'Liaison-station orders closed', 5, 'data', 'station_orders_closed', 1),
('self_handled', 'cases', 1, '自办案件数', 'Cases the office handled itself', 5, 'data', 'self_handled_cases', 5),
('followups_on_time', 'cases', 2, '“一案五必须”按期完成率', 'Five follow-ups done on time', 5, 'data', 'followups_on_time', 1),
('clues_disposed', 'cases', 3, '问题线索处置率', 'Clues disposed', 5, 'data', 'clues_disposed', 1),
('case_quality', 'cases', 4, '案件质量评查', 'Case quality review', 5, 'review', null, null),
('education_events', 'culture', 1, '警示教育场次', 'Warning-education events', 5, 'data', 'education_events', 2),
('culture_brand', 'culture', 2, '“一镇一品”清廉文化品牌', 'The township''s integrity-culture brand', 5, 'review', null, null),
('culture_activities', 'culture', 3, '“五廉”活动场次', 'Integrity-culture activities', 5, 'data', 'culture_activities', 5)
on conflict do nothing;
