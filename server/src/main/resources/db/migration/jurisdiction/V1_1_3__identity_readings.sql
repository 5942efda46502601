-- Readings of ID numbers and names as other departments record them (QDX 1.1, "Registries as received"): the check
-- character of an 18-character number (GB 11643), the 18-character number an old 15-digit one stands for, a name with
-- all its whitespace (ASCII, no-break and ideographic spaces) removed, and whether two numbers differ by one typing
-- error (one character, or two adjacent characters swapped).
create function jur_id_check(first17 text) returns text language sql immutable parallel safe as $$
    select substr('10X98765432', (sum(substr(first17, i, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i]) % 11)::int + 1, 1)
    from generate_series(1, 17) i
$$;

create function jur_id_valid(id text) returns boolean language sql immutable parallel safe as $$
    select id ~ '^\d{17}[\dX]$' and right(id, 1) = jur_id_check(left(id, 17))
$$;

create function jur_id_upgrade(old15 text) returns text language sql immutable parallel safe as $$
    select left(old15, 6) || '19' || substr(old15, 7) || jur_id_check(left(old15, 6) || '19' || substr(old15, 7))
$$;

create function jur_name_key(name text) returns text language sql immutable parallel safe as $$
    select regexp_replace(name, '[\s' || chr(160) || chr(5760) || chr(8192) || '-' || chr(8202) || chr(8232) || chr(8233)
                                || chr(8239) || chr(8287) || chr(12288) || chr(65279) || ']', '', 'g')
$$;

create function jur_one_typo(a text, b text) returns boolean language sql immutable parallel safe as $$
    select length(a) = length(b) and a <> b and (
        (select count(*) from generate_series(1, length(a)) i where substr(a, i, 1) <> substr(b, i, 1)) = 1
        or exists (select 1 from generate_series(1, length(a) - 1) i
                   where substr(a, i, 1) = substr(b, i + 1, 1) and substr(a, i + 1, 1) = substr(b, i, 1)
                     and substr(a, i, 1) <> substr(a, i + 1, 1)
                     and left(a, i - 1) = left(b, i - 1) and substr(a, i + 2) = substr(b, i + 2)))
$$;

create index jur_person_name_key on jur_person (jur_name_key(name));
