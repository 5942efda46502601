-- The application's role does not own the materialized view; the owner refreshes it for the scan.
create function risk_refresh_near_kin() returns void language plpgsql security definer set search_path = public as $$
begin
    refresh materialized view risk_near_kin;
    analyze risk_near_kin;
end $$;
