-- Users of the platform: staff sign in with a password; each belongs to one region of the tree.
create table plt_user (
    username      varchar(64) primary key,
    display_name  varchar(100) not null,
    password_hash varchar(200) not null,
    role          varchar(32)  not null,
    region_code   varchar(12)     not null,
    person_id     varchar(64),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- Append-only, hash-chained audit log: each entry's hash covers its fields and the previous entry's hash.
create table plt_audit_log (
    seq         bigint primary key,
    at          timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    target_type varchar(64)  not null,
    target_id   varchar(200),
    region_code varchar(12),
    detail      text,
    remote_addr varchar(64),
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);

create function plt_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only (% refused)', tg_op;
end $$;

create trigger plt_audit_log_no_update before update or delete or truncate on plt_audit_log
    for each statement execute function plt_audit_log_append_only();

-- One row per imported bundle, so that re-importing the same bundle is recognised.
create table plt_import (
    id            bigserial primary key,
    bundle_sha256 char(64)    not null,
    county_code   varchar(6)  not null,
    imported_at   timestamptz not null,
    imported_by   varchar(64) not null,
    rows_read     bigint      not null,
    rows_changed  bigint      not null,
    millis        bigint      not null,
    period_from   date,
    period_to     date
);

-- Spring Modulith's persistent event publication log (schema of spring-modulith-events-jdbc, PostgreSQL).
create table if not exists event_publication (
    id               uuid not null,
    listener_id      text not null,
    event_type       text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone,
    status           text,
    completion_attempts int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
