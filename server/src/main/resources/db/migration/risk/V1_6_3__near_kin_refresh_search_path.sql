-- As the platform's definer functions: pg_catalog and the caller's temporary schema (last) only on the path.
create or replace function risk_refresh_near_kin() returns void language plpgsql security definer
    set search_path = pg_catalog, pg_temp as $$
begin
    refresh materialized view public.risk_near_kin;
    analyze public.risk_near_kin;
end $$;
