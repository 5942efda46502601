-- The regions of the rows an import changed, per table and transaction, written by the import beside the rows it
-- merges (the old region and the new one of every row inserted or changed, and '' for "noted"; a merge that changes
-- no row writes neither its table nor this). A transaction that changed a table (plt_table_change) without a row here changed it in ways not
-- noted by region: work derived from the table is done again for the whole table. Read by the risk library's scan
-- to rescan the villages an import touched; never backed up, as plt_table_change.
create table plt_change_region (
    table_name text not null,
    xact xid8 not null,
    region_code text not null,
    primary key (table_name, xact, region_code)
);
