-- A use of power already due is locked, not written again: "on conflict do update ... where false" takes the row's
-- lock (a check taking it waits for the change to commit, as before) without making a new version of the row. An
-- import's uses of power and their steps name the same ids twice in one transaction; the second naming used to
-- rewrite every row the first had inserted.
create or replace function pow_due_from_new() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id) select distinct exercise_id from new_rows order by exercise_id
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id where false;
    return null;
end $$;

create or replace function pow_due_from_old() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id) select distinct exercise_id from old_rows order by exercise_id
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id where false;
    return null;
end $$;

create or replace function pow_due_from_both() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id)
    select exercise_id from new_rows union select exercise_id from old_rows order by 1
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id where false;
    return null;
end $$;
