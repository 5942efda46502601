-- The ties of the registries as received, kept with their rows (the spec's resolution of a row to a person, or why
-- it names nobody): computed once when the persons or a registry changed, not for every read. basis is what they
-- were computed from (a fingerprint of the persons and the received rows); a reader finding it out of date ties
-- again first (ReceivedRegistries.tie()).
create table ast_tie_kept (
    file       varchar(32)  not null,
    record_id  varchar(64)  not null,
    -- what the tie was read from: a row changed since is no evidence until it is tied again
    given_id   varchar(64),
    id_number  varchar(18),
    name       varchar(100),
    birth_date date,
    person_id  varchar(64),
    tie        text         not null,
    detail     text,
    primary key (file, record_id)
);
create index ast_tie_kept_person on ast_tie_kept (person_id);

create table ast_tie_basis (
    only_row    boolean primary key default true check (only_row),
    fingerprint text    not null
);

-- What the ties depend on, in one value: the version of the readings (a migration that changes ast_tie or the
-- functions it calls raises it), every person's id, number, name and birth date, and every received row's (each row
-- as its text, so that a NULL is told from an empty string and no field runs into the next).
create function ast_tie_fingerprint() returns text
language sql stable as $$
    select concat_ws('/', 'readings-1',
        (select count(*) || ':' || coalesce(sum(hashtextextended(row(person_id, id_number, name, birth_date)::text, 0)), 0)
         from jur_person),
        (select count(*) || ':' || coalesce(sum(hashtextextended(row(record_id, person_id, id_number, name, birth_date)::text, 1)), 0)
         from ast_death_received),
        (select count(*) || ':' || coalesce(sum(hashtextextended(row(record_id, person_id, id_number, name, birth_date)::text, 2)), 0)
         from ast_vehicle_received),
        (select count(*) || ':' || coalesce(sum(hashtextextended(row(record_id, person_id, id_number, name, birth_date)::text, 3)), 0)
         from ast_property_received),
        (select count(*) || ':' || coalesce(sum(hashtextextended(row(record_id, person_id, id_number, name, birth_date)::text, 4)), 0)
         from ast_public_employee_received))
$$;

-- The registries as the rules read them, now from the kept ties.
create or replace view ast_death_evidence as
    select d.person_id as record_id, d.person_id, d.death_date, 'linked' as tie, null::text as detail from ast_death d
    union all
    select r.record_id, k.person_id::varchar, r.death_date, k.tie, case when k.tie <> 'linked' then k.detail end
    from ast_death_received r join ast_tie_kept k on k.file = 'deaths.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    where k.person_id is not null;

create or replace view ast_vehicle_evidence as
    select v.person_id, v.plate, v.registered_on, v.value, 'linked' as tie, null::text as detail from ast_vehicle v
    union all
    select k.person_id::varchar, r.plate, r.registered_on, r.value, k.tie, case when k.tie <> 'linked' then k.detail end
    from ast_vehicle_received r join ast_tie_kept k on k.file = 'vehicles.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    where k.person_id is not null;

create or replace view ast_property_evidence as
    select p.person_id, p.address, p.area, p.registered_on, 'linked' as tie, null::text as detail from ast_property p
    union all
    select k.person_id::varchar, r.address, r.area, r.registered_on, k.tie, case when k.tie <> 'linked' then k.detail end
    from ast_property_received r join ast_tie_kept k on k.file = 'properties.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    where k.person_id is not null;

create or replace view ast_public_employee_evidence as
    select e.person_id, e.employer, e.start_date, e.end_date, 'linked' as tie, null::text as detail
    from ast_public_employee e
    union all
    select k.person_id::varchar, r.employer, r.start_date, r.end_date, k.tie, case when k.tie <> 'linked' then k.detail end
    from ast_public_employee_received r join ast_tie_kept k on k.file = 'public_employees.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    where k.person_id is not null;

-- Every received row with its kept tie, for the list of rows that tie to nobody. (The casts keep the columns'
-- types as the views had them.)
create or replace view ast_received_tie as
    select 'deaths.csv' as file, r.record_id, r.id_number, r.name, r.birth_date, k.person_id::text, k.tie, k.detail
    from ast_death_received r join ast_tie_kept k on k.file = 'deaths.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    union all
    select 'vehicles.csv', r.record_id, r.id_number, r.name, r.birth_date, k.person_id::text, k.tie, k.detail
    from ast_vehicle_received r join ast_tie_kept k on k.file = 'vehicles.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    union all
    select 'properties.csv', r.record_id, r.id_number, r.name, r.birth_date, k.person_id::text, k.tie, k.detail
    from ast_property_received r join ast_tie_kept k on k.file = 'properties.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date)
    union all
    select 'public_employees.csv', r.record_id, r.id_number, r.name, r.birth_date, k.person_id::text, k.tie, k.detail
    from ast_public_employee_received r join ast_tie_kept k on k.file = 'public_employees.csv' and k.record_id = r.record_id
      and (k.given_id, k.id_number, k.name, k.birth_date) is not distinct from (r.person_id, r.id_number, r.name, r.birth_date);
