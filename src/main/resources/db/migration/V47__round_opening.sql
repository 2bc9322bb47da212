-- Issue 16, step 2: a grant round is opened to applications, its closing time moved later with a reason while it
-- is open, closed (by an officer, or by the service when its closing time comes) and, while a draft or open,
-- cancelled with a reason. Who did each and when is kept on the round; every move of a closing time is kept with
-- its reason, for applicants and for the Panel.

alter table grant_round
    add column opened_by     varchar(200),
    add column opened_at     timestamptz,
    add column closed_by     varchar(200),
    add column closed_at     timestamptz,
    add column close_reason  text check (length(btrim(close_reason)) > 0 and length(close_reason) <= 5000),
    add column cancelled_by  varchar(200),
    add column cancelled_at  timestamptz,
    add column cancel_reason text check (length(cancel_reason) <= 5000);

-- Who and when are there exactly when the status says the step was taken.
alter table grant_round
    add constraint grant_round_opened_when_past_draft check (
        ((opened_by is null) = (opened_at is null))
        and (status <> 'DRAFT' or opened_at is null)
        and (status in ('DRAFT', 'CANCELLED') or opened_at is not null)),
    add constraint grant_round_closed_when_past_open check (
        ((closed_by is null) = (closed_at is null))
        and ((status in ('DRAFT', 'OPEN', 'CANCELLED')) = (closed_at is null))
        and (closed_at is not null or close_reason is null)),
    add constraint grant_round_cancelled_with_a_reason check (
        ((cancelled_by is null) = (cancelled_at is null))
        and ((status = 'CANCELLED') = (cancelled_at is not null))
        and ((status = 'CANCELLED') = (cancel_reason is not null and length(btrim(cancel_reason)) > 0)));

create table round_deadline_change (
    id              bigint generated always as identity primary key,
    round_id        bigint        not null references grant_round (id),
    from_closes_at  timestamptz   not null,
    to_closes_at    timestamptz   not null,
    reason          text          not null check (length(btrim(reason)) > 0 and length(reason) <= 5000),
    changed_by      varchar(200)  not null,
    changed_at      timestamptz   not null,
    constraint round_deadline_change_later_only check (to_closes_at > from_closes_at),
    -- one change from each closing time: two officers moving the same deadline cannot both stand
    constraint round_deadline_change_once_from unique (round_id, from_closes_at)
);

-- The moves of a round, as RoundStatus.canBecome has them; a closing time moves only later, and only while the
-- round is open (a draft's moves freely with its other details).
create function grant_round_moves() returns trigger
language plpgsql as $$
begin
    if new.status <> old.status and (old.status, new.status) not in (
            ('DRAFT', 'OPEN'), ('DRAFT', 'CANCELLED'), ('OPEN', 'CLOSED'), ('OPEN', 'CANCELLED'),
            ('CLOSED', 'ASSESSED'), ('ASSESSED', 'AT_PANEL'), ('AT_PANEL', 'IN_DECISION'),
            ('IN_DECISION', 'DECIDED'), ('IN_DECISION', 'AT_PANEL')) then
        raise exception 'A grant round that is % does not become %', lower(old.status), lower(new.status)
            using errcode = 'check_violation', constraint = 'grant_round_moves';
    end if;
    if new.closes_at is distinct from old.closes_at and old.status <> 'DRAFT' then
        if old.status <> 'OPEN' or new.closes_at < old.closes_at then
            raise exception 'The closing time of a grant round that is % only moves later while it is open',
                lower(old.status)
                using errcode = 'check_violation', constraint = 'round_closes_later_only';
        end if;
    end if;
    return new;
end;
$$;
create trigger grant_round_moves before update on grant_round
    for each row execute function grant_round_moves();

-- A round opens complete: at least one theme, criteria (their weights add up to 100, checked as they are saved),
-- every point of its scale described, and its guidance and who may apply written for applicants to read.
create function grant_round_opens_complete() returns trigger
language plpgsql as $$
begin
    if new.status = 'OPEN' and old.status = 'DRAFT' then
        if not exists (select 1 from round_theme where round_id = new.id)
                or not exists (select 1 from round_criterion where round_id = new.id)
                or (select count(*) from round_scale_point where round_id = new.id and point <= new.scale_max)
                    <> new.scale_max + 1
                or length(btrim(new.guidance)) = 0 or length(btrim(new.eligibility)) = 0 then
            raise exception 'Grant round % is not complete enough to open', new.reference
                using errcode = 'check_violation', constraint = 'grant_round_opens_complete';
        end if;
    end if;
    return new;
end;
$$;
create trigger grant_round_opens_complete before update on grant_round
    for each row execute function grant_round_opens_complete();

create trigger round_deadline_change_no_truncate before truncate on round_deadline_change
    for each statement execute function truncate_is_refused();
create index round_deadline_change_by_round on round_deadline_change (round_id);
