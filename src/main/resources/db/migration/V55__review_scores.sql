-- Issue 16, step 9: a reviewer scores an application they declared no conflict with, a whole score from 0 to the
-- top of the round's scale and a reason for each of the round's criteria, saved as they go, then submits the
-- scores once every criterion is scored; submitted scores do not change.

alter table review_assignment add column submitted_at timestamptz;
alter table review_assignment add constraint review_assignment_submitted_when
    check ((status = 'SUBMITTED') = (submitted_at is not null));

create table review_score (
    assignment_id  bigint        not null references review_assignment (id),
    round_id       bigint        not null,
    position       integer       not null,
    score          smallint      not null check (score >= 0),
    reason         text          not null check (length(btrim(reason)) > 0 and length(reason) <= 2000),
    primary key (assignment_id, position),
    constraint review_score_of_a_criterion foreign key (round_id, position)
        references round_criterion (round_id, position)
);

-- Scores change only while their assignment is declared free of conflict, within the round's scale.
create function review_score_only_when_declared() returns trigger
language plpgsql as $$
declare
    assignment record;
    top smallint;
begin
    select status, round_id into assignment from review_assignment
        where id = coalesce(new.assignment_id, old.assignment_id);
    if assignment.status <> 'DECLARED' then
        raise exception 'The scores of a review that is % do not change', lower(assignment.status)
            using errcode = 'check_violation', constraint = 'review_score_only_when_declared';
    end if;
    if tg_op <> 'DELETE' then
        select max(point) into top from round_scale_point where round_id = assignment.round_id;
        if new.round_id <> assignment.round_id or new.score > top then
            raise exception 'A score is from 0 to % on a criterion of the review''s round', top
                using errcode = 'check_violation', constraint = 'review_score_within_the_scale';
        end if;
    end if;
    return coalesce(new, old);
end;
$$;
create trigger review_score_only_when_declared before insert or update or delete on review_score
    for each row execute function review_score_only_when_declared();

-- A review is submitted with a score for every criterion of its round.
create function review_submitted_complete() returns trigger
language plpgsql as $$
begin
    if new.status = 'SUBMITTED' and old.status <> 'SUBMITTED'
            and (select count(*) from review_score where assignment_id = new.id)
                <> (select count(*) from round_criterion where round_id = new.round_id) then
        raise exception 'Review % is submitted with a score for every criterion', new.id
            using errcode = 'check_violation', constraint = 'review_submitted_complete';
    end if;
    return new;
end;
$$;
create trigger review_submitted_complete before update on review_assignment
    for each row execute function review_submitted_complete();

create trigger review_score_no_truncate before truncate on review_score
    for each statement execute function truncate_is_refused();
