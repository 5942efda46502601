-- What the kept ties are made from, for work that reads them to know when they may have changed (the risk
-- library's scan runs a rule again when a table it reads, or one these are derived from, changed).
comment on table ast_tie_kept is 'derived from: jur_person, ast_death_received, ast_vehicle_received, ast_property_received, ast_public_employee_received';
comment on table ast_tie_basis is 'derived from: jur_person, ast_death_received, ast_vehicle_received, ast_property_received, ast_public_employee_received';
