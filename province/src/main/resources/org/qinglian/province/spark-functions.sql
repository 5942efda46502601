-- The rule book's functions (org.qinglian.risk.book.Rule.FUNCTIONS) for Spark SQL, with the meaning PostgreSQL's
-- definitions give them (server/.../db/migration/risk/V1_6_4 and V1_6_5): the rules are the same text on both.
create or replace temporary function risk_span(first_period string, last_period string) returns string
  return first_period || case when last_period <> first_period then '~' || last_period else '' end;
create or replace temporary function risk_months(first_day date, last_day date) returns string
  return date_format(first_day, 'yyyy-MM') || '~' || date_format(last_day, 'yyyy-MM');
create or replace temporary function risk_days(first_day date, last_day date) returns string
  return date_format(first_day, 'yyyy-MM-dd') || '~' || date_format(last_day, 'yyyy-MM-dd');
-- rounded half away from zero, as PostgreSQL's to_char does
create or replace temporary function risk_money(amount decimal(38, 10)) returns string
  return cast(round(amount, 2) as string);
create or replace temporary function risk_month_zh(month string) returns string
  return split_part(month, '-', 1) || '年' || cast(cast(split_part(month, '-', 2) as int) as string) || '月';
create or replace temporary function risk_program_zh(program string) returns string
  return case program when 'dibao' then '低保金' when 'tekun' then '特困供养金' when 'elderly' then '高龄补贴'
    when 'disability' then '残疾人两项补贴' when 'farmland' then '耕地地力保护补贴'
    when 'housing_repair' then '危房改造补助' else '补贴' end;
create or replace temporary function risk_asset_kind_zh(kind string) returns string
  return case kind when 'building' then '建筑物' when 'land' then '土地' when 'pond' then '山塘水面'
    when 'forest' then '林地' else '资产' end;
create or replace temporary function risk_first_approver(approver_ids string) returns string
  return nullif(split_part(coalesce(approver_ids, ''), ';', 1), '');
create or replace temporary function risk_in_force(start_date date, end_date date, on_day date) returns boolean
  return start_date <= on_day and (end_date is null or end_date >= on_day);
create or replace temporary function risk_month(d date) returns string return date_format(d, 'yyyy-MM');
create or replace temporary function risk_day(d date) returns string return date_format(d, 'yyyy-MM-dd');
create or replace temporary function risk_quarter(d date) returns string
  return date_format(d, 'yyyy') || '-Q' || cast(quarter(d) as string);
create or replace temporary function risk_days_between(from_day date, to_day date) returns int
  return datediff(to_day, from_day);
create or replace temporary function risk_add_years(d date, years int) returns date return add_months(d, 12 * years);
create or replace temporary function risk_disclosure_due(booked date, day_of_month int) returns date
  return date_add(add_months(trunc(booked, 'MM'), 1), day_of_month - 1);
create or replace temporary function risk_in_list(item string, list string) returns boolean
  return array_contains(split(nullif(list, ''), ';'), item);
create or replace temporary function risk_join(items array<string>, sep string) returns string
  return case when size(filter(items, x -> x is not null)) > 0
    then array_join(array_sort(filter(items, x -> x is not null)), sep) end;
create or replace temporary function risk_join_in_order(items array<string>, sep string) returns string
  return case when size(filter(items, x -> x is not null)) > 0 then array_join(filter(items, x -> x is not null), sep) end;
create or replace temporary function risk_list(item string) returns array<string> return array(item);
