-- A grant round put to the Commissioner in a decision record, and what a Supported decision makes of it (issue 16,
-- step 12): an award line in the year's schedule and a grant for each application the panel recommended, once.

-- The round names the record it is in, exactly while it is in one or decided by one.
alter table grant_round
    add column decision_reference varchar(30),
    add column decided_at         timestamptz;
alter table grant_round
    add constraint grant_round_decision_named
        check ((status in ('IN_DECISION', 'DECIDED')) = (decision_reference is not null)),
    add constraint grant_round_decided_when
        check ((status = 'DECIDED') = (decided_at is not null));

alter table decision_record drop constraint decision_record_attachment_type_check;
alter table decision_record add constraint decision_record_attachment_type_check
    check (attachment_type in ('FORMULA_RUN', 'GRANT_SCHEDULE', 'AWARD_SCHEDULE', 'GRANT_ROUND'));

-- One record at a time for a round, as for a schedule (V45).
create unique index decision_record_one_open_per_round on decision_record (attachment_ref)
    where attachment_type = 'GRANT_ROUND' and status <> 'DECIDED';

-- A line a round's decision adds to the year's schedule, whatever the schedule's own status: it names the record
-- that decided it and the application it came from (once), and it never changes afterwards.
alter table award_line
    add column decided_by varchar(30),
    add column origin_ref varchar(100);
alter table award_line
    add constraint award_line_origin_once unique (origin_ref),
    add constraint award_line_decided_with_origin check ((decided_by is null) = (origin_ref is null));

create or replace function award_line_only_in_a_draft() returns trigger
language plpgsql as $$
declare
    changed_schedule bigint;
    schedule_status  varchar(20);
    line_decided_by  varchar(30);
begin
    if tg_table_name = 'award_line' then
        changed_schedule := coalesce(new.schedule_id, old.schedule_id);
        if tg_op <> 'INSERT' and old.decided_by is not null then
            raise exception 'A line made by decision % does not change', old.decided_by
                using errcode = 'check_violation', constraint = 'award_line_decided_stays';
        end if;
        if tg_op = 'INSERT' and new.decided_by is not null then
            if exists (select 1 from decision_record d where d.reference = new.decided_by and d.status = 'DECIDED'
                    and d.decision = 'SUPPORTED' and d.attachment_type = 'GRANT_ROUND') then
                return new;
            end if;
            raise exception 'A decided line is added only by the Supported decision that names it'
                using errcode = 'check_violation', constraint = 'award_line_decided_by_a_decision';
        end if;
    else
        select l.schedule_id, l.decided_by into changed_schedule, line_decided_by
            from award_line l where l.id = coalesce(new.line_id, old.line_id);
        if line_decided_by is not null then
            if tg_op = 'INSERT'
                    and not exists (select 1 from organisation_grant g where g.award_line_id = new.line_id) then
                return new;
            end if;
            raise exception 'The periods of a line made by decision % do not change', line_decided_by
                using errcode = 'check_violation', constraint = 'award_line_decided_stays';
        end if;
    end if;
    select status into schedule_status from award_schedule where id = changed_schedule;
    if schedule_status is not null and schedule_status <> 'DRAFT' then
        raise exception 'The lines of an award schedule that is % do not change', lower(schedule_status)
            using errcode = 'check_violation', constraint = 'award_line_only_in_a_draft';
    end if;
    return coalesce(new, old);
end;
$$;

-- What the decision made of each funded application: its line and its grant, once.
create table round_award (
    application_id     bigint        primary key references application (id),
    round_id           bigint        not null references grant_round (id),
    award_line_id      bigint        not null references award_line (id),
    grant_id           bigint        not null references organisation_grant (id),
    decision_reference varchar(30)   not null,
    amount             numeric(15,2) not null check (amount > 0),
    created_at         timestamptz   not null,
    constraint round_award_line_once unique (award_line_id),
    constraint round_award_grant_once unique (grant_id)
);
create index round_award_of_round on round_award (round_id);
create trigger round_award_no_truncate before truncate on round_award
    for each statement execute function truncate_is_refused();

-- An application is awarded, or not, only by its round's decision: while the round is in its record.
create function application_outcome_by_decision() returns trigger
language plpgsql as $$
begin
    if new.status <> old.status and new.status in ('AWARDED', 'NOT_AWARDED')
            and (select status from grant_round where id = new.round_id) <> 'IN_DECISION' then
        raise exception 'An application is % only by its round''s decision', lower(new.status)
            using errcode = 'check_violation', constraint = 'application_outcome_by_decision';
    end if;
    return new;
end;
$$;
create trigger application_outcome_by_decision before update on application
    for each row execute function application_outcome_by_decision();
