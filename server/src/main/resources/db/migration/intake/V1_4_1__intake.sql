-- Reports (信访举报). The reporter's identity is encrypted by the application (reporter_enc), never stored in clear.
create table int_report (
    report_id    varchar(64) primary key,
    received_on  date         not null,
    channel      varchar(16)  not null,
    kind         varchar(16)  not null,
    anonymous    boolean      not null,
    reporter_enc text,
    subject_id   varchar(64),
    region_code  varchar(12)     not null,
    unit_code    varchar(12)     not null,
    rural_cadre  boolean      not null default false,
    text         text,
    duplicate_of varchar(64),
    closed_on    date,
    satisfied    boolean
);
create index int_report_region on int_report (region_code, received_on);
create index int_report_unit on int_report (unit_code);
