-- Registries as received (QDX 1.1): deaths, vehicles, properties and public employees as other departments record them,
-- keyed by the source's record id, with the person (if the source had linked one), ID number, name and birth date as the
-- source wrote them. Version-1 bundles keep loading the tables without "_received".
create table ast_death_received (
    record_id  varchar(64)  primary key,
    person_id  varchar(64),
    id_number  varchar(18),
    name       varchar(100),
    birth_date date,
    death_date date         not null
);
create table ast_vehicle_received (
    record_id     varchar(64)  primary key,
    person_id     varchar(64),
    id_number     varchar(18),
    name          varchar(100),
    birth_date    date,
    plate         varchar(16)  not null,
    registered_on date,
    value         numeric(14,2)
);
create table ast_property_received (
    record_id     varchar(64)  primary key,
    person_id     varchar(64),
    id_number     varchar(18),
    name          varchar(100),
    birth_date    date,
    address       varchar(300) not null,
    area          numeric,
    registered_on date
);
create table ast_public_employee_received (
    record_id  varchar(64)  primary key,
    person_id  varchar(64),
    id_number  varchar(18),
    name       varchar(100),
    birth_date date,
    employer   varchar(200) not null,
    start_date date         not null,
    end_date   date
);

-- How a received row is tied to a person of the county, by the first reading of the spec that applies:
--   linked (the source's person_id), old_number (a 15-digit number upgraded, then as number), number (a valid number
--   and an empty or equal name), typo (a wrong check character one typing error from exactly one identity of that
--   name), name_birth (no number: exactly one identity of that name and birth date);
-- or why it is tied to nobody: not_of_county, conflict (a valid number under another name), ambiguous, too_little.
-- person_id is the identity's first person row; detail says in Chinese how, for the officer who checks it.
create function ast_tie(given text, id text, nm text, born date,
                        out person_id text, out tie text, out detail text)
language plpgsql stable parallel safe as $$
declare
    v text := upper(nullif(btrim(id), ''));
    key text := jur_name_key(nullif(btrim(nm), ''));
    upgraded boolean := false;
    n int;
    pid text;
    pname text;
begin
    if given is not null then
        person_id := given; tie := 'linked'; detail := '来源登记已关联本人'; return;
    end if;
    if v is null then
        if key is null or key = '' or born is null then
            tie := 'too_little'; detail := '无身份证号，姓名或出生日期不全'; return;
        end if;
        -- a person without a birth date is born on the day their ID number says
        select count(distinct upper(p.id_number)), min(p.person_id) into n, pid
        from jur_person p where jur_name_key(p.name) = key
          and coalesce(p.birth_date, to_date(substr(p.id_number, 7, 8), 'YYYYMMDD')) = born;
        if n = 1 then
            person_id := pid; tie := 'name_birth'; detail := '无身份证号，按姓名和出生日期唯一对应'; return;
        end if;
        tie := case when n = 0 then 'not_of_county' else 'ambiguous' end;
        detail := case when n = 0 then '本县无此姓名和出生日期的人' else '同名同生日有' || n || '人' end;
        return;
    end if;
    if v ~ '^\d{15}$' then
        v := jur_id_upgrade(v); upgraded := true;
    end if;
    if jur_id_valid(v) then
        select min(p.person_id) into pid from jur_person p where p.id_number in (v, lower(v));
        if pid is null then
            tie := 'not_of_county'; detail := '身份证号不在本县人员库'; return;
        end if;
        if key is not null and key <> '' and not exists (
                select 1 from jur_person p where p.id_number in (v, lower(v)) and jur_name_key(p.name) = key) then
            tie := 'conflict'; detail := '身份证号属于本县另一人，与登记姓名不符'; return;
        end if;
        person_id := pid;
        tie := case when upgraded then 'old_number' else 'number' end;
        detail := case when upgraded then '身份证号为15位旧号，升级为' || v || '后一致' else '身份证号一致' end;
        return;
    end if;
    if length(v) = 18 and key is not null and key <> '' then
        select count(distinct upper(p.id_number)), min(p.person_id), min(upper(p.id_number)) into n, pid, pname
        from jur_person p where jur_name_key(p.name) = key and jur_one_typo(upper(p.id_number), v);
        if n = 1 then
            person_id := pid; tie := 'typo';
            detail := '身份证号' || v || '校验位不符，与同名的' || pname || '仅差一处录入错误'; return;
        end if;
        tie := case when n = 0 then 'not_of_county' else 'ambiguous' end;
        detail := case when n = 0 then '身份证号有误，且无同名者与之仅差一处' else '身份证号有误，同名者中有' || n || '人与之仅差一处' end;
        return;
    end if;
    tie := 'too_little'; detail := '身份证号有误且无姓名'; return;
end
$$;

-- The registries as the rules read them: version-1 rows (tied by person_id; their record id is their key as the
-- findings have always named them) and received rows tied to a person; rows tied to nobody are no evidence.
create view ast_death_evidence as
    select d.person_id as record_id, d.person_id, d.death_date, 'linked' as tie, null::text as detail from ast_death d
    union all
    select r.record_id, t.person_id, r.death_date, t.tie, case when t.tie <> 'linked' then t.detail end
    from ast_death_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    where t.person_id is not null;

create view ast_vehicle_evidence as
    select v.person_id, v.plate, v.registered_on, v.value, 'linked' as tie, null::text as detail from ast_vehicle v
    union all
    select t.person_id, r.plate, r.registered_on, r.value, t.tie, case when t.tie <> 'linked' then t.detail end
    from ast_vehicle_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    where t.person_id is not null;

create view ast_property_evidence as
    select p.person_id, p.address, p.area, p.registered_on, 'linked' as tie, null::text as detail from ast_property p
    union all
    select t.person_id, r.address, r.area, r.registered_on, t.tie, case when t.tie <> 'linked' then t.detail end
    from ast_property_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    where t.person_id is not null;

create view ast_public_employee_evidence as
    select e.person_id, e.employer, e.start_date, e.end_date, 'linked' as tie, null::text as detail
    from ast_public_employee e
    union all
    select t.person_id, r.employer, r.start_date, r.end_date, t.tie, case when t.tie <> 'linked' then t.detail end
    from ast_public_employee_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    where t.person_id is not null;

-- Every received row with its tie, for the list of rows that tie to nobody.
create view ast_received_tie as
    select 'deaths.csv' as file, r.record_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
    from ast_death_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    union all
    select 'vehicles.csv', r.record_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
    from ast_vehicle_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    union all
    select 'properties.csv', r.record_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
    from ast_property_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t
    union all
    select 'public_employees.csv', r.record_id, r.id_number, r.name, r.birth_date, t.person_id, t.tie, t.detail
    from ast_public_employee_received r cross join lateral ast_tie(r.person_id, r.id_number, r.name, r.birth_date) t;
