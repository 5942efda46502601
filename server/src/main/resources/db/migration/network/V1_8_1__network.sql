-- The supervision network (监督网格): liaison stations and their orders, on-site verifications, the political
-- supervision list of major projects, each township's integrity culture. The grid's cells are the villages and their
-- members come from jur_position (supervision_director, supervision_member, info_officer): no table of their own.

-- Liaison stations (村（社区）监察工作联络站) of a township and the villages each serves (one station a village).
create table net_station (
    station_id    varchar(64)  primary key,
    township_code varchar(12)  not null,
    name          varchar(100) not null,
    place         varchar(200),
    opened_on     date         not null,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now()
);
create index net_station_township on net_station (township_code);
create table net_station_village (
    station_id   varchar(64) not null references net_station,
    village_code varchar(12) not null unique,
    primary key (station_id, village_code)
);

-- Orders (接单): a matter a villager brings to a station. The villager's name and contact are sealed by the
-- application (villager_enc). region_code is the village the matter is from; a retried submission is stored once
-- (taken_by, client_key).
create sequence net_order_number;
create table net_order (
    order_id     varchar(64)  primary key,
    station_id   varchar(64)  not null references net_station,
    region_code  varchar(12)  not null,
    kind         varchar(16)  not null check (kind in ('consultation', 'request', 'dispute', 'accusation')),
    summary      text         not null,
    villager_enc text,
    taken_by     varchar(64)  not null,
    taken_at     timestamptz  not null,
    client_key   varchar(64)  not null,
    assigned_to  varchar(64),
    assigned_at  timestamptz,
    answer       text,
    answered_at  timestamptz,
    closed_at    timestamptz,
    report_id    varchar(64),
    unique (taken_by, client_key)
);
create index net_order_station on net_order (station_id, taken_at);
create index net_order_region on net_order (region_code);

-- On-site verifications (现场核实) of a recorded step of a use of power, by a village's supervision committee
-- member or information officer.
create sequence net_verification_number;
create table net_verification (
    verification_id varchar(64) primary key,
    exercise_id     varchar(64) not null,
    step_code       varchar(64) not null,
    region_code     varchar(12) not null,
    verified_on     date        not null,
    outcome         varchar(16) not null check (outcome in ('confirmed', 'discrepancy')),
    note            text        not null,
    recorded_by     varchar(64) not null,
    recorded_at     timestamptz not null,
    client_key      varchar(64) not null,
    unique (recorded_by, client_key)
);
create index net_verification_region on net_verification (region_code, verified_on);
create index net_verification_exercise on net_verification (exercise_id);

-- The political supervision list (政治监督清单). Projects listed on the platform; imported projects flagged
-- `supervised` (ast_project, read-only) are on the list by their own id, without a row here.
create sequence net_project_number;
create table net_project (
    project_id  varchar(64)  primary key,
    office_code varchar(12)  not null,
    name        varchar(200) not null,
    kind        varchar(16)  not null,
    description text,
    villages    text         not null,
    listed_on   date         not null,
    listed_by   varchar(64)  not null
);
create sequence net_item_number;
create table net_milestone (
    milestone_id varchar(64)  primary key,
    project_id   varchar(64)  not null,
    name         varchar(200) not null,
    due_on       date         not null,
    done_on      date
);
create index net_milestone_project on net_milestone (project_id);
-- A supervision task (on-site check, inspection…) with its owner: a township office or a village (镇村联动).
create table net_task (
    task_id     varchar(64)  primary key,
    project_id  varchar(64)  not null,
    kind        varchar(16)  not null check (kind in ('on_site_check', 'inspection', 'interview', 'other')),
    title       varchar(200) not null,
    owner_code  varchar(12)  not null,
    due_on      date         not null,
    done_on     date,
    done_note   text,
    done_by     varchar(64)
);
create index net_task_project on net_task (project_id);
create table net_problem (
    problem_id varchar(64)  primary key,
    project_id varchar(64)  not null,
    kind       varchar(16)  not null check (kind in ('conflict', 'technical', 'other')),
    text       varchar(500) not null,
    found_on   date         not null,
    solved_on  date,
    solution   text
);
create index net_problem_project on net_problem (project_id);
create table net_progress (
    project_id  varchar(64) not null,
    reported_on date        not null,
    pct         integer     not null check (pct between 0 and 100),
    note        text,
    reported_by varchar(64) not null,
    reported_at timestamptz not null default now()
);
create index net_progress_project on net_progress (project_id, reported_at);

-- Integrity culture (一镇一品): each township's programme and its activities (五廉: 梳廉脉、编廉文、演廉戏、铺廉路、建廉馆).
create table net_culture (
    township_code varchar(12)  primary key,
    brand         varchar(100) not null,
    description   text,
    places        text,
    updated_by    varchar(64)  not null,
    updated_at    timestamptz  not null
);
create sequence net_activity_number;
create table net_culture_activity (
    activity_id   varchar(64)  primary key,
    township_code varchar(12)  not null,
    held_on       date         not null,
    kind          varchar(16)  not null check (kind in ('lineage', 'writing', 'drama', 'path', 'hall', 'other')),
    title         varchar(200) not null,
    place         varchar(200),
    participants  integer      not null check (participants >= 0),
    recorded_by   varchar(64)  not null
);
create index net_culture_activity_township on net_culture_activity (township_code, held_on);
