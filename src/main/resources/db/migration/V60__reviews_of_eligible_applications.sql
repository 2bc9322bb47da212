-- Issue 16, steps 8 and 10 (mended): an application found not eligible after reviewers were given it keeps its
-- reviews as they are (a record of what happened), but they no longer count: they do not stop the round being
-- marked assessed, nor keep their reviewer on the round. Only reviews of eligible applications count, as the
-- service counts them (RoundAssessment.outstanding, ReviewAssignments.load, ReviewReminders).
create or replace function grant_round_assessed_complete() returns trigger
language plpgsql as $$
begin
    if new.status = 'ASSESSED' and old.status = 'CLOSED' then
        if exists (select 1 from application where round_id = new.id and status = 'SUBMITTED')
                or exists (select 1 from review_assignment r join application a on a.id = r.application_id
                    where r.round_id = new.id and a.status = 'ELIGIBLE' and r.status in ('ASSIGNED', 'DECLARED'))
                or exists (select 1 from application a where a.round_id = new.id and a.status = 'ELIGIBLE'
                    and (select count(*) from review_assignment r where r.application_id = a.id
                        and r.status = 'SUBMITTED') < new.min_reviewers) then
            raise exception 'Grant round % is not fully reviewed', new.reference
                using errcode = 'check_violation', constraint = 'grant_round_assessed_complete';
        end if;
    end if;
    return new;
end;
$$;

create or replace function round_reviewer_while_assigning() returns trigger
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
    if tg_op = 'DELETE' and exists (select 1 from review_assignment r join application a on a.id = r.application_id
            where r.round_id = old.round_id and r.reviewer_id = old.user_id and a.status = 'ELIGIBLE'
            and r.status in ('ASSIGNED', 'DECLARED', 'SUBMITTED')) then
        raise exception 'A reviewer with applications of round % to review stays on it', old.round_id
            using errcode = 'check_violation', constraint = 'round_reviewer_keeps_its_reviews';
    end if;
    return coalesce(new, old);
end;
$$;
