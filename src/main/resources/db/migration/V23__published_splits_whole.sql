-- A kept published split is whole and never changes (V22 refused updates only): no split is
-- deleted, no amount deleted, and amounts are added only by the transaction that keeps the
-- split. One position per line of the table.
create trigger published_split_not_deleted before delete on published_split
    for each row execute function published_split_is_frozen();
create trigger published_split_amount_not_deleted before delete on published_split_amount
    for each row execute function published_split_is_frozen();

create function published_split_amount_added_with_its_split() returns trigger
language plpgsql as $$
begin
    if not exists (select 1 from published_split
                   where id = new.split_id and xmin::text = (pg_current_xact_id()::xid)::text) then
        raise exception 'A published split is kept as it was published: save a new one instead'
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger published_split_amount_with_its_split before insert on published_split_amount
    for each row execute function published_split_amount_added_with_its_split();

create unique index published_split_amount_position on published_split_amount (split_id, position);
