-- When an account last changed (role, region, person, password, enabled): a session begun before it ends.
alter table plt_user add column changed_at timestamptz not null default now();
