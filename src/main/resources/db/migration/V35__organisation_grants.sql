-- Grants to organisations (issue 15): a committed award line, decided Supported, becomes a grant for its
-- recipient, exactly once (organisation_grant_once_per_line), with a payment per period of the line.
create table organisation_grant (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint        not null references organisation (id),
    -- set when the grant is for a CSP, paid to its lead authority
    partnership_id      bigint        references partnership (id),
    financial_year      integer       not null,
    award_line_id       bigint        not null references award_line (id),
    initiative          varchar(1000) not null,
    amount              numeric(15,2) not null check (amount >= 0),
    stream_id           bigint        not null references funding_stream (id),
    theme_id            bigint        not null references plan_theme (id),
    route               varchar(30)   not null,
    in_kind             boolean       not null default false,
    decision_reference  varchar(20)   not null,
    version             bigint        not null default 0,
    created_at          timestamptz   not null,
    constraint organisation_grant_once_per_line unique (award_line_id)
);
create index organisation_grant_year on organisation_grant (financial_year);
create index organisation_grant_organisation on organisation_grant (organisation_id);

create table organisation_grant_payment (
    id            bigint generated always as identity primary key,
    grant_id      bigint        not null references organisation_grant (id),
    starts_on     date          not null,
    ends_on       date          not null,
    amount        numeric(15,2) not null check (amount >= 0),
    paid_on       date,
    reference     varchar(100),
    recorded_by   varchar(255),
    recorded_at   timestamptz,
    version       bigint        not null default 0,
    constraint organisation_grant_payment_once unique (grant_id, starts_on)
);
