-- What the public sees (公开): every published record as a version with its content and hash; the
-- publication log (one act a row) is a hash chain. Both tables are append-only for the
-- application's role (the comment says so, and the platform revokes update and delete on them).

create table dis_act (
    seq         bigint       primary key,
    acted_at    timestamptz  not null,
    actor       varchar(100) not null,
    region_code varchar(12)  not null,
    reason      text,
    versions    integer      not null,
    items_hash  char(64)     not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
comment on table dis_act is 'append-only: the publication log, a hash chain';

create table dis_version (
    kind         varchar(16) not null,
    record_id    varchar(64) not null,
    version      integer     not null,
    region_code  varchar(12) not null,
    month        char(7),
    act_seq      bigint      not null references dis_act (seq) deferrable initially deferred,
    published_on date        not null,
    dated_on     date,
    reason       text,
    content      text        not null,
    content_hash char(64)    not null,
    primary key (kind, record_id, version)
);
comment on table dis_version is 'append-only: every published version of a record';
create index dis_version_region on dis_version (region_code, month);
create index dis_version_act on dis_version (act_seq);

-- Records entered on the platform that wait for their village's act of publication.
create table dis_hold (
    kind        varchar(16)  not null,
    record_id   varchar(64)  not null,
    region_code varchar(12)  not null,
    held_by     varchar(100) not null,
    held_at     timestamptz  not null,
    reason      text,
    primary key (kind, record_id)
);
create index dis_hold_region on dis_hold (region_code);

-- Scans of vouchers entered on the platform (a photo or PDF of the paper voucher).
create table dis_scan (
    voucher_id varchar(64) primary key,
    sha256     char(64)    not null,
    media_type varchar(32) not null,
    content    bytea       not null
);

-- What the public would see of each record now, as canonical JSON, with the day it speaks of (dated_on: the
-- order of what is new) (jsonb's text form: keys in a fixed order),
-- one branch a kind so that a query for one kind reads one table. Names of people are shown, ID numbers masked
-- (the first 6 and the last 4 characters), as the county's disclosure rules say; nothing of reports, clues,
-- cases or findings is here.
create view dis_content as
select 'voucher'::varchar(16) as kind, v.voucher_id as record_id, v.region_code, to_char(v.booked_on, 'YYYY-MM') as month,
       v.disclosed_on, v.disclosed_on as dated_on,
       jsonb_build_object('booked_on', v.booked_on, 'direction', v.direction, 'amount', v.amount, 'method', v.method,
           'counterparty', coalesce(v.counterparty_name, o.name, p.name), 'category', v.category,
           'summary', v.summary, 'invoice_no', v.invoice_no, 'scan', s.sha256)::text as content
from ast_voucher v
left join jur_organization o on o.org_id = v.counterparty_id
left join jur_person p on p.person_id = v.counterparty_id
left join dis_scan s on s.voucher_id = v.voucher_id
union all
select 'contract', c.contract_id, c.region_code, to_char(c.signed_on, 'YYYY-MM'), null, c.signed_on,
       jsonb_build_object('kind', c.kind, 'asset', a.name, 'counterparty', coalesce(o.name, p.name),
           'signed_on', c.signed_on, 'start_on', c.start_on, 'end_on', c.end_on, 'amount', c.amount,
           'annual_rent', c.annual_rent, 'award_method', c.award_method, 'bidders', c.bidders)::text
from ast_contract c
left join ast_asset a on a.asset_id = c.asset_id
left join jur_organization o on o.org_id = c.counterparty_id
left join jur_person p on p.person_id = c.counterparty_id
union all
select 'asset', a.asset_id, a.region_code, null, null, null,
       jsonb_build_object('kind', a.kind, 'name', a.name, 'area', a.area, 'book_value', a.book_value)::text
from ast_asset a
union all
select 'project', pr.project_id, pr.region_code, to_char(pr.started_on, 'YYYY-MM'), null, pr.started_on,
       jsonb_build_object('name', pr.name, 'kind', pr.kind, 'budget', pr.budget, 'contractor', o.name,
           'started_on', pr.started_on, 'finished_on', pr.finished_on, 'progress_pct', pr.progress_pct,
           'items', (select coalesce(jsonb_agg(jsonb_build_object('line', i.line_no, 'work', i.work_code,
                         'description', i.description, 'unit', i.unit, 'quantity', i.quantity,
                         'unit_price', i.unit_price) order by i.line_no), '[]'::jsonb)
                     from ast_project_item i where i.project_id = pr.project_id))::text
from ast_project pr
left join jur_organization o on o.org_id = pr.contractor_id
union all
select 'subsidy', s.payment_id, s.region_code, s.period, null, s.paid_on,
       jsonb_build_object('program', s.program, 'recipient', p.name,
           'id_number', case when p.id_number is null then null
                             else left(p.id_number, 6) || repeat('*', greatest(length(p.id_number) - 10, 0))
                                  || right(p.id_number, 4) end,
           'period', s.period, 'amount', s.amount, 'paid_on', s.paid_on)::text
from ast_subsidy s
left join jur_person p on p.person_id = s.recipient_id
union all
select 'exercise', e.exercise_id, e.region_code, to_char(e.started_on, 'YYYY-MM'), null,
       coalesce((select max(ev.occurred_on) from pow_exercise_event ev where ev.exercise_id = e.exercise_id), e.started_on),
       jsonb_build_object('item', e.item_code, 'item_name', i.name, 'title', e.title, 'amount', e.amount,
           'started_on', e.started_on, 'status', e.status,
           'steps', (select coalesce(jsonb_agg(jsonb_build_object('step', ev.step_code, 'name', st.name,
                         'on', ev.occurred_on, 'evidence', ev.evidence) order by ev.occurred_on, st.seq, ev.step_code),
                         '[]'::jsonb)
                     from pow_exercise_event ev
                     left join pow_step st on st.item_code = e.item_code and st.step_code = ev.step_code
                     where ev.exercise_id = e.exercise_id))::text
from pow_exercise e
left join pow_item i on i.item_code = e.item_code;
