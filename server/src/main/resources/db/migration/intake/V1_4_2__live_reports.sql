-- Reports entered in the platform: by the public (web form, REST API for WeChat and DingTalk front ends), by staff on a
-- reporter's behalf, by village information officers. Only the slow hash of a receipt code is stored; a named
-- reporter's identity is sealed by the application (identity_enc); no address of a reporter is stored anywhere.
alter table int_report
    add column receipt_hash        varchar(64),
    add column identity_enc        text,
    add column submitted_by        varchar(64),
    add column client_key          varchar(64),
    add column category            varchar(32),
    add column subject_name        varchar(100),
    add column assigned_to         varchar(64),
    add column acknowledged_on     date,
    add column extended_to         date,
    add column extension_reason    text,
    add column answer              text,
    add column rated_on            date,
    add column review_requested_on date,
    add column reviewed_on         date,
    add column review_conclusion   text,
    add column entered_at          timestamptz;
create unique index int_report_receipt on int_report (receipt_hash) where receipt_hash is not null;
create unique index int_report_client_key on int_report (submitted_by, client_key) where client_key is not null;
create index int_report_subject on int_report (subject_id, received_on);
create sequence int_report_number;

-- The salt of receipt-code hashes, made once per installation.
create table int_receipt_salt (
    id   int primary key check (id = 1),
    salt varchar(64) not null
);

-- (No foreign key to int_report: an import into an empty int_report drops and rebuilds its keys.)
-- Messages between the office and the reporter (from_reporter), and the office's internal notes (internal: never shown
-- to the reporter). The author (a staff account) is never shown to the reporter either.
create table int_message (
    message_id    bigserial primary key,
    report_id     varchar(64) not null,
    at            timestamptz not null default now(),
    from_reporter boolean     not null,
    internal      boolean     not null default false,
    author        varchar(64),
    text          text        not null
);
create index int_message_report on int_message (report_id, message_id);

-- Attachments (photos, PDFs), stored once by content hash; their type is read from their content.
create table int_file (
    sha256     char(64)    primary key,
    media_type varchar(64) not null,
    size       int         not null,
    content    bytea       not null
);
create table int_report_file (
    report_id     varchar(64) not null,
    sha256        char(64)    not null references int_file (sha256),
    from_reporter boolean     not null,
    added_at      timestamptz not null default now(),
    primary key (report_id, sha256)
);
