-- Ids of uses of power a village starts on the platform (QL-E-1...).
create sequence pow_entry_number;
