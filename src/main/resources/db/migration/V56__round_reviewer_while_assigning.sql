-- Issue 16, step 8 (mended): who reviews a round changes only while the round is being prepared, open or closed
-- (not once it is assessed, decided or withdrawn), and a reviewer leaves a round only while they have none of
-- its applications to review. The service checks both under the round's lock; this keeps them true whatever
-- writes the table.
create function round_reviewer_while_assigning() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
    round_of     bigint := coalesce(new.round_id, old.round_id);
begin
    select status into round_status from grant_round where id = round_of;
    if round_status not in ('DRAFT', 'OPEN', 'CLOSED') then
        raise exception 'The reviewers of round % no longer change: it is %', round_of, lower(round_status)
            using errcode = 'check_violation', constraint = 'round_reviewer_while_assigning';
    end if;
    if tg_op = 'UPDATE' then
        raise exception 'A reviewer on a round is added or taken off, not changed'
            using errcode = 'check_violation', constraint = 'round_reviewer_while_assigning';
    end if;
    if tg_op = 'DELETE' and exists (select 1 from review_assignment where round_id = old.round_id
            and reviewer_id = old.user_id and status in ('ASSIGNED', 'DECLARED', 'SUBMITTED')) then
        raise exception 'A reviewer with applications of round % to review stays on it', old.round_id
            using errcode = 'check_violation', constraint = 'round_reviewer_keeps_its_reviews';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger round_reviewer_while_assigning before insert or update or delete on round_reviewer
    for each row execute function round_reviewer_while_assigning();
