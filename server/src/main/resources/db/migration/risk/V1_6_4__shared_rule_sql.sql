-- What several rules, and the library's queries, say alike: written once here.

-- A period from its first to its last value: '2019-03', or '2019-03~2019-07' when they differ.
create function risk_span(first_period text, last_period text) returns text language sql immutable parallel safe as $$
    select first_period || case when last_period <> first_period then '~' || last_period else '' end
$$;

-- Two days as a span of months ('2019-03~2019-07') or of days ('2019-03-01~2019-07-31'); null when either is.
create function risk_months(first_day date, last_day date) returns text language sql stable parallel safe as $$
    select to_char(first_day, 'YYYY-MM') || '~' || to_char(last_day, 'YYYY-MM')
$$;
create function risk_days(first_day date, last_day date) returns text language sql stable parallel safe as $$
    select to_char(first_day, 'YYYY-MM-DD') || '~' || to_char(last_day, 'YYYY-MM-DD')
$$;

-- Money as an explanation writes it: 1234.50.
create function risk_money(amount numeric) returns text language sql stable parallel safe as $$
    select to_char(amount, 'FM999999999990.00')
$$;

-- A month 'YYYY-MM' as 'YYYY年M月'.
create function risk_month_zh(month text) returns text language sql immutable parallel safe as $$
    select split_part(month, '-', 1) || '年' || split_part(month, '-', 2)::int || '月'
$$;

-- A subsidy program's name in Chinese.
create function risk_program_zh(program text) returns text language sql immutable parallel safe as $$
    select case program when 'dibao' then '低保金' when 'tekun' then '特困供养金' when 'elderly' then '高龄补贴'
        when 'disability' then '残疾人两项补贴' when 'farmland' then '耕地地力保护补贴'
        when 'housing_repair' then '危房改造补助' else '补贴' end
$$;

-- An asset kind's name in Chinese.
create function risk_asset_kind_zh(kind text) returns text language sql immutable parallel safe as $$
    select case kind when 'building' then '建筑物' when 'land' then '土地' when 'pond' then '山塘水面'
        when 'forest' then '林地' else '资产' end
$$;

-- A region's name.
create function risk_region_name(code text) returns text language sql stable parallel safe as $$
    select r.name from jur_region r where r.region_code = code
$$;

-- The first approver of a voucher (approver_ids is 'P1;P2'), or null.
create function risk_first_approver(approver_ids text) returns text language sql immutable parallel safe as $$
    select nullif(split_part(coalesce(approver_ids, ''), ';', 1), '')
$$;

-- Whether a position (or anything with a start and an open end) is in force on a day.
create function risk_in_force(start_date date, end_date date, on_day date) returns boolean
    language sql immutable parallel safe as $$
    select start_date <= on_day and (end_date is null or end_date >= on_day)
$$;

-- Who held a role in a region at some time between two days (the latest to start), or null.
create function risk_holder(region text, held_role text, from_day date, to_day date) returns text
    language sql stable parallel safe as $$
    select p.person_id from jur_position p
    where p.region_code = region and p.role = held_role
      and p.start_date <= to_day and (p.end_date is null or p.end_date >= from_day)
    order by p.start_date desc limit 1
$$;

-- The positions that make a village cadre (村干部).
create view risk_cadre_position as
    select person_id, region_code, role, start_date, end_date from jur_position
    where role in ('party_secretary', 'committee_director', 'committee_member', 'accountant');

-- A finding with the names of its subject and region, as staff see it.
create view risk_finding_view as
    select f.*, coalesce(p.name, o.name) as subject_name, r.name as region_name,
           case when p.person_id is not null then 'person' when o.org_id is not null then 'organization' end
             as subject_kind
    from risk_finding f
    left join jur_person p on p.person_id = f.subject_id
    left join jur_organization o on o.org_id = f.subject_id
    left join jur_region r on r.region_code = f.region_code;

-- Recusal (回避): whether a viewer (a person of the registry; null: nobody) must not see a finding of a region
-- about a subject: it is of the viewer's own village, or about the viewer or their near kin.
create function risk_recused(viewer text, region text, subject text) returns boolean language sql stable parallel safe as $$
    select exists (select 1 from jur_person me where me.person_id = viewer and (me.region_code = region
        or exists (select 1 from jur_person s join risk_near_kin k on k.b = s.id_number
                   where s.person_id = subject and k.a = me.id_number)))
$$;
