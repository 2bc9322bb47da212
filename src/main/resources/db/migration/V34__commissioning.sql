-- Commissioning (issue 15): the funding streams of a year, the Police and Crime Plan and its themes, and
-- the award schedule of a year with its lines and their periods.

-- Money from one source for one year (Home Office Community Safety Fund, former force partnership
-- funding, a reserve). A change of amount is kept with its reason in funding_stream_change.
create table funding_stream (
    id              bigint generated always as identity primary key,
    financial_year  integer       not null,
    name            varchar(200)  not null check (length(btrim(name)) > 0),
    funder          varchar(200)  not null,
    kind            varchar(20)   not null check (kind in ('GRANT', 'FORCE', 'RESERVE', 'OTHER')),
    amount          numeric(15,2) not null check (amount >= 0),
    conditions      varchar(4000),
    ring_fenced     boolean       not null default false,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(255)  not null,
    constraint funding_stream_name_once unique (financial_year, name)
);

create table funding_stream_change (
    id              bigint generated always as identity primary key,
    stream_id       bigint        not null references funding_stream (id),
    amount_before   numeric(15,2) not null,
    amount_after    numeric(15,2) not null check (amount_after >= 0),
    reason          varchar(1000) not null check (length(btrim(reason)) > 0),
    changed_by      varchar(255)  not null,
    changed_at      timestamptz   not null
);

-- A CSP formula pot draws on a stream too, so that the year's whole picture adds up: a formula run's pot
-- is paid from one stream, once.
create table formula_run_stream (
    run_id          bigint primary key references formula_run (id),
    stream_id       bigint not null references funding_stream (id),
    linked_by       varchar(255) not null,
    linked_at       timestamptz  not null
);

-- A Police and Crime Plan and its themes. A year commissions against one plan; adopting a new plan for a
-- later year keeps the old plan, its themes and every award linked to them.
create table police_crime_plan (
    id              bigint generated always as identity primary key,
    name            varchar(200)  not null unique,
    published_on    date,
    version         bigint        not null default 0
);
create table plan_theme (
    id              bigint generated always as identity primary key,
    plan_id         bigint        not null references police_crime_plan (id),
    name            varchar(200)  not null,
    -- THEME: one of the plan's priorities; ALL: supports every theme; DISCRETIONARY: across all themes
    kind            varchar(20)   not null default 'THEME' check (kind in ('THEME', 'ALL', 'DISCRETIONARY')),
    position        integer       not null,
    constraint plan_theme_name_once unique (plan_id, name)
);
create table commissioning_year (
    financial_year  integer primary key,
    plan_id         bigint        not null references police_crime_plan (id),
    version         bigint        not null default 0
);

-- The award schedule of a year: one per year; its lines by recipient and initiative.
create table award_schedule (
    id                   bigint generated always as identity primary key,
    financial_year       integer       not null unique,
    title                varchar(300)  not null,
    status               varchar(20)   not null default 'DRAFT'
        check (status in ('DRAFT', 'IN_DECISION', 'DECIDED')),
    -- over-allocation the year allows, as a percentage of its streams (Warwickshire allowed about 10%)
    tolerance_percent    numeric(5,2)  not null default 0 check (tolerance_percent between 0 and 25),
    decision_reference   varchar(20),
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null
);

create table award_line (
    id                bigint generated always as identity primary key,
    schedule_id       bigint        not null references award_schedule (id),
    position          integer       not null,
    -- the heading the line sits under in the spreadsheet ("Police In Kind", "PCC Grant"), if any
    section           varchar(300),
    organisation_id   bigint        not null references organisation (id),
    -- set when the award is to a CSP (paid to its lead authority)
    partnership_id    bigint        references partnership (id),
    initiative        varchar(1000) not null check (length(btrim(initiative)) > 0),
    status            varchar(20)   not null check (status in ('COMMITTED', 'INDICATIVE', 'NEW_FUNDING_STREAM')),
    stream_id         bigint        not null references funding_stream (id),
    theme_id          bigint        not null references plan_theme (id),
    route             varchar(30)   not null check (route in ('DIRECT', 'CONTRACT', 'CSP_BUSINESS_CASE',
        'PCC_GRANT', 'INNOVATION_FUND', 'BCU_FUND')),
    business_case_ref varchar(100),
    contract_ref      varchar(100),
    round_ref         varchar(100),
    in_kind           boolean       not null default false,
    comments          varchar(2000),
    -- the line this one replaces; a replaced line is shown struck through and never counted
    replaces_line_id  bigint        references award_line (id),
    created_at        timestamptz   not null,
    created_by        varchar(255)  not null,
    constraint award_line_position_once unique (schedule_id, position),
    constraint award_line_replaced_once unique (replaces_line_id),
    constraint award_line_not_replacing_itself check (replaces_line_id is null or replaces_line_id <> id)
);
create index award_line_schedule on award_line (schedule_id);

-- The amounts of a line per period: two half-years by default, any date range "where stated".
create table award_line_period (
    line_id     bigint        not null references award_line (id) on delete cascade,
    position    integer       not null,
    starts_on   date          not null,
    ends_on     date          not null,
    amount      numeric(15,2) not null check (amount >= 0),
    primary key (line_id, position),
    constraint award_line_period_dates check (ends_on >= starts_on)
);
