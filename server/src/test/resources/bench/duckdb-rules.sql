-- A second, independent reading of the risk rules, for DuckDB over a bundle's CSV files: bench/duckdb.sh runs it
-- beside the platform's scan and compares the two finding for finding. Written from the exchange spec's "Default
-- policy settings" and "Precise readings of the policy", with the spec's defaults. Each statement after
-- '-- rule: CODE' yields subject_id, region_code, amount and records (a list of 'file:record_id').

-- load: the files, as text
create table regions as select * from read_csv('${bundle}/regions.csv', header = true, all_varchar = true);
create table persons as select * from read_csv('${bundle}/persons.csv', header = true, all_varchar = true);
create table positions as select * from read_csv('${bundle}/positions.csv', header = true, all_varchar = true);
create table kin as select * from read_csv('${bundle}/kin.csv', header = true, all_varchar = true);
create table organizations as select * from read_csv('${bundle}/organizations.csv', header = true, all_varchar = true);
create table org_people as select * from read_csv('${bundle}/org_people.csv', header = true, all_varchar = true);
create table subsidies as select * from read_csv('${bundle}/subsidies.csv', header = true, all_varchar = true);
create table vouchers as select * from read_csv('${bundle}/vouchers.csv', header = true, all_varchar = true);
create table contracts as select * from read_csv('${bundle}/contracts.csv', header = true, all_varchar = true);
create table projects as select * from read_csv('${bundle}/projects.csv', header = true, all_varchar = true);
create table project_items as select * from read_csv('${bundle}/project_items.csv', header = true, all_varchar = true);
create table reference_prices as select * from read_csv('${bundle}/reference_prices.csv', header = true, all_varchar = true);
create table assets as select * from read_csv('${bundle}/assets.csv', header = true, all_varchar = true);
create table power_exercises as select * from read_csv('${bundle}/power_exercises.csv', header = true, all_varchar = true);
create table exercise_events as select * from read_csv('${bundle}/exercise_events.csv', header = true, all_varchar = true);
create table power_steps as select * from read_csv('${bundle}/power_steps.csv', header = true, all_varchar = true);
create table deaths as select * from read_csv('${bundle}/deaths.csv', header = true, all_varchar = true);
create table vehicles as select * from read_csv('${bundle}/vehicles.csv', header = true, all_varchar = true);
create table properties as select * from read_csv('${bundle}/properties.csv', header = true, all_varchar = true);
create table public_employees as select * from read_csv('${bundle}/public_employees.csv', header = true, all_varchar = true);

-- setup: who is who
create macro nm(s) as regexp_replace(coalesce(s, ''), '[\s\x{3000}]', '', 'g');
create macro check_char(n17) as substr('10X98765432', cast(list_sum(list_transform(range(17),
    lambda i: cast(substr(n17, i + 1, 1) as int) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i + 1])) % 11 as bigint) + 1, 1);
create macro day(s) as try_cast(nullif(s, '') as date);
create macro money(s) as cast(nullif(s, '') as decimal(18, 2));
-- one identity a distinct ID number; a person row belongs to the identity of its number
create table person as select person_id, upper(id_number) as idn, nm(name) as nname, name, day(birth_date) as born,
    nullif(household_id, '') as household_id, region_code from persons;
-- the registries' rows as the spec's 'Registries as received' resolve them (version 1: person_id is given)
create table received as
    select 'deaths.csv' as file, * from (select ${deaths_cols} from deaths)
    union all select 'vehicles.csv', * from (select ${vehicles_cols} from vehicles)
    union all select 'properties.csv', * from (select ${properties_cols} from properties)
    union all select 'public_employees.csv', * from (select ${employees_cols} from public_employees);
create table received_n as
    select file, record_id, nullif(person_id, '') as person_id, nm(name) as nname, day(birth_date) as born,
        case when length(upper(id_number)) = 15 and regexp_full_match(id_number, '[0-9]{15}')
             then substr(id_number, 1, 6) || '19' || substr(id_number, 7, 9)
                  || check_char(substr(id_number, 1, 6) || '19' || substr(id_number, 7, 9))
             else nullif(upper(id_number), '') end as idn
    from received;
create table resolved as
    -- 1. a person given
    select r.file, r.record_id, p.idn from received_n r join person p on p.person_id = r.person_id
    union all
    -- 3. a valid number of the county, its name empty or one of the number's names
    select r.file, r.record_id, r.idn from received_n r
    where r.person_id is null and r.idn is not null and length(r.idn) = 18
      and regexp_full_match(substr(r.idn, 1, 17), '[0-9]{17}') and check_char(substr(r.idn, 1, 17)) = substr(r.idn, 18, 1)
      and exists (select 1 from person p where p.idn = r.idn and (r.nname = '' or p.nname = r.nname))
    union all
    -- 4. a mistyped number: the one identity of the same name a character or a swap away
    select file, record_id, min(idn) from (
        select distinct r.file, r.record_id, p.idn from received_n r join person p on p.nname = r.nname and r.nname <> ''
        where r.person_id is null and r.idn is not null and length(r.idn) = 18
          and not (regexp_full_match(substr(r.idn, 1, 17), '[0-9]{17}') and check_char(substr(r.idn, 1, 17)) = substr(r.idn, 18, 1))
          and (len(list_filter(range(18), lambda i: substr(r.idn, i + 1, 1) <> substr(p.idn, i + 1, 1))) = 1
               or list_bool_or(list_transform(range(17), lambda i:
                    substr(r.idn, i + 1, 1) = substr(p.idn, i + 2, 1) and substr(r.idn, i + 2, 1) = substr(p.idn, i + 1, 1)
                    and substr(r.idn, i + 1, 1) <> substr(r.idn, i + 2, 1)
                    and substr(r.idn, 1, i) = substr(p.idn, 1, i) and substr(r.idn, i + 3) = substr(p.idn, i + 3))))) c
    group by file, record_id having count(*) = 1
    union all
    -- 5. no number: the one identity of that name and birth date
    select file, record_id, min(idn) from (
        select distinct r.file, r.record_id, p.idn from received_n r join person p on p.nname = r.nname and p.born = r.born
        where r.person_id is null and r.idn is null and r.nname <> '') c
    group by file, record_id having count(*) = 1;
-- near kin: declared ties of the near kinds either way, one household, oneself (identities)
create table near_kin as
    select distinct a, b from (
        select idn a, idn b from person
        union all select p.idn, r.idn from kin k join person p on p.person_id = k.person_id join person r on r.person_id = k.relative_id
            where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
        union all select r.idn, p.idn from kin k join person p on p.person_id = k.person_id join person r on r.person_id = k.relative_id
            where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
        union all select x.idn, y.idn from person x join person y on y.household_id = x.household_id);
create table cadre as select person_id, region_code, day(start_date) as s, day(end_date) as e from positions
    where role in ('party_secretary', 'committee_director', 'committee_member', 'accountant');
create table voucher as select voucher_id, region_code, day(booked_on) as d, direction, money(amount) as amount, method,
    nullif(counterparty_id, '') as cp, category, nullif(invoice_no, '') as invoice_no,
    nullif(split_part(coalesce(approver_ids, ''), ';', 1), '') as approver, nullif(project_id, '') as project_id,
    nullif(exercise_id, '') as exercise_id, day(disclosed_on) as disclosed_on from vouchers;
create table subsidy as select s.payment_id, s.program, s.recipient_id, s.region_code, s.period, money(s.amount) as amount,
    day(s.paid_on) as paid_on, p.idn from subsidies s join person p on p.person_id = s.recipient_id;
create table contract as select contract_id, region_code, kind, asset_id, nullif(counterparty_id, '') as cp,
    day(signed_on) as signed_on, day(start_on) as start_on, day(end_on) as end_on, money(amount) as amount,
    money(annual_rent) as rent, award_method, nullif(exercise_id, '') as exercise_id from contracts;
create table org_tie as select org_id, legal_rep_id as person_id, 'legal_rep' as role from organizations where legal_rep_id <> ''
    union select org_id, person_id, role from org_people;
create macro holder(region, held, d0, d1) as (select person_id from positions
    where region_code = region and role = held and day(start_date) <= d1 and (day(end_date) is null or day(end_date) >= d0)
    order by day(start_date) desc limit 1);

-- rule: subsidy_after_death
with death as (select arg_min(${death_record_id}, (day(d.death_date), ${death_record_id})) as record_id, r.idn, min(day(d.death_date)) as died
               from deaths d join resolved r on r.file = 'deaths.csv' and r.record_id = ${death_record_id}
               group by r.idn)
select min(s.recipient_id) as subject_id, min(s.region_code) as region_code, sum(s.amount) as amount,
    list('subsidies.csv:' || s.payment_id) || ['deaths.csv:' || any_value(death.record_id)] as records
from subsidy s join death on death.idn = s.idn
where s.period > strftime(death.died, '%Y-%m')
group by s.idn, s.program;

-- rule: subsidy_in_two_villages
with months as (select idn, program, period from subsidy group by all having count(distinct region_code) >= 2),
hit as (select s.* from subsidy s join months using (idn, program, period)),
extra as (select idn, program, sum(a) as a from (select idn, program, period, sum(amount) - max(amount) as a from hit group by all) group by all)
select min(h.recipient_id), min(h.region_code), any_value(e.a), list('subsidies.csv:' || h.payment_id)
from hit h join extra e using (idn, program) group by h.idn, h.program;

-- rule: kin_subsidy
select c.person_id, s.region_code, sum(s.amount), list('subsidies.csv:' || s.payment_id)
from subsidy s join near_kin k on k.b = s.idn join person cp on cp.idn = k.a
join cadre c on c.person_id = cp.person_id and c.region_code = s.region_code and c.s <= s.paid_on
    and (c.e is null or c.e >= s.paid_on)
group by c.person_id, s.idn, s.program, s.region_code;

-- rule: dibao_ineligible_household
with pay as (select * from subsidy where program = 'dibao'),
members as (select distinct x.idn as rid, m.idn as member from person x join person m on m.household_id = x.household_id
            where x.idn in (select idn from pay)),
vehicle as (select r.idn, day(v.registered_on) as d from vehicles v join resolved r on r.file = 'vehicles.csv'
            and r.record_id = ${vehicle_record_id} where money(v.value) >= 50000),
employee as (select r.idn, day(e.start_date) as s, day(e.end_date) as e from public_employees e
             join resolved r on r.file = 'public_employees.csv' and r.record_id = ${employee_record_id}),
property as (select r.idn, p.address, day(p.registered_on) as d from properties p
             join resolved r on r.file = 'properties.csv' and r.record_id = ${property_record_id}),
boss as (select p.idn, day(o.registered_on) as d from org_tie t join organizations o on o.org_id = t.org_id
         join person p on p.person_id = t.person_id where t.role in ('legal_rep', 'shareholder')),
hit as (select distinct pay.payment_id, pay.idn, pay.recipient_id, pay.region_code, pay.amount from pay
        where exists (select 1 from members m join vehicle v on v.idn = m.member where m.rid = pay.idn and (v.d is null or v.d <= pay.paid_on))
           or exists (select 1 from members m join employee e on e.idn = m.member where m.rid = pay.idn
                      and (e.s is null or e.s <= pay.paid_on) and (e.e is null or e.e >= pay.paid_on))
           or exists (select 1 from members m join boss b on b.idn = m.member where m.rid = pay.idn and (b.d is null or b.d <= pay.paid_on))
           or (select count(distinct pr.address) from members m join property pr on pr.idn = m.member
               where m.rid = pay.idn and (pr.d is null or pr.d <= pay.paid_on)) >= 2)
select min(recipient_id), min(region_code), sum(amount), list('subsidies.csv:' || payment_id) from hit group by idn;

-- rule: kin_contractor
with items as (
    select 'contracts.csv' as file, contract_id as id, region_code, cp as org, signed_on as d, amount from contract where cp is not null
    union all select 'projects.csv', project_id, region_code, contractor_id, day(started_on), money(budget) from projects
        where contractor_id <> '' and day(started_on) is not null
    union all select 'vouchers.csv', voucher_id, region_code, cp, d, amount from voucher where direction = 'expense' and cp is not null),
hit as (select distinct i.file, i.id, i.region_code, i.org, i.d, i.amount, c.person_id as cadre
        from items i join org_tie t on t.org_id = i.org join person tp on tp.person_id = t.person_id
        join near_kin k on k.b = tp.idn join person cp on cp.idn = k.a
        join cadre c on c.person_id = cp.person_id and c.region_code = i.region_code and c.s <= i.d and (c.e is null or c.e >= i.d))
select cadre, region_code,
    coalesce(sum(amount) filter (where file = 'contracts.csv'), sum(amount) filter (where file = 'vouchers.csv'), sum(amount)),
    list(file || ':' || id)
from hit group by cadre, org, region_code;

-- rule: split_award
with items as (
    select 'contracts.csv' as file, contract_id as id, region_code, cp, kind = 'construction' as big, signed_on as d, amount
    from contract where kind in ('construction', 'procurement', 'service') and cp is not null and amount is not null
        and award_method is distinct from 'open_tender'
    union all
    select 'vouchers.csv', v.voucher_id, v.region_code, v.cp, v.category = 'construction', v.d, v.amount from voucher v
    where v.direction = 'expense' and v.cp is not null and v.category not in ('labor', 'subsidy_payout')
      and not exists (select 1 from projects p join contract c on c.contract_id = p.contract_id
                      where p.project_id = v.project_id and c.award_method = 'open_tender')
      and not exists (select 1 from contract c where c.exercise_id = v.exercise_id and c.award_method = 'open_tender')),
small as (select *, case when big then 400000 else 100000 end as threshold from items
          where amount < case when big then 400000 else 100000 end),
sets as (select a.file, a.cp, a.big, a.region_code, list(b.id) as ids from small a join small b
         on b.file = a.file and b.cp = a.cp and b.big = a.big and b.region_code = a.region_code and b.d >= a.d and b.d <= a.d + 90
         group by a.file, a.cp, a.big, a.region_code, a.id having count(*) >= 2 and sum(b.amount) > max(a.threshold)),
hit as (select distinct file, cp, big, region_code, unnest(ids) as id from sets)
select h.cp, h.region_code, sum(s.amount), list(h.file || ':' || h.id)
from hit h join small s on s.file = h.file and s.id = h.id group by h.file, h.cp, h.big, h.region_code;

-- rule: unit_price_over_reference
select any_value(p.contractor_id), any_value(p.region_code),
    round(sum((money(i.unit_price) - money(r.price)) * cast(i.quantity as decimal(18, 4))), 2),
    list('project_items.csv:' || i.project_id || '#' || i.line_no) || ['projects.csv:' || p.project_id]
from project_items i join projects p on p.project_id = i.project_id
join reference_prices r on r.work_code = i.work_code
    and r.region_code = (select min(region_code) from regions where level = 'county')
    and r.period = strftime(day(p.started_on), '%Y') || '-Q' || quarter(day(p.started_on))
where money(i.unit_price) > 1.3 * money(r.price)
group by p.project_id;

-- rule: payment_over_contract
with paid as (select project_id, sum(amount) as paid, list('vouchers.csv:' || voucher_id) as recs from voucher
              where category = 'construction' and direction = 'expense' and project_id is not null group by project_id)
select p.contractor_id, p.region_code, paid.paid - c.amount, paid.recs || ['projects.csv:' || p.project_id]
from paid join projects p on p.project_id = paid.project_id join contract c on c.contract_id = p.contract_id
where c.amount is not null and paid.paid > 1.15 * c.amount
  and not exists (select 1 from voucher v join power_exercises e on e.exercise_id = v.exercise_id
                  where v.project_id = p.project_id and v.category = 'construction'
                    and e.item_code = 'project_change_order' and e.status = 'done');

-- rule: white_slip
select approver, region_code, sum(amount), list('vouchers.csv:' || voucher_id) from voucher
where direction = 'expense' and amount >= 1000 and invoice_no is null and category not in ('subsidy_payout', 'labor')
group by region_code, approver;

-- rule: cash_in_cashless_village
select v.approver, v.region_code, sum(v.amount), list('vouchers.csv:' || v.voucher_id)
from voucher v join regions r on r.region_code = v.region_code
where v.method = 'cash' and v.amount >= 1000 and day(r.cashless_since) is not null and v.d >= day(r.cashless_since)
group by v.region_code, v.approver;

-- rule: voucher_disclosure_late
with late as (select *, holder(region_code, 'committee_director', d, d) as director from voucher
              where coalesce(disclosed_on, date '9999-12-31') > date_trunc('month', d) + interval 1 month + interval 9 day
                and (disclosed_on is not null or cast(date_trunc('month', d) + interval 1 month + interval 9 day as date) < current_date))
select director, region_code, sum(amount), list('vouchers.csv:' || voucher_id) from late group by region_code, director;

-- rule: disclosure_too_short
select any_value(e.initiator_id), any_value(e.region_code), any_value(money(e.amount)), ['power_exercises.csv:' || e.exercise_id]
from power_exercises e
join exercise_events de on de.exercise_id = e.exercise_id
join power_steps ds on ds.item_code = e.item_code and ds.step_code = de.step_code and ds.disclosure = 'true' and ds.min_days <> ''
join power_steps ns on ns.item_code = e.item_code and list_contains(string_split(ns.after, ';'), ds.step_code)
join exercise_events ne on ne.exercise_id = e.exercise_id and ne.step_code = ns.step_code
where day(ne.occurred_on) - day(de.occurred_on) < cast(ds.min_days as int)
group by e.exercise_id;

-- rule: step_skipped
with done as (select * from power_exercises where status = 'done'),
bad as (
    select e.exercise_id from done e join power_steps s on s.item_code = e.item_code and s.optional <> 'true'
    where not exists (select 1 from exercise_events x where x.exercise_id = e.exercise_id and x.step_code = s.step_code)
    union
    select e.exercise_id from done e join exercise_events ev on ev.exercise_id = e.exercise_id
    join power_steps s on s.item_code = e.item_code and s.step_code = ev.step_code
    join power_steps ps on ps.item_code = e.item_code and list_contains(string_split(s.after, ';'), ps.step_code)
    left join exercise_events pe on pe.exercise_id = e.exercise_id and pe.step_code = ps.step_code
    where (pe.exercise_id is null and ps.optional <> 'true') or day(pe.occurred_on) >= day(ev.occurred_on))
select e.initiator_id, e.region_code, money(e.amount), ['power_exercises.csv:' || e.exercise_id]
from power_exercises e where e.exercise_id in (select exercise_id from bad);

-- rule: lease_below_market
with l as (select c.contract_id, c.region_code, c.cp, c.rent, a.kind, cast(a.area as decimal(18, 4)) as area,
                  c.rent / cast(a.area as decimal(18, 4)) as unit
           from contract c join assets a on a.asset_id = c.asset_id
           where c.kind = 'lease' and c.rent is not null and cast(a.area as decimal(18, 4)) > 0),
m as (select left(region_code, 9) as tw, kind, quantile_cont(cast(unit as double), 0.5) as median from l group by all)
select l.cp, l.region_code, round(cast(m.median as decimal(18, 6)) * l.area - l.rent, 2), ['contracts.csv:' || l.contract_id]
from l join m on m.tw = left(l.region_code, 9) and m.kind = l.kind
where l.unit < 0.5 * m.median;

-- rule: lease_income_missing
with years as (select c.contract_id, c.region_code, c.cp, c.rent, c.end_on, k,
                      cast(c.start_on + to_years(k) as date) as y0, cast(c.start_on + to_years(k + 1) - interval 1 day as date) as y1
               from contract c, range(0, 101) t(k)
               where c.kind = 'lease' and c.rent is not null and c.start_on is not null),
judged as (select y.*, coalesce((select sum(v.amount) from voucher v where v.region_code = y.region_code and v.cp = y.cp
               and v.category = 'lease_income' and v.direction = 'income' and v.d between y.y0 and y.y1), 0) as received,
               coalesce((select list('vouchers.csv:' || v.voucher_id) from voucher v where v.region_code = y.region_code and v.cp = y.cp
               and v.category = 'lease_income' and v.direction = 'income' and v.d between y.y0 and y.y1), []) as recs
           from years y where y.y0 >= date '${period_from}' and y.y1 <= date '${period_to}' and (y.end_on is null or y.y1 <= y.end_on))
select holder(region_code, 'accountant', y0, y1), region_code, rent - received, recs || ['contracts.csv:' || contract_id]
from judged where received <= rent * 0.8;
