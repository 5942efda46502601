-- More than one instance of the platform on one database.

-- Sessions (Spring Session JDBC's schema for PostgreSQL): a user signed in on one instance is served by any.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- ShedLock's locks: a scheduled job runs on one instance at a time.
create table shedlock (
    name varchar(64) primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);

-- Each run of a scheduled job, on whichever instance ran it: what an operator reads to see that jobs run, and once.
create table plt_job_run (
    run_id bigint generated always as identity primary key,
    job text not null,
    instance text not null,
    started_at timestamptz not null,
    finished_at timestamptz,
    outcome text
);
create index plt_job_run_job on plt_job_run (job, started_at desc);

-- Failed sign-ins per account ('user:NAME') and per address ('addr:IP'), counted alike on every instance.
create table plt_sign_in_failure (
    key text primary key,
    count int not null,
    locks int not null,
    locked_until timestamptz,
    last_failure timestamptz not null
);
create index plt_sign_in_failure_last on plt_sign_in_failure (last_failure);
