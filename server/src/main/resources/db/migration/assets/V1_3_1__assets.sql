-- Three assets (三资), projects, livelihood subsidies and the registries used for comparison.
create table ast_voucher (
    voucher_id        varchar(64) primary key,
    region_code       varchar(12)      not null,
    booked_on         date          not null,
    direction         varchar(8)    not null,
    amount            numeric(14,2) not null,
    method            varchar(8)    not null,
    counterparty_id   varchar(64),
    counterparty_name varchar(200),
    category          varchar(32)   not null,
    summary           text,
    invoice_no        varchar(64),
    approver_ids      text,
    project_id        varchar(64),
    exercise_id       varchar(64),
    disclosed_on      date
);
create index ast_voucher_region on ast_voucher (region_code, booked_on);
create index ast_voucher_counterparty on ast_voucher (counterparty_id);
create index ast_voucher_project on ast_voucher (project_id);

create table ast_asset (
    asset_id    varchar(64) primary key,
    region_code varchar(12)     not null,
    kind        varchar(16)  not null,
    name        varchar(200) not null,
    area        numeric,
    book_value  numeric(14,2)
);
create index ast_asset_region on ast_asset (region_code);

create table ast_contract (
    contract_id     varchar(64) primary key,
    region_code     varchar(12)      not null,
    kind            varchar(16)   not null,
    asset_id        varchar(64),
    counterparty_id varchar(64),
    signed_on       date          not null,
    start_on        date,
    end_on          date,
    amount          numeric(14,2),
    annual_rent     numeric(14,2),
    award_method    varchar(16),
    bidders         integer,
    exercise_id     varchar(64)
);
create index ast_contract_region on ast_contract (region_code, signed_on);
create index ast_contract_counterparty on ast_contract (counterparty_id);

create table ast_project (
    project_id    varchar(64) primary key,
    region_code   varchar(12)      not null,
    name          varchar(200)  not null,
    kind          varchar(16)   not null,
    budget        numeric(14,2),
    contract_id   varchar(64),
    contractor_id varchar(64),
    started_on    date,
    finished_on   date,
    progress_pct  integer,
    supervised    boolean,
    villages      text
);
create index ast_project_region on ast_project (region_code);

create table ast_project_item (
    project_id  varchar(64) not null,
    line_no     integer     not null,
    work_code   varchar(64) not null,
    description varchar(200),
    unit        varchar(16),
    quantity    numeric       not null,
    unit_price  numeric(14,2) not null,
    primary key (project_id, line_no)
);

create table ast_reference_price (
    work_code   varchar(64) not null,
    unit        varchar(16),
    period      varchar(7)    not null,
    price       numeric(14,2) not null,
    region_code varchar(12)    not null,
    primary key (work_code, period, region_code)
);

create table ast_subsidy (
    payment_id   varchar(64) primary key,
    program      varchar(32)   not null,
    recipient_id varchar(64)   not null,
    region_code  varchar(12)      not null,
    period       varchar(7)      not null,
    amount       numeric(14,2) not null,
    paid_on      date          not null
);
create index ast_subsidy_region on ast_subsidy (region_code, period);
create index ast_subsidy_recipient on ast_subsidy (recipient_id);

create table ast_death (
    person_id  varchar(64) primary key,
    death_date date not null
);

create table ast_vehicle (
    person_id     varchar(64) not null,
    plate         varchar(16) not null,
    registered_on date,
    value         numeric(14,2),
    primary key (person_id, plate)
);

create table ast_property (
    person_id     varchar(64)  not null,
    address       varchar(300) not null,
    area          numeric,
    registered_on date,
    primary key (person_id, address)
);

create table ast_public_employee (
    person_id  varchar(64)  not null,
    employer   varchar(200) not null,
    start_date date         not null,
    end_date   date,
    primary key (person_id, employer, start_date)
);
