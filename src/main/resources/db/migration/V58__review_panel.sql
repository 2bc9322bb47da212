-- Issue 16, step 11: the Review Panel. Seed EXE 0025/13 line 81: a panel of the OPCC, the Force, the county,
-- city and Rutland councils, Probation and the third sector "recommends which to fund on the basis of the
-- scores, comments and recommendations" of the themed reviewers. Officers record who sits on the panel (one
-- chair), take an assessed round to it on the date it meets, record any member's interest in an application
-- (the member takes no part in that item) and the panel's recommendation on each eligible application: fund in
-- full, fund in part or do not fund, with the reason for the minutes and feedback for the applicant. The panel
-- recommends within the round's budget.

alter table grant_round
    add column panel_meets_on     date,
    add column taken_to_panel_by  varchar(200),
    add column taken_to_panel_at  timestamptz;
alter table grant_round add constraint grant_round_at_panel_when check (
    ((taken_to_panel_by is null) = (taken_to_panel_at is null))
    and ((panel_meets_on is null) = (taken_to_panel_at is null))
    and ((status in ('AT_PANEL', 'IN_DECISION', 'DECIDED')) = (taken_to_panel_at is not null)));

create table panel_member (
    id            bigint generated always as identity primary key,
    round_id      bigint        not null references grant_round (id),
    name          varchar(200)  not null check (length(btrim(name)) > 0),
    organisation  varchar(200)  not null check (length(btrim(organisation)) > 0),
    chair         boolean       not null default false,
    added_by      varchar(200)  not null,
    added_at      timestamptz   not null
);
create unique index panel_member_once on panel_member (round_id, lower(btrim(name)));
create unique index panel_member_one_chair on panel_member (round_id) where chair;

create table panel_interest (
    member_id       bigint        not null references panel_member (id),
    application_id  bigint        not null references application (id),
    interest        text          not null check (length(btrim(interest)) > 0 and length(interest) <= 2000),
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null,
    primary key (member_id, application_id)
);

create table panel_recommendation (
    application_id  bigint        primary key references application (id),
    round_id        bigint        not null references grant_round (id),
    outcome         varchar(20)   not null check (outcome in ('FUND', 'FUND_IN_PART', 'DO_NOT_FUND')),
    amount          numeric(15,2) check (amount > 0),
    reason          text          not null check (length(btrim(reason)) > 0 and length(reason) <= 5000),
    feedback        text          not null check (length(btrim(feedback)) > 0 and length(feedback) <= 5000),
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null,
    version         bigint        not null default 0,
    constraint panel_recommendation_amount_when_funded check ((outcome = 'DO_NOT_FUND') = (amount is null))
);
create index panel_recommendation_of_round on panel_recommendation (round_id);

-- Who sits on the panel changes while the round is assessed or at the panel; a member with an interest recorded
-- stays (the minutes name them).
create function panel_member_while_at_panel() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
begin
    select status into round_status from grant_round where id = coalesce(new.round_id, old.round_id);
    if round_status not in ('ASSESSED', 'AT_PANEL') then
        raise exception 'The panel of a round that is % no longer changes', lower(round_status)
            using errcode = 'check_violation', constraint = 'panel_member_while_at_panel';
    end if;
    if tg_op = 'UPDATE' and new.round_id <> old.round_id then
        raise exception 'A panel member stays on their round'
            using errcode = 'check_violation', constraint = 'panel_member_while_at_panel';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger panel_member_while_at_panel before insert or update or delete on panel_member
    for each row execute function panel_member_while_at_panel();

-- An interest is recorded on an eligible application of the member's own round while it is at the panel, and
-- kept as recorded.
create function panel_interest_kept() returns trigger
language plpgsql as $$
declare
    member_round bigint;
    app record;
    round_status varchar(20);
begin
    if tg_op <> 'INSERT' then
        raise exception 'A declared interest is kept as recorded'
            using errcode = 'check_violation', constraint = 'panel_interest_kept';
    end if;
    select round_id into member_round from panel_member where id = new.member_id;
    select round_id, status into app from application where id = new.application_id;
    select status into round_status from grant_round where id = member_round;
    if app.round_id <> member_round or app.status <> 'ELIGIBLE' or round_status not in ('ASSESSED', 'AT_PANEL') then
        raise exception 'An interest is recorded on an eligible application of the member''s round at the panel'
            using errcode = 'check_violation', constraint = 'panel_interest_kept';
    end if;
    return new;
end;
$$;
create trigger panel_interest_kept before insert or update or delete on panel_interest
    for each row execute function panel_interest_kept();

-- A recommendation is recorded while the round is at the panel, on an eligible application of it: in full is
-- the amount asked for, in part less than it; and what the panel recommends adds up to no more than the budget
-- (the round's row is taken first, so two recommendations recorded at once are added up one after the other).
create function panel_recommendation_at_panel() returns trigger
language plpgsql as $$
declare
    round_row record;
    app record;
    recommended numeric(15,2);
begin
    if tg_op = 'DELETE' then
        raise exception 'A recommendation is changed, not removed'
            using errcode = 'check_violation', constraint = 'panel_recommendation_at_panel';
    end if;
    select id, status, budget into round_row from grant_round where id = new.round_id for update;
    select round_id, status, amount_requested into app from application where id = new.application_id;
    if round_row.status <> 'AT_PANEL' or app.round_id <> new.round_id or app.status <> 'ELIGIBLE' then
        raise exception 'Recommendations are recorded on eligible applications of a round at the panel'
            using errcode = 'check_violation', constraint = 'panel_recommendation_at_panel';
    end if;
    if (new.outcome = 'FUND' and new.amount <> app.amount_requested)
            or (new.outcome = 'FUND_IN_PART' and new.amount >= app.amount_requested) then
        raise exception 'Funded in full is the amount asked for, in part less than it'
            using errcode = 'check_violation', constraint = 'panel_recommendation_amount';
    end if;
    select coalesce(sum(amount), 0) into recommended from panel_recommendation
        where round_id = new.round_id and application_id <> new.application_id;
    if recommended + coalesce(new.amount, 0) > round_row.budget then
        raise exception 'The panel recommends no more than the budget of round %', new.round_id
            using errcode = 'check_violation', constraint = 'panel_recommendation_within_budget';
    end if;
    return new;
end;
$$;
create trigger panel_recommendation_at_panel before insert or update or delete on panel_recommendation
    for each row execute function panel_recommendation_at_panel();

-- A round goes to the panel with its members, one of them the chair.
create function grant_round_to_panel_with_members() returns trigger
language plpgsql as $$
begin
    if new.status = 'AT_PANEL' and old.status = 'ASSESSED'
            and not exists (select 1 from panel_member where round_id = new.id and chair) then
        raise exception 'Grant round % goes to the panel with its members and a chair', new.reference
            using errcode = 'check_violation', constraint = 'grant_round_to_panel_with_members';
    end if;
    return new;
end;
$$;
create trigger grant_round_to_panel_with_members before update on grant_round
    for each row execute function grant_round_to_panel_with_members();

create trigger panel_member_no_truncate before truncate on panel_member
    for each statement execute function truncate_is_refused();
create trigger panel_interest_no_truncate before truncate on panel_interest
    for each statement execute function truncate_is_refused();
create trigger panel_recommendation_no_truncate before truncate on panel_recommendation
    for each statement execute function truncate_is_refused();
