-- What lets an import pass over a file that is as it was last imported, into a table that nothing changed since.

-- The transactions that changed each data table that imports load: one row a transaction and table, written by a
-- statement-level trigger. Each transaction writes its own row, so that no writer ever waits for another here.
create table plt_table_change (
    table_name text not null,
    xact xid8 not null,
    primary key (table_name, xact)
);

-- (a security definer: the application's role may read the log, not write or delete its rows)
create function plt_count_change() returns trigger language plpgsql security definer
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
    previous text;
begin
    if tbl like 'spring\_session%' or tbl in ('shedlock', 'pow_conformance_due', 'event_publication_archive') then
        raise exception 'not a table that imports load: %', tbl;
    end if;
    if not exists (select 1 from pg_catalog.pg_trigger where tgrelid = rel and tgname = 'plt_count_change') then
        -- a start does not wait behind an import holding the table: the import makes the trigger itself
        previous := pg_catalog.current_setting('lock_timeout');
        perform pg_catalog.set_config('lock_timeout', '2s', true);
        begin
            execute pg_catalog.format('create trigger plt_count_change after insert or update or delete or truncate '
                || 'on public.%I for each statement execute function public.plt_count_change()', tbl);
            insert into public.plt_table_change (table_name, xact) values (tbl, pg_catalog.pg_current_xact_id())
            on conflict do nothing;
        exception when duplicate_object then
            -- another instance, starting at the same time, made it
            null;
        when lock_not_available then
            null;
        end;
        perform pg_catalog.set_config('lock_timeout', previous, true);
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
    -- the file's declaration (columns, references, checks) and the importer's version: a release that reads or
    -- checks the file otherwise reads it again
    definition text not null,
    -- the changes of the tables of the files it refers to or looks up, whether in the bundle or not
    depends_on text not null,
    import_id bigint not null references plt_import (id)
);

-- Work derived from loaded tables (near kin, the registries' ties) and the stamp of their changes it was done at.
create table plt_derived_stamp (
    name text primary key,
    stamp text not null
);
