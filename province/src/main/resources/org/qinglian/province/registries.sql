-- The registries as received (QDX 1.1: deaths, vehicles, properties, public employees as other departments record
-- them) tied to a person of their county by the exchange spec's identity readings, as the platform's ast_tie
-- (server/.../db/migration/assets/V1_3_2) ties them: the first reading that applies, and why, for the explanation.
-- A version-1 row names its person (person_id) and is its own evidence.
create or replace temporary function prov_name_key(name string) returns string
  return regexp_replace(name, '[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]', '');
create or replace temporary function prov_id_check(first17 string) returns string
  return substr('10X98765432', cast(aggregate(sequence(1, 17), 0, (acc, i) -> acc
      + coalesce(try_cast(substr(first17, i, 1) as int), 0) * element_at(array(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), i))
    % 11 as int) + 1, 1);
create or replace temporary function prov_id_valid(id string) returns boolean
  return case when id rlike '^[0-9]{17}[0-9X]$' then right(id, 1) = prov_id_check(left(id, 17)) else false end;
create or replace temporary function prov_id_upgrade(old15 string) returns string
  return left(old15, 6) || '19' || substr(old15, 7) || prov_id_check(left(old15, 6) || '19' || substr(old15, 7));
create or replace temporary function prov_one_typo(a string, b string) returns boolean
  return length(a) = length(b) and a <> b and (
    size(filter(sequence(1, length(a)), i -> substr(a, i, 1) <> substr(b, i, 1))) = 1
    or exists(sequence(1, length(a) - 1), i -> substr(a, i, 1) = substr(b, i + 1, 1)
      and substr(a, i + 1, 1) = substr(b, i, 1) and substr(a, i, 1) <> substr(a, i + 1, 1)
      and left(a, i - 1) = left(b, i - 1) and substr(a, i + 2) = substr(b, i + 2)));

create or replace temporary view prov_person_key as
  select county, person_id, id_number, upper(id_number) as idu, prov_name_key(name) as key,
         coalesce(birth_date, try_to_date(substr(id_number, 7, 8), 'yyyyMMdd')) as born
  from prov_person;
create or replace temporary view prov_received as
  select county, file, record_id, given, upgraded, key, born,
         case when upgraded then prov_id_upgrade(v0) else v0 end as v
  from (
    select county, file, record_id, nullif(person_id, '') as given, v0, coalesce(v0 rlike '^[0-9]{15}$', false) as upgraded,
           nullif(prov_name_key(nullif(trim(name), '')), '') as key, cast(birth_date as date) as born
    from (
      select county, 'deaths' as file, record_id, person_id, upper(nullif(trim(id_number), '')) as v0, name, birth_date
      from raw_deaths where record_id is not null
      union all
      select county, 'vehicles', record_id, person_id, upper(nullif(trim(id_number), '')), name, birth_date
      from raw_vehicles where record_id is not null
      union all
      select county, 'properties', record_id, person_id, upper(nullif(trim(id_number), '')), name, birth_date
      from raw_properties where record_id is not null
      union all
      select county, 'public_employees', record_id, person_id, upper(nullif(trim(id_number), '')), name, birth_date
      from raw_public_employees where record_id is not null) r) n;
create or replace temporary view prov_tie as
  select county, file, record_id, given as person_id, cast(null as string) as detail
  from prov_received where given is not null
  union all
  -- no number: the one identity of that name and birth date
  select r.county, r.file, r.record_id, min(p.person_id), '无身份证号，按姓名和出生日期唯一对应'
  from prov_received r join prov_person_key p on p.county = r.county and p.key = r.key and p.born = r.born
  where r.given is null and r.v is null and r.key is not null and r.born is not null
  group by r.county, r.file, r.record_id having count(distinct p.idu) = 1
  union all
  -- a valid number (a 15-digit one upgraded) of the county, its name empty or one of the number's
  select r.county, r.file, r.record_id, min(p.person_id),
         case when r.upgraded then '身份证号为15位旧号，升级为' || r.v || '后一致' else '身份证号一致' end
  from prov_received r join prov_person_key p on p.county = r.county and p.id_number in (r.v, lower(r.v))
  where r.given is null and r.v is not null and prov_id_valid(r.v)
  group by r.county, r.file, r.record_id, r.upgraded, r.v, r.key
  having r.key is null or max(case when p.key = r.key then 1 else 0 end) = 1
  union all
  -- a mistyped number: the one identity of the same name a character or a swap away
  select r.county, r.file, r.record_id, min(p.person_id),
         '身份证号' || r.v || '校验位不符，与同名的' || min(p.idu) || '仅差一处录入错误'
  from prov_received r join prov_person_key p on p.county = r.county and p.key = r.key and prov_one_typo(p.idu, r.v)
  where r.given is null and r.v is not null and not prov_id_valid(r.v) and length(r.v) = 18 and r.key is not null
  group by r.county, r.file, r.record_id, r.v having count(distinct p.idu) = 1;

create or replace temporary view ast_death_evidence as
  select prov_q(county, person_id) as record_id, prov_q(county, person_id) as person_id,
         cast(death_date as date) as death_date, cast(null as string) as detail
  from raw_deaths where record_id is null
  union all
  select prov_q(d.county, d.record_id), prov_q(d.county, t.person_id), cast(d.death_date as date), t.detail
  from raw_deaths d join prov_tie t on t.county = d.county and t.file = 'deaths' and t.record_id = d.record_id;
create or replace temporary view ast_vehicle_evidence as
  select prov_q(county, person_id) as person_id, plate, cast(registered_on as date) as registered_on,
         cast(value as decimal(14, 2)) as value, cast(null as string) as detail
  from raw_vehicles where record_id is null
  union all
  select prov_q(v.county, t.person_id), v.plate, cast(v.registered_on as date), cast(v.value as decimal(14, 2)), t.detail
  from raw_vehicles v join prov_tie t on t.county = v.county and t.file = 'vehicles' and t.record_id = v.record_id;
create or replace temporary view ast_property_evidence as
  select prov_q(county, person_id) as person_id, address, cast(area as decimal(20, 6)) as area,
         cast(registered_on as date) as registered_on, cast(null as string) as detail
  from raw_properties where record_id is null
  union all
  select prov_q(p.county, t.person_id), p.address, cast(p.area as decimal(20, 6)), cast(p.registered_on as date), t.detail
  from raw_properties p join prov_tie t on t.county = p.county and t.file = 'properties' and t.record_id = p.record_id;
create or replace temporary view ast_public_employee_evidence as
  select prov_q(county, person_id) as person_id, employer, cast(start_date as date) as start_date,
         cast(end_date as date) as end_date, cast(null as string) as detail
  from raw_public_employees where record_id is null
  union all
  select prov_q(e.county, t.person_id), e.employer, cast(e.start_date as date), cast(e.end_date as date), t.detail
  from raw_public_employees e join prov_tie t on t.county = e.county and t.file = 'public_employees'
   and t.record_id = e.record_id;
