-- The uses of power whose check against their flow is due: every statement that inserts, changes or deletes a use
-- of power or one of its steps, whoever runs it (an import, a village's entry), names them here, set-wise (statement
-- triggers over transition tables); the next check takes them and checks those only. A use of power already due is
-- named again with a lock on its row (not skipped), so that a check taking it at that moment waits for the change
-- to commit and then reads it, or the use of power stays due. Rows are named in order, so that two writers never
-- wait for each other crosswise.
create table pow_conformance_due (
    exercise_id varchar(64) primary key
);

create function pow_due_from_new() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id) select distinct exercise_id from new_rows order by exercise_id
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id;
    return null;
end $$;

create function pow_due_from_old() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id) select distinct exercise_id from old_rows order by exercise_id
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id;
    return null;
end $$;

create function pow_due_from_both() returns trigger language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
    insert into public.pow_conformance_due (exercise_id)
    select exercise_id from new_rows union select exercise_id from old_rows order by 1
    on conflict (exercise_id) do update set exercise_id = excluded.exercise_id;
    return null;
end $$;

create trigger pow_exercise_due_insert after insert on pow_exercise
    referencing new table as new_rows for each statement execute function pow_due_from_new();
create trigger pow_exercise_due_update after update on pow_exercise
    referencing new table as new_rows old table as old_rows for each statement execute function pow_due_from_both();
create trigger pow_exercise_due_delete after delete on pow_exercise
    referencing old table as old_rows for each statement execute function pow_due_from_old();
create trigger pow_exercise_event_due_insert after insert on pow_exercise_event
    referencing new table as new_rows for each statement execute function pow_due_from_new();
create trigger pow_exercise_event_due_update after update on pow_exercise_event
    referencing new table as new_rows old table as old_rows for each statement execute function pow_due_from_both();
create trigger pow_exercise_event_due_delete after delete on pow_exercise_event
    referencing old table as old_rows for each statement execute function pow_due_from_old();
