-- What lets an import pass over a file that is as it was last imported, into a table that nothing changed since.

-- The transactions that changed each data table that imports load: one row a transaction and table, written by a
-- statement-level trigger. Each transaction writes its own row, so that no writer ever waits for another here.
create table plt_table_change (
    table_name text not null,
    xact xid8 not null,
    primary key (table_name, xact)
);

create function plt_count_change() returns trigger language plpgsql
    set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.plt_table_change (table_name, xact) values (TG_TABLE_NAME, pg_catalog.pg_current_xact_id())
    on conflict do nothing;
    return null;
end $$;

-- Counts the changes of a data table from now on (asked for every table imports load, at every start and before
-- every import; once is enough). A table whose changes were not counted until now may have changed: that counts
-- as a change.
create function plt_count_changes(tbl text) returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
declare
    rel regclass := public.plt_data_table(tbl);
begin
    if tbl like 'spring\_session%' or tbl in ('shedlock', 'pow_conformance_due', 'event_publication_archive') then
        raise exception 'not a table that imports load: %', tbl;
    end if;
    if not exists (select 1 from pg_catalog.pg_trigger where tgrelid = rel and tgname = 'plt_count_change') then
        begin
            execute pg_catalog.format('create trigger plt_count_change after insert or update or delete or truncate '
                || 'on public.%I for each statement execute function public.plt_count_change()', tbl);
            insert into public.plt_table_change (table_name, xact) values (tbl, pg_catalog.pg_current_xact_id())
            on conflict do nothing;
        exception when duplicate_object then
            -- another instance, starting at the same time, made it
            null;
        end;
    end if;
end $$;

-- Each file as it was last read by an import: its SHA-256, the county and format version of its bundle, and how
-- many transactions had changed its table, that import included, when it was read.
create table plt_import_file (
    file_name text primary key,
    sha256 text not null,
    county_code text not null,
    format_version text not null,
    table_name text not null,
    table_changes bigint not null,
    import_id bigint not null references plt_import (id)
);
