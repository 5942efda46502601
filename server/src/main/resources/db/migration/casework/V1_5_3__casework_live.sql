-- Casework entered in the platform: a clue's disposition (谈话函询, 初步核实, 暂存待查, 予以了结) with its reason and
-- approver; preliminary verification with its deadline; cases filed from clues, their joint work groups (片区协作) and
-- consultation rounds (会商), investigation notes, review (审理), decision and closure; the five follow-ups of a serious
-- or typical case (一案五必须); warning-education events; anonymised case notices for the public.
-- (No foreign keys to cas_case or cas_clue: an import into an empty table drops and rebuilds its keys.)
alter table cas_clue
    add column disposition_reason text,
    add column disposed_by        varchar(64),
    add column approved_by        varchar(64),
    add column disposed_on        date,
    add column verify_due         date,
    add column verified_on        date,
    add column verify_conclusion  text,
    add column case_id            varchar(64),
    -- a disposition takes effect when its approver approves it; so does a request to file a case
    add column approved_on        date,
    add column filing_handling    varchar(8),
    add column filing_requested_by varchar(64),
    add column filing_approver    varchar(64);
create sequence cas_clue_number;

alter table cas_case
    add column clue_id          varchar(64),
    add column region_code      varchar(12),
    add column filed_by         varchar(64),
    add column filing_approver  varchar(64),
    add column typical          boolean,
    add column group_requested  date,
    add column reviewed_on      date,
    add column review_opinion   text,
    add column decided_on       date,
    add column notice_text      text,
    add column notice_published date;
create sequence cas_case_number;
create index cas_case_notice on cas_case (notice_published) where notice_published is not null;

create table cas_group_member (
    case_id   varchar(64) not null,
    username  varchar(64) not null,
    unit_code varchar(12) not null,
    lead      boolean     not null default false,
    added_on  date        not null,
    primary key (case_id, username)
);
create index cas_group_member_user on cas_group_member (username);

create table cas_round (
    round_id    bigserial   primary key,
    case_id     varchar(64) not null,
    held_on     date        not null,
    members     text        not null,
    conclusions text        not null,
    recorded_by varchar(64) not null
);
create index cas_round_case on cas_round (case_id);

create table cas_note (
    note_id bigserial   primary key,
    case_id varchar(64) not null,
    at      timestamptz not null default now(),
    author  varchar(64) not null,
    text    text        not null
);
create index cas_note_case on cas_note (case_id);

create table cas_followup (
    case_id  varchar(64) not null,
    kind     varchar(24) not null check (kind in ('notice', 'analysis', 'warning_education', 'rectification',
                                                   'return_visit')),
    due_on   date        not null,
    done_on  date,
    evidence text,
    done_by  varchar(64),
    primary key (case_id, kind)
);
create index cas_followup_due on cas_followup (due_on) where done_on is null;

create table cas_education_event (
    event_id    varchar(64)  primary key,
    region_code varchar(12)  not null,
    held_on     date         not null,
    kind        varchar(24)  not null,
    title       varchar(200) not null,
    place       varchar(200) not null,
    recorded_by varchar(64)  not null
);
create index cas_education_event_region on cas_education_event (region_code, held_on);
create table cas_event_attendee (
    event_id  varchar(64) not null,
    person_id varchar(64) not null,
    primary key (event_id, person_id)
);
create sequence cas_event_number;
