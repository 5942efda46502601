-- The audit log becomes keyed: each entry's MAC (HMAC-SHA256 with a key outside the database) covers its canonical
-- encoding and the previous entry's MAC. The unkeyed log of earlier versions is kept, unchanged, as plt_audit_log_v1.
alter table plt_audit_log rename to plt_audit_log_v1;
alter trigger plt_audit_log_no_update on plt_audit_log_v1 rename to plt_audit_log_v1_no_update;

create table plt_audit_log (
    seq         bigint primary key,
    at          timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    target_type varchar(64)  not null,
    target_id   varchar(200),
    region_code varchar(12),
    detail      text,
    remote_addr varchar(64),
    mac         varchar(64)  not null
);
create index plt_audit_log_actor on plt_audit_log (actor, seq);
create index plt_audit_log_target on plt_audit_log (target_id);

create trigger plt_audit_log_no_update before update or delete or truncate on plt_audit_log
    for each statement execute function plt_audit_log_append_only();

-- The key check values: a database started with other keys is refused instead of mixing them.
create table plt_key_check (
    purpose     varchar(16) primary key,
    check_value text        not null,
    written_at  timestamptz not null default now()
);

-- Which installation this database is: its audit checkpoints name it.
create table plt_installation (
    id         uuid primary key,
    created_at timestamptz not null default now()
);

-- The application's role owns no table. What an import changes in a table's shape (its keys and indexes dropped
-- while an empty table is loaded, then built once; fresh statistics) goes through these functions of the owner,
-- which refuse the platform's own tables (the audit log above all) and the migration histories.
create table plt_dropped_key (
    table_name text not null,
    ord        int  not null,
    ddl        text not null
);

create function plt_data_table(tbl text) returns regclass language plpgsql stable set search_path = public as $$
declare
    rel regclass := to_regclass(tbl);
begin
    if rel is null or tbl !~ '^[a-z][a-z0-9_]*$' or tbl like 'plt\_%' or tbl like 'flyway%' or tbl = 'event_publication'
       or not exists (select 1 from pg_tables where schemaname = 'public' and tablename = tbl) then
        raise exception 'not a data table: %', tbl;
    end if;
    return rel;
end $$;

create function plt_drop_keys(tbl text) returns void language plpgsql security definer set search_path = public as $$
declare
    rel regclass := plt_data_table(tbl);
    r record;
begin
    for r in select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = rel and contype = 'p' loop
        insert into plt_dropped_key values (tbl, 1, format('alter table %I add constraint %I %s', tbl, r.conname, r.def));
        execute format('alter table %I drop constraint %I', tbl, r.conname);
    end loop;
    for r in select pg_get_indexdef(x.indexrelid) as def, c.relname from pg_index x join pg_class c on c.oid = x.indexrelid
             where x.indrelid = rel and not x.indisprimary loop
        insert into plt_dropped_key values (tbl, 2, r.def);
        execute format('drop index %I', r.relname);
    end loop;
end $$;

create function plt_restore_keys(tbl text) returns void language plpgsql security definer set search_path = public as $$
declare
    r record;
begin
    perform plt_data_table(tbl);
    for r in select ddl from plt_dropped_key where table_name = tbl order by ord loop
        execute r.ddl;
    end loop;
    delete from plt_dropped_key where table_name = tbl;
end $$;

create function plt_analyze(tbl text) returns void language plpgsql security definer set search_path = public as $$
begin
    perform plt_data_table(tbl);
    execute format('analyze %I', tbl);
end $$;
