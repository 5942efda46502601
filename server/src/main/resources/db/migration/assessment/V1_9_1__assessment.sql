-- The creation standards of Fengqiao-style supervision offices (创建标准) and the yearly assessment of the township
-- offices. The county edits the standards; a data item is scored from the platform's records (method 'data', its
-- metric and target), a review item by reviewers (method 'review'). The default below is this platform's reading of
-- the article's "5 aspects, 19 items" (the article does not list them); it is written by the application when the
-- standards are first read (assessment/default-standards.sql), not here, so that a new installation stays empty
-- for a restore.
create table asm_aspect (
    aspect_code varchar(32)  primary key,
    seq         integer      not null,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null
);
create table asm_item (
    item_code   varchar(32)   primary key,
    aspect_code varchar(32)   not null references asm_aspect,
    seq         integer       not null,
    name_zh     varchar(200)  not null,
    name_en     varchar(200)  not null,
    weight      numeric(6, 2) not null check (weight > 0 and weight <= 100),
    method      varchar(8)    not null check (method in ('data', 'review')),
    metric      varchar(32),
    target      numeric(12, 4) check (target > 0),
    retired     boolean       not null default false,
    check ((method = 'data') = (metric is not null and target is not null))
);
-- Reviewers' scores of review items, with the note that says why.
create table asm_review (
    year          integer       not null,
    township_code varchar(12)   not null,
    item_code     varchar(32)   not null references asm_item,
    score         numeric(6, 2) not null check (score >= 0),
    note          text          not null,
    reviewed_by   varchar(64)   not null,
    reviewed_at   timestamptz   not null,
    primary key (year, township_code, item_code)
);
-- The year's Fengqiao-style supervision offices (枫桥式监察办), named by the county.
create table asm_designation (
    year          integer     not null,
    township_code varchar(12) not null,
    note          text        not null,
    designated_by varchar(64) not null,
    designated_at timestamptz not null,
    primary key (year, township_code)
);
