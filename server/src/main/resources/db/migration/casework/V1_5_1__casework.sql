-- Cases (案件) filed from clues.
create table cas_case (
    case_id      varchar(64) primary key,
    report_id    varchar(64),
    filed_on     date         not null,
    unit_code    varchar(12)     not null,
    self_handled boolean      not null default false,
    joint        boolean      not null default false,
    subject_id   varchar(64),
    violation    varchar(200),
    sanction     varchar(32),
    recovered    numeric(14,2),
    closed_on    date
);
create index cas_case_unit on cas_case (unit_code, filed_on);
