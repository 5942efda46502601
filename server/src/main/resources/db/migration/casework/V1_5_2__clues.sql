-- Clues (问题线索): opened from a report or a risk finding; their four dispositions come with casework.
create table cas_clue (
    clue_id      varchar(64) primary key,
    source       varchar(16)  not null,
    source_id    varchar(64)  not null,
    region_code  varchar(12)  not null,
    subject_id   varchar(64),
    summary      text         not null,
    opened_by    varchar(64)  not null,
    opened_at    timestamptz  not null,
    disposition  varchar(32)
);
create index cas_clue_region on cas_clue (region_code);
