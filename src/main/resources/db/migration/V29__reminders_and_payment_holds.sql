-- Reminders and the escalation ladder of a year (issue 14): reminders this many working days before a
-- return is due (most pressing last, e.g. '10,3'), the officer's manager told when a return is overdue by
-- escalate_after_days working days, and the partnership's payments held when overdue by hold_after_days.
alter table year_settings
    add column reminder_days varchar(50) not null default '10,3'
        check (reminder_days ~ '^[0-9]{1,2}(,[0-9]{1,2}){0,4}$'),
    add column escalate_after_days integer not null default 5 check (escalate_after_days between 1 and 60),
    add column hold_after_days integer not null default 15 check (hold_after_days between 1 and 120),
    add constraint year_settings_hold_after_escalation check (hold_after_days > escalate_after_days);

-- A payment hold: a partnership's return overdue by the year's hold days stops its payments until an
-- OPCC officer releases the hold with a reason. One hold per overdue return, ever (payment_hold_once): the
-- reminder job running twice, or on two nodes, places it once, and a released hold is not placed again.
create table payment_hold (
    id              bigint generated always as identity primary key,
    partnership_id  bigint        not null references partnership (id),
    financial_year  integer       not null,
    quarter         varchar(2)    not null check (quarter in ('Q1', 'Q2', 'Q3', 'Q4')),
    -- the working day the hold was placed on, and why, in words
    placed_on       date          not null,
    reason          varchar(1000) not null,
    released_at     timestamptz,
    released_by     varchar(255),
    release_reason  varchar(1000),
    version         bigint        not null default 0,
    constraint payment_hold_once unique (partnership_id, financial_year, quarter),
    constraint payment_hold_released_whole check ((released_at is null) = (released_by is null)
        and (released_at is null) = (release_reason is null))
);
create index payment_hold_active on payment_hold (partnership_id) where released_at is null;

-- While a hold is active, none of the partnership's payments is recorded as paid (a payment row is written
-- only when finance records it: V12), whoever writes the row.
create function grant_payment_not_on_hold() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from payment_hold h join grant_award g on g.partnership_id = h.partnership_id
               where g.id = new.grant_id and h.released_at is null) then
        raise exception 'The payments of grant % are on hold', new.grant_id
            using errcode = 'check_violation', constraint = 'grant_payment_not_on_hold';
    end if;
    return new;
end;
$$;
create trigger grant_payment_not_on_hold before insert on grant_payment
    for each row execute function grant_payment_not_on_hold();

-- A hold is released once, and a released hold stays released.
create function payment_hold_released_once() returns trigger
language plpgsql as $$
begin
    if old.released_at is not null then
        raise exception 'Payment hold % is released and never changes', old.id
            using errcode = 'check_violation', constraint = 'payment_hold_released_once';
    end if;
    return new;
end;
$$;
create trigger payment_hold_released_once before update on payment_hold
    for each row execute function payment_hold_released_once();

create trigger payment_hold_no_truncate before truncate on payment_hold
    for each statement execute function truncate_is_refused();
