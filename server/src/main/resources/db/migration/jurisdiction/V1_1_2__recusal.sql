-- Recusal (回避) of supervision staff, for every module that shows records about people: a viewer (a person of the
-- registry; null: nobody) must not see a record of a region about a subject when the record is of the viewer's own
-- village, or is about the viewer or their near kin (a declared tie of the near kinds either way, or the same
-- household; people are one identity by their ID number).
create function jur_near_kin(a text, b text) returns boolean language sql stable parallel safe as $$
    select exists (select 1 from jur_person x join jur_person y on true
                   where x.person_id = a and y.person_id = b
                     and (x.id_number = y.id_number or x.household_id = y.household_id))
        or exists (select 1 from jur_kin k
                   join jur_person p on p.person_id = k.person_id join jur_person r on r.person_id = k.relative_id
                   join jur_person x on x.person_id = a join jur_person y on y.person_id = b
                   where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
                     and ((p.id_number = x.id_number and r.id_number = y.id_number)
                       or (p.id_number = y.id_number and r.id_number = x.id_number)))
$$;

create function jur_recused(viewer text, region text, subject text) returns boolean language sql stable parallel safe as $$
    select viewer is not null and (
        exists (select 1 from jur_person me where me.person_id = viewer and me.region_code = region)
        or (subject is not null and jur_near_kin(viewer, subject))
        or exists (select 1 from jur_person me join jur_person s on s.person_id = subject
                   where me.person_id = viewer and s.region_code = me.region_code))
$$;
