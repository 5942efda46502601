-- The platform's tables, as the rules read them, over many counties' bundles (raw_<file>: a file's rows of every
-- bundle as text, with the bundle's county). An id of a county's record is qualified by the county (prov_q), so
-- that the counties' ids never meet: each county is read as the platform reads it, on its own. The scan takes
-- the qualification off what it writes.
create or replace temporary function prov_q(county string, id string) returns string
  return case when id is null or id = '' then null else char(31) || county || char(31) || id end;
create or replace temporary function prov_text(s string) returns string return nullif(s, '');

create or replace temporary view jur_region as
  select region_code, name, level, prov_text(parent_code) as parent_code, cast(cashless_since as date) as cashless_since
  from raw_regions;
create or replace temporary view prov_person as
  select county, person_id, prov_text(id_number) as id_number, name, cast(birth_date as date) as birth_date,
         prov_text(household_id) as household_id, region_code
  from raw_persons;
create or replace temporary view jur_person as
  select prov_q(county, person_id) as person_id, prov_q(county, id_number) as id_number, name, birth_date,
         prov_q(county, household_id) as household_id, region_code
  from prov_person;
create or replace temporary view jur_position as
  select prov_q(county, person_id) as person_id, region_code, role, cast(start_date as date) as start_date,
         cast(end_date as date) as end_date
  from raw_positions;
create or replace temporary view risk_cadre_position as
  select person_id, region_code, role, start_date, end_date from jur_position
  where role in ('party_secretary', 'committee_director', 'committee_member', 'accountant');
create or replace temporary view jur_organization as
  select prov_q(county, org_id) as org_id, name, prov_q(county, legal_rep_id) as legal_rep_id, region_code,
         cast(registered_on as date) as registered_on
  from raw_organizations;
create or replace temporary view jur_org_person as
  select prov_q(county, org_id) as org_id, prov_q(county, person_id) as person_id, role from raw_org_people;
create or replace temporary view ast_contract as
  select prov_q(county, contract_id) as contract_id, region_code, kind, prov_q(county, asset_id) as asset_id,
         prov_q(county, counterparty_id) as counterparty_id, cast(signed_on as date) as signed_on,
         cast(start_on as date) as start_on, cast(end_on as date) as end_on, cast(amount as decimal(14, 2)) as amount,
         cast(annual_rent as decimal(14, 2)) as annual_rent, prov_text(award_method) as award_method,
         prov_q(county, exercise_id) as exercise_id
  from raw_contracts;
create or replace temporary view ast_voucher as
  select prov_q(county, voucher_id) as voucher_id, region_code, cast(booked_on as date) as booked_on, direction,
         cast(amount as decimal(14, 2)) as amount, method, prov_q(county, counterparty_id) as counterparty_id,
         category, prov_text(invoice_no) as invoice_no,
         case when prov_text(approver_ids) is not null
              then array_join(transform(split(approver_ids, ';'),
                                   a -> case when a = '' then '' else char(31) || county || char(31) || a end), ';') end
           as approver_ids,
         prov_q(county, project_id) as project_id, prov_q(county, exercise_id) as exercise_id,
         cast(disclosed_on as date) as disclosed_on
  from raw_vouchers;
create or replace temporary view ast_project as
  select prov_q(county, project_id) as project_id, region_code, name, cast(budget as decimal(14, 2)) as budget,
         prov_q(county, contract_id) as contract_id, prov_q(county, contractor_id) as contractor_id,
         cast(started_on as date) as started_on
  from raw_projects;
create or replace temporary view ast_project_item as
  select prov_q(county, project_id) as project_id, cast(line_no as int) as line_no, work_code,
         prov_text(description) as description, cast(quantity as decimal(24, 6)) as quantity,
         cast(unit_price as decimal(14, 2)) as unit_price
  from raw_project_items;
create or replace temporary view ast_reference_price as
  select work_code, period, cast(price as decimal(14, 2)) as price, region_code from raw_reference_prices;
create or replace temporary view ast_asset as
  select prov_q(county, asset_id) as asset_id, region_code, kind, name, cast(area as decimal(20, 6)) as area
  from raw_assets;
create or replace temporary view ast_subsidy as
  select prov_q(county, payment_id) as payment_id, program, prov_q(county, recipient_id) as recipient_id,
         region_code, period, cast(amount as decimal(14, 2)) as amount, cast(paid_on as date) as paid_on
  from raw_subsidies;
create or replace temporary view pow_exercise as
  select prov_q(county, exercise_id) as exercise_id, item_code, region_code, title,
         prov_q(county, initiator_id) as initiator_id, cast(amount as decimal(14, 2)) as amount,
         cast(started_on as date) as started_on, status
  from raw_power_exercises;
create or replace temporary view pow_exercise_event as
  select prov_q(county, exercise_id) as exercise_id, step_code, cast(occurred_on as date) as occurred_on
  from raw_exercise_events;
-- the flows: one per item code in a province (the scan refuses bundles whose flows of an item differ)
create or replace temporary view pow_step as
  select distinct item_code, step_code, name, prov_text(after) as after, cast(min_days as int) as min_days,
         cast(disclosure as boolean) as disclosure, cast(optional as boolean) as optional
  from raw_power_steps;

-- near kin (identities: ID numbers): declared ties of the near kinds either way, one household, oneself
create or replace temporary view prov_kin as
  select p.id_number as a, r.id_number as b from raw_kin k
  join jur_person p on p.person_id = prov_q(k.county, k.person_id)
  join jur_person r on r.person_id = prov_q(k.county, k.relative_id)
  where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law');
create or replace temporary view risk_near_kin as
  with hh as (select distinct id_number, household_id from jur_person where household_id is not null)
  select distinct a, b from (
    select id_number as a, id_number as b from jur_person
    union all select a, b from prov_kin
    union all select b, a from prov_kin
    union all select x.id_number, y.id_number from hh x join hh y on y.household_id = x.household_id) t;
