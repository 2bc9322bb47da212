-- Year end: a financial year closed by finance, and each partnership's underspend as it stood then.
create table year_close (
    financial_year integer       primary key,
    status         varchar(20)   not null check (status in ('CLOSED', 'REOPENED')),
    policy         varchar(30)   not null check (policy in ('CARRY_FORWARD', 'RETURN_TO_POT')),
    missing_reason varchar(1000),
    closed_at      timestamptz   not null,
    closed_by      varchar(255)  not null,
    reopen_reason  varchar(1000),
    version        bigint        not null default 0
);

create table year_underspend (
    financial_year  integer       not null references year_close (financial_year),
    partnership_id  bigint        not null references partnership (id),
    total_available numeric(15,2) not null,
    final_spend     numeric(15,2) not null,
    underspend      numeric(15,2) not null,
    spend_quarter   varchar(2),
    primary key (financial_year, partnership_id)
);

-- A proposal to use a pot of underspend: named top-slices, and the remainder split by a formula run.
create table redistribution (
    id                 bigint generated always as identity primary key,
    source_year        integer       not null,
    pot                numeric(15,2) not null check (pot > 0),
    pot_reason         varchar(1000),
    top_slice_budget   numeric(15,2),
    status             varchar(20)   not null check (status in ('DRAFT', 'APPROVED', 'SUPPORTED', 'NOT_SUPPORTED')),
    run_id             bigint        references formula_run (id),
    decision_reference varchar(20),
    created_at         timestamptz   not null,
    created_by         varchar(255)  not null,
    approved_at        timestamptz,
    approved_by        varchar(255),
    version            bigint        not null default 0
);

create table redistribution_top_slice (
    redistribution_id bigint        not null references redistribution (id) on delete cascade,
    line              integer       not null,
    recipient         varchar(200)  not null,
    purpose           varchar(500)  not null,
    amount            numeric(15,2),
    takes_balance     boolean       not null default false,
    awarded_at        timestamptz,
    primary key (redistribution_id, line)
);
create unique index redistribution_one_balance_line on redistribution_top_slice (redistribution_id) where takes_balance;
