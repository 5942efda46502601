-- What lets an import pass over a file that is as it was last imported, into a table that is as that import left it.

-- How many statements have changed each data table that imports load, counted by a statement-level trigger. The
-- count's row stays locked by the transaction that changed the table until it ends, so that an import, which holds
-- it from its first write on, reads at its end the count of its own writes, and of no one else's after them.
create table plt_table_version (
    table_name text primary key,
    version bigint not null
);

create function plt_count_change() returns trigger language plpgsql
    set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.plt_table_version (table_name, version) values (TG_TABLE_NAME, 1)
    on conflict (table_name) do update set version = public.plt_table_version.version + 1;
    return null;
end $$;

-- Counts the changes of a data table from now on (the importer asks it for each table it loads; once is enough).
create function plt_count_changes(tbl text) returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
declare
    rel regclass := public.plt_data_table(tbl);
begin
    if not exists (select 1 from pg_catalog.pg_trigger where tgrelid = rel and tgname = 'plt_count_change') then
        execute pg_catalog.format('create trigger plt_count_change after insert or update or delete or truncate '
            || 'on public.%I for each statement execute function public.plt_count_change()', tbl);
    end if;
end $$;

-- Each file as it was last read by an import: its SHA-256 and its table's count of changes right after.
create table plt_import_file (
    file_name text primary key,
    sha256 text not null,
    table_name text not null,
    table_version bigint not null,
    import_id bigint not null references plt_import (id)
);
