-- A password an administrator set must be changed at the user's first sign-in.
alter table plt_user add column must_change_password boolean not null default false;

-- Facts about this installation, e.g. that its data was made by the demo generator.
create table plt_setting (
    key   varchar(64) primary key,
    value text        not null
);
