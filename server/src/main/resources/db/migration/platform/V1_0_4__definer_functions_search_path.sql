-- The owner's security-definer functions search pg_catalog and the caller's temporary schema (last) only, and name
-- every table and function of public with its schema: neither a temporary table of the application's role
-- (plt_dropped_key, say) nor a function or operator of it in public (possible where public is writable, as on
-- PostgreSQL 14) can make them run the caller's statements as the owner.
create or replace function plt_data_table(tbl text) returns regclass language plpgsql stable
    set search_path = pg_catalog, pg_temp as $$
declare
    rel regclass;
begin
    if tbl !~ '^[a-z][a-z0-9_]*$' or tbl like 'plt\_%' or tbl like 'flyway%' or tbl = 'event_publication'
       or not exists (select 1 from pg_catalog.pg_tables where schemaname = 'public' and tablename = tbl) then
        raise exception 'not a data table: %', tbl;
    end if;
    rel := pg_catalog.to_regclass('public.' || tbl);
    return rel;
end $$;

create or replace function plt_drop_keys(tbl text) returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
declare
    rel regclass := public.plt_data_table(tbl);
    r record;
begin
    for r in select conname, pg_catalog.pg_get_constraintdef(oid) as def from pg_catalog.pg_constraint
             where conrelid = rel and contype = 'p' loop
        insert into public.plt_dropped_key values (tbl, 1,
            pg_catalog.format('alter table public.%I add constraint %I %s', tbl, r.conname, r.def));
        execute pg_catalog.format('alter table public.%I drop constraint %I', tbl, r.conname);
    end loop;
    for r in select pg_catalog.pg_get_indexdef(x.indexrelid) as def, c.relname
             from pg_catalog.pg_index x join pg_catalog.pg_class c on c.oid = x.indexrelid
             where x.indrelid = rel and not x.indisprimary loop
        insert into public.plt_dropped_key values (tbl, 2, r.def);
        execute pg_catalog.format('drop index public.%I', r.relname);
    end loop;
end $$;

create or replace function plt_restore_keys(tbl text) returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
declare
    r record;
begin
    perform public.plt_data_table(tbl);
    for r in select ddl from public.plt_dropped_key where table_name = tbl order by ord loop
        execute r.ddl;
    end loop;
    delete from public.plt_dropped_key where table_name = tbl;
end $$;

create or replace function plt_analyze(tbl text) returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
begin
    perform public.plt_data_table(tbl);
    execute pg_catalog.format('analyze public.%I', tbl);
end $$;
