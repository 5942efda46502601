-- The integrity-risk library (廉政风险库): rule settings, findings and their triage history.
create table risk_setting (
    rule_code   varchar(64) not null,
    key         varchar(64) not null,
    value       numeric     not null,
    changed_by  varchar(64) not null,
    changed_at  timestamptz not null,
    primary key (rule_code, key)
);

create table risk_finding (
    finding_id   varchar(32) primary key,
    rule_code    varchar(64)  not null,
    scheme       varchar(32)  not null,
    severity     varchar(8)   not null,
    subject_id   varchar(64),
    region_code  varchar(12)  not null,
    period       varchar(32),
    amount       numeric(14,2),
    records      text         not null,
    explanation  text         not null,
    fingerprint  char(64)     not null,
    status       varchar(16)  not null default 'open',
    clue_id      varchar(64),
    first_found  timestamptz  not null,
    last_changed timestamptz  not null
);
create index risk_finding_region on risk_finding (region_code, status);
create index risk_finding_subject on risk_finding (subject_id);

create table risk_finding_history (
    finding_id varchar(32)  not null references risk_finding (finding_id),
    at         timestamptz  not null,
    actor      varchar(64)  not null,
    action     varchar(16)  not null,
    detail     text
);
create index risk_finding_history_finding on risk_finding_history (finding_id, at);

-- Identities (one per ID number), near kin (declared ties of the near kinds either way, the same household,
-- oneself) and village cadres: the building blocks of the kin rules. Refreshed at the start of each scan.
create materialized view risk_near_kin as
    with hh as (select distinct id_number, household_id from jur_person where household_id is not null)
    select distinct a, b from (
        select id_number a, id_number b from jur_person
        union all
        select p.id_number, r.id_number from jur_kin k
            join jur_person p on p.person_id = k.person_id join jur_person r on r.person_id = k.relative_id
            where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
        union all
        select r.id_number, p.id_number from jur_kin k
            join jur_person p on p.person_id = k.person_id join jur_person r on r.person_id = k.relative_id
            where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
        union all
        select x.id_number, y.id_number from hh x join hh y on y.household_id = x.household_id
    ) t;
create index risk_near_kin_b on risk_near_kin (b);
create index risk_near_kin_a on risk_near_kin (a);

-- Only the indexes the rules need: each index is work for every import, and the primary keys of the
-- registries already start with person_id.
create index if not exists ast_voucher_exercise on ast_voucher (exercise_id);
