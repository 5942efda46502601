-- The tree county -> township -> village, and the people of the county with their ties.
create table jur_region (
    region_code    varchar(12) primary key,
    name           varchar(100) not null,
    level          varchar(16)  not null,
    parent_code    varchar(12),
    lat            numeric,
    lon            numeric,
    cashless_since date,
    custody_since  date
);
create index jur_region_parent on jur_region (parent_code);

create table jur_person (
    person_id    varchar(64) primary key,
    id_number    varchar(18)     not null,
    name         varchar(100) not null,
    gender       char(1),
    birth_date   date,
    household_id varchar(64),
    region_code  varchar(12)     not null,
    phone        varchar(32)
);
create index jur_person_id_number on jur_person (id_number);
create index jur_person_household on jur_person (household_id);
create index jur_person_region on jur_person (region_code);

create table jur_position (
    person_id   varchar(64) not null,
    region_code varchar(12)    not null,
    role        varchar(32) not null,
    start_date  date        not null,
    end_date    date,
    primary key (person_id, region_code, role, start_date)
);
create index jur_position_region on jur_position (region_code, role);

create table jur_kin (
    person_id   varchar(64) not null,
    relative_id varchar(64) not null,
    relation    varchar(16) not null,
    source      varchar(32) not null,
    primary key (person_id, relative_id)
);
create index jur_kin_relative on jur_kin (relative_id);

create table jur_organization (
    org_id        varchar(64) primary key,
    name          varchar(200) not null,
    credit_code   varchar(18)     not null,
    legal_rep_id  varchar(64),
    region_code   varchar(12)     not null,
    registered_on date
);
create index jur_organization_legal_rep on jur_organization (legal_rep_id);

create table jur_org_person (
    org_id    varchar(64) not null,
    person_id varchar(64) not null,
    role      varchar(16) not null,
    primary key (org_id, person_id, role)
);
create index jur_org_person_person on jur_org_person (person_id);
