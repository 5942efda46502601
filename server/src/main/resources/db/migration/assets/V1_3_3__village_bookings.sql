-- Ids of vouchers and contracts a village books on the platform (QL-V-1, QL-C-1...), apart from any
-- source system's ids.
create sequence ast_entry_number;
