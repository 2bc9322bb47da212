-- Issue 16, step 8: themed reviewers. A reviewer is a person outside the OPCC with expertise in the Police and
-- Crime Plan's themes, holding the one role REVIEWER. An officer puts reviewers on a round, each for one of its
-- themes or for all of them, and the service assigns each eligible application to reviewers of its theme, the
-- least loaded first. Before seeing an application a reviewer declares any conflict of interest; a conflicted
-- assignment ends and the application goes at once to another reviewer of its theme (once per conflict).
alter table app_user_role drop constraint app_user_role_known;
alter table app_user_role add constraint app_user_role_known check (role in
    ('ADMIN', 'OFFICER', 'FINANCE', 'MONITORING_OFFICER', 'COMMISSIONER', 'CSP_MANAGER', 'RECIPIENT', 'APPLICANT',
     'REVIEWER'));

create table round_reviewer (
    id         bigint generated always as identity primary key,
    round_id   bigint        not null references grant_round (id),
    user_id    bigint        not null references app_user (id),
    -- null: all the round's themes
    theme_id   bigint,
    added_by   varchar(200)  not null,
    added_at   timestamptz   not null,
    constraint round_reviewer_theme_of_its_round foreign key (round_id, theme_id)
        references round_theme (round_id, theme_id)
);
create unique index round_reviewer_once on round_reviewer (round_id, user_id, coalesce(theme_id, 0));

create table review_assignment (
    id                      bigint generated always as identity primary key,
    round_id                bigint        not null references grant_round (id),
    application_id          bigint        not null references application (id),
    reviewer_id             bigint        not null references app_user (id),
    status                  varchar(20)   not null default 'ASSIGNED'
        check (status in ('ASSIGNED', 'DECLARED', 'CONFLICTED', 'SUBMITTED', 'WITHDRAWN')),
    conflict_reason         text          check (length(conflict_reason) <= 2000),
    declared_at             timestamptz,
    assigned_by             varchar(200)  not null,
    assigned_at             timestamptz   not null,
    replaces_assignment_id  bigint        references review_assignment (id),
    version                 bigint        not null default 0,
    -- a reviewer is on an application once, whatever became of it: a conflicted reviewer is never put back
    constraint review_assignment_once unique (application_id, reviewer_id),
    -- a conflict is reassigned once
    constraint review_assignment_replaces_once unique (replaces_assignment_id),
    constraint review_assignment_declared check (
        (status = 'ASSIGNED') = (declared_at is null)
        and (status = 'CONFLICTED') = (conflict_reason is not null and length(btrim(conflict_reason)) > 0))
);
create index review_assignment_of_reviewer on review_assignment (reviewer_id, status);
create index review_assignment_of_round on review_assignment (round_id, application_id);

-- Only an eligible application of the same round is reviewed; an assignment moves only forward.
create function review_assignment_moves() returns trigger
language plpgsql as $$
declare
    app record;
begin
    if tg_op = 'DELETE' then
        raise exception 'An assignment is kept: it ends as conflicted or withdrawn'
            using errcode = 'check_violation', constraint = 'review_assignment_moves';
    end if;
    if tg_op = 'INSERT' then
        select round_id, status into app from application where id = new.application_id;
        if app.round_id <> new.round_id or app.status <> 'ELIGIBLE' then
            raise exception 'Only an eligible application of round % is reviewed', new.round_id
                using errcode = 'check_violation', constraint = 'review_assignment_of_eligible';
        end if;
        if new.status <> 'ASSIGNED' then
            raise exception 'An assignment starts as assigned'
                using errcode = 'check_violation', constraint = 'review_assignment_moves';
        end if;
        return new;
    end if;
    if (new.round_id, new.application_id, new.reviewer_id, new.assigned_by, new.assigned_at,
            new.replaces_assignment_id) is distinct from (old.round_id, old.application_id, old.reviewer_id,
            old.assigned_by, old.assigned_at, old.replaces_assignment_id) then
        raise exception 'An assignment keeps its application, reviewer and when it was made'
            using errcode = 'check_violation', constraint = 'review_assignment_moves';
    end if;
    if new.status <> old.status and (old.status, new.status) not in (('ASSIGNED', 'DECLARED'),
            ('ASSIGNED', 'CONFLICTED'), ('DECLARED', 'SUBMITTED'), ('ASSIGNED', 'WITHDRAWN'),
            ('DECLARED', 'WITHDRAWN'), ('SUBMITTED', 'DECLARED')) then
        raise exception 'An assignment that is % does not become %', lower(old.status), lower(new.status)
            using errcode = 'check_violation', constraint = 'review_assignment_moves';
    end if;
    return new;
end;
$$;
create trigger review_assignment_moves before insert or update or delete on review_assignment
    for each row execute function review_assignment_moves();

create trigger round_reviewer_no_truncate before truncate on round_reviewer
    for each statement execute function truncate_is_refused();
create trigger review_assignment_no_truncate before truncate on review_assignment
    for each statement execute function truncate_is_refused();
