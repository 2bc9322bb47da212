-- Settings of a financial year: how grants are paid, when returns are due, and what happens to underspend.
create table year_settings (
    financial_year     integer     primary key,
    payment_profile    varchar(30) not null default 'QUARTERLY_IN_ARREARS'
        check (payment_profile in ('ANNUALLY_IN_ADVANCE', 'QUARTERLY_IN_ARREARS')),
    return_due_days    integer     not null default 30 check (return_due_days between 0 and 365),
    underspend_policy  varchar(30) not null default 'CARRY_FORWARD'
        check (underspend_policy in ('CARRY_FORWARD', 'RETURN_TO_POT')),
    version            bigint      not null default 0
);

-- A grant: one per partnership per financial year. Total available = its lines + carry forward.
create table grant_award (
    id                 bigint generated always as identity primary key,
    partnership_id     bigint        not null references partnership (id),
    financial_year     integer       not null,
    carry_forward      numeric(15,2) not null default 0,
    carry_forward_note varchar(1000),
    version            bigint        not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    unique (partnership_id, financial_year)
);

-- Where a grant's money comes from: a formula run, a redistribution, or entered by hand for a historic year.
create table grant_line (
    id          bigint generated always as identity primary key,
    grant_id    bigint        not null references grant_award (id),
    source      varchar(30)   not null check (source in ('FORMULA_RUN', 'REDISTRIBUTION', 'HISTORIC')),
    amount      numeric(15,2) not null,
    run_id      bigint        references formula_run (id),
    source_ref  varchar(100),
    note        varchar(1000),
    created_at  timestamptz   not null,
    created_by  varchar(255)  not null
);
-- A formula run makes grants once: at most one line per grant and run.
create unique index grant_line_once_per_run on grant_line (grant_id, run_id) where run_id is not null;
create unique index grant_line_once_per_source on grant_line (grant_id, source, source_ref) where source_ref is not null;

-- Payments of a grant. A payment is due once the return it depends on is accepted (or at once when it
-- depends on none), and paid when finance records it.
create table grant_payment (
    id            bigint generated always as identity primary key,
    grant_id      bigint        not null references grant_award (id),
    quarter       varchar(2)    check (quarter in ('Q1', 'Q2', 'Q3', 'Q4')),
    amount        numeric(15,2) not null check (amount >= 0),
    paid_on       date,
    reference     varchar(100),
    recorded_by   varchar(255),
    recorded_at   timestamptz,
    version       bigint        not null default 0,
    unique (grant_id, quarter)
);
