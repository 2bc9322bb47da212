-- Quarterly monitoring returns: one per partnership per quarter, entered by OPCC officers.
create table quarterly_return (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint        not null references partnership (id),
    financial_year     integer       not null,
    quarter            varchar(2)    not null check (quarter in ('Q1', 'Q2', 'Q3', 'Q4')),
    status             varchar(20)   not null check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    planned_allocation numeric(15,2) not null check (planned_allocation >= 0),
    cumulative_spend   numeric(15,2) not null check (cumulative_spend >= 0),
    comments           varchar(4000),
    spend_fall_reason  varchar(1000),
    status_reason      varchar(1000),
    version            bigint        not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(255)  not null,
    submitted_at       timestamptz,
    accepted_at        timestamptz,
    accepted_by        varchar(255),
    unique (partnership_id, financial_year, quarter)
);

create table return_activity (
    return_id  bigint        not null references quarterly_return (id) on delete cascade,
    line       integer       not null,
    title      varchar(300)  not null,
    theme      varchar(200),
    planned    numeric(15,2) not null check (planned >= 0),
    spend      numeric(15,2) not null check (spend >= 0),
    outcomes   varchar(4000),
    primary key (return_id, line)
);
