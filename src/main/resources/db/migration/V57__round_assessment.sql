-- Issue 16, step 10: moderation and the round marked assessed. Officers read the ranked list of a closed round's
-- eligible applications, look again at those whose reviewers disagree by more than the round's gap, write notes
-- on them and may return a reviewer's submitted scores, with a reason, for the reviewer to look at again. Once
-- every eligible application has its reviews in, the round is marked assessed, once, by a named officer; then
-- nothing of the reviews changes.

alter table grant_round
    add column assessed_by varchar(200),
    add column assessed_at timestamptz;
alter table grant_round add constraint grant_round_assessed_when_past_closed check (
    ((assessed_by is null) = (assessed_at is null))
    and ((status in ('ASSESSED', 'AT_PANEL', 'IN_DECISION', 'DECIDED')) = (assessed_at is not null)));

-- A round is marked assessed only when no application awaits its eligibility decision, every eligible application
-- has at least the round's number of reviews submitted, and no review is still being declared or scored.
create function grant_round_assessed_complete() returns trigger
language plpgsql as $$
begin
    if new.status = 'ASSESSED' and old.status = 'CLOSED' then
        if exists (select 1 from application where round_id = new.id and status = 'SUBMITTED')
                or exists (select 1 from review_assignment where round_id = new.id
                    and status in ('ASSIGNED', 'DECLARED'))
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
create trigger grant_round_assessed_complete before update on grant_round
    for each row execute function grant_round_assessed_complete();

-- The last time an officer returned a reviewer's submitted scores, and why; the reviewer reads it.
alter table review_assignment
    add column returned_reason text check (length(btrim(returned_reason)) > 0 and length(returned_reason) <= 2000),
    add column returned_by     varchar(200),
    add column returned_at     timestamptz;
alter table review_assignment add constraint review_assignment_returned_with_a_reason check (
    (returned_reason is null) = (returned_at is null) and (returned_by is null) = (returned_at is null));

-- Submitted scores go back to their reviewer only while the round is closed (not once it is assessed), with a new
-- reason each time; and once a round is assessed its reviews no longer change at all.
create function review_assignment_returned() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
begin
    select status into round_status from grant_round where id = new.round_id;
    if old.status = 'SUBMITTED' and new.status = 'DECLARED' then
        if round_status <> 'CLOSED' or new.returned_at is null
                or new.returned_at is not distinct from old.returned_at then
            raise exception 'Scores go back to their reviewer with a reason, only while the round is closed'
                using errcode = 'check_violation', constraint = 'review_assignment_returned';
        end if;
    elsif new.returned_at is distinct from old.returned_at then
        raise exception 'Only submitted scores are returned'
            using errcode = 'check_violation', constraint = 'review_assignment_returned';
    end if;
    if new.status <> old.status and round_status in ('ASSESSED', 'AT_PANEL', 'IN_DECISION', 'DECIDED') then
        raise exception 'The reviews of an assessed round no longer change'
            using errcode = 'check_violation', constraint = 'review_assignment_returned';
    end if;
    return new;
end;
$$;
create trigger review_assignment_returned before update on review_assignment
    for each row execute function review_assignment_returned();

-- Officers' notes on an application whose scores were looked at again; kept, numbered in the order written (the
-- number is the one the writer expected next, so two notes written from the same page cannot both stand).
create table moderation_note (
    id              bigint generated always as identity primary key,
    round_id        bigint        not null references grant_round (id),
    application_id  bigint        not null references application (id),
    position        integer       not null check (position >= 1),
    note            text          not null check (length(btrim(note)) > 0 and length(note) <= 5000),
    written_by      varchar(200)  not null,
    written_at      timestamptz   not null,
    constraint moderation_note_in_order unique (application_id, position)
);

create function moderation_note_kept() returns trigger
language plpgsql as $$
declare
    app record;
    round_status varchar(20);
begin
    if tg_op <> 'INSERT' then
        raise exception 'A moderation note is kept as written'
            using errcode = 'check_violation', constraint = 'moderation_note_kept';
    end if;
    select round_id, status into app from application where id = new.application_id;
    select status into round_status from grant_round where id = new.round_id;
    if app.round_id <> new.round_id or app.status <> 'ELIGIBLE'
            or round_status not in ('CLOSED', 'ASSESSED', 'AT_PANEL') then
        raise exception 'Notes are written on an eligible application of a round being assessed or at the panel'
            using errcode = 'check_violation', constraint = 'moderation_note_kept';
    end if;
    if new.position > 1 and not exists (select 1 from moderation_note where application_id = new.application_id
            and position = new.position - 1) then
        raise exception 'Moderation notes are numbered in order'
            using errcode = 'check_violation', constraint = 'moderation_note_in_order';
    end if;
    return new;
end;
$$;
create trigger moderation_note_kept before insert or update or delete on moderation_note
    for each row execute function moderation_note_kept();
create trigger moderation_note_no_truncate before truncate on moderation_note
    for each statement execute function truncate_is_refused();
