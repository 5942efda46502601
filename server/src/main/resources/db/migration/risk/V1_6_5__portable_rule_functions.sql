-- The rules are one definition each (module qinglian-rules), run by PostgreSQL here and by Spark in the province
-- scan: where the two SQL dialects differ, a rule calls one of these functions, which the province scan defines
-- alike for Spark (spark-functions.sql). Besides those of V1_6_4.

-- A day's month 'YYYY-MM', the day 'YYYY-MM-DD', its quarter 'YYYY-Qn'.
create function risk_month(d date) returns text language sql stable parallel safe as $$
    select to_char(d, 'YYYY-MM')
$$;
create function risk_day(d date) returns text language sql stable parallel safe as $$
    select to_char(d, 'YYYY-MM-DD')
$$;
create function risk_quarter(d date) returns text language sql stable parallel safe as $$
    select to_char(d, 'YYYY') || '-Q' || to_char(d, 'Q')
$$;

-- The days from one day to another (negative when the second is earlier).
create function risk_days_between(from_day date, to_day date) returns integer
    language sql immutable parallel safe as $$
    select to_day - from_day
$$;

-- A day some years later (29 February to 28 February when the year has none).
create function risk_add_years(d date, years integer) returns date language sql immutable parallel safe as $$
    select (d + make_interval(years => years))::date
$$;

-- The last day to disclose what was booked on a day: the given day of the month after.
create function risk_disclosure_due(booked date, day_of_month integer) returns date
    language sql immutable parallel safe as $$
    select (date_trunc('month', booked) + interval '1 month')::date + (day_of_month - 1)
$$;

-- Whether an item is one of a list 'a;b;c' (null when the list is).
create function risk_in_list(item text, list text) returns boolean language sql immutable parallel safe as $$
    select item = any(string_to_array(list, ';'))
$$;

-- The texts of an array joined by a separator, in the order of their characters (code points) or as they come;
-- nulls left out, and null when nothing is left.
create function risk_join(items text[], sep text) returns text language sql immutable parallel safe as $$
    select string_agg(x, sep order by x collate "C") from unnest(items) x
$$;
create function risk_join_in_order(items text[], sep text) returns text language sql immutable parallel safe as $$
    select string_agg(x, sep order by i) from unnest(items) with ordinality u(x, i)
$$;

-- An array of one text.
create function risk_list(item text) returns text[] language sql immutable parallel safe as $$
    select array[item]
$$;
