-- Community Safety Partnerships: one per district.
create table partnership (
    id             bigint generated always as identity primary key,
    name           varchar(120) not null,
    code           varchar(12)  not null,
    ons_code       char(9),
    lead_authority varchar(160) not null,
    active         boolean      not null default true,
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint partnership_ons_code_format check (ons_code ~ '^[A-Z][0-9]{8}$')
);

create unique index partnership_name_unique on partnership (lower(name));
create unique index partnership_code_unique on partnership (upper(code));
create unique index partnership_ons_code_unique on partnership (ons_code);
