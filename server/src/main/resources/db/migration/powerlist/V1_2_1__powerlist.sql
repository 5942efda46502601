-- The small and micro power list (小微权力清单): items, their flows, red lines, and each use of a power.
create table pow_item (
    item_code   varchar(64) primary key,
    category    varchar(32)  not null,
    name        varchar(200) not null,
    description text,
    legal_basis text
);

create table pow_step (
    item_code   varchar(64)  not null,
    step_code   varchar(64)  not null,
    seq         integer      not null,
    name        varchar(200) not null,
    actor_role  varchar(32),
    after       text,
    min_days    integer,
    max_days    integer,
    disclosure  boolean      not null default false,
    optional    boolean      not null default false,
    primary key (item_code, step_code)
);

create table pow_red_line (
    red_line_code varchar(64) primary key,
    text          text        not null,
    item_code     varchar(64)
);

create table pow_exercise (
    exercise_id  varchar(64) primary key,
    item_code    varchar(64)  not null,
    region_code  varchar(12)     not null,
    title        varchar(300) not null,
    initiator_id varchar(64),
    amount       numeric(14,2),
    started_on   date         not null,
    status       varchar(16)  not null
);
create index pow_exercise_region on pow_exercise (region_code, started_on);
create index pow_exercise_initiator on pow_exercise (initiator_id);

create table pow_exercise_event (
    exercise_id varchar(64) not null,
    step_code   varchar(64) not null,
    occurred_on date        not null,
    actor_id    varchar(64),
    evidence    text,
    note        text,
    primary key (exercise_id, step_code)
);

-- The result of checking an exercise against its flow; one row per finding, none when it conforms.
create table pow_conformance (
    exercise_id  varchar(64) primary key,
    region_code  varchar(12)    not null,
    conforms     boolean     not null,
    checked_at   timestamptz not null
);
create index pow_conformance_region on pow_conformance (region_code) where not conforms;

create table pow_deviation (
    exercise_id varchar(64) not null references pow_conformance (exercise_id) on delete cascade,
    ordinal     integer     not null,
    kind        varchar(32) not null,
    step_code   varchar(64) not null,
    other_step  varchar(64),
    days        integer,
    limit_days  integer,
    reason_zh   text        not null
);
create index pow_deviation_exercise on pow_deviation (exercise_id);
