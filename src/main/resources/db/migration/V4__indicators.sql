-- Other names a partnership goes by in source data, e.g. "Hinckley and Bosworth" in police.uk files
-- for the partnership "Hinckley & Bosworth".
create table partnership_alias (
    partnership_id bigint       not null references partnership (id) on delete cascade,
    alias          varchar(120) not null,
    primary key (partnership_id, alias)
);
create unique index partnership_alias_unique on partnership_alias (lower(alias));

-- Recorded crime from police.uk street-level files, counted per partnership, month and crime type so
-- that crime harm can be recomputed whenever the harm weights change. Anti-social behaviour is kept as
-- its own crime type and left out of recorded crime and crime harm.
create table crime_month (
    month           date         primary key,
    loaded_at       timestamptz  not null,
    loaded_by       varchar(255) not null,
    source          varchar(255) not null,
    records         integer      not null,
    constraint crime_month_first_day check (extract(day from month) = 1)
);

create table crime_count (
    month          date         not null references crime_month (month) on delete cascade,
    partnership_id bigint       not null references partnership (id),
    crime_type     varchar(80)  not null,
    count          integer      not null check (count >= 0),
    primary key (month, partnership_id, crime_type)
);

-- Records that belong to no partnership: no location (area_name is empty) or an area outside them.
create table crime_unmatched (
    month      date         not null references crime_month (month) on delete cascade,
    area_name  varchar(160) not null,
    crime_type varchar(80)  not null,
    count      integer      not null check (count >= 0),
    primary key (month, area_name, crime_type)
);

-- Crime harm weight per police.uk crime type, e.g. Cambridge Crime Harm Index days.
create table harm_weight (
    crime_type  varchar(80)   primary key,
    weight      numeric(12,4) not null check (weight >= 0),
    source      varchar(500)  not null,
    updated_at  timestamptz   not null default now(),
    version     bigint        not null default 0
);

-- Resident population per partnership and financial year, e.g. ONS mid-year estimates.
create table population (
    partnership_id bigint        not null references partnership (id),
    financial_year integer       not null,
    value          numeric(14,0) not null check (value >= 0),
    source         varchar(500)  not null,
    loaded_at      timestamptz   not null,
    loaded_by      varchar(255)  not null,
    primary key (partnership_id, financial_year)
);

-- Any other indicator, loaded from a generic CSV (partnership code, financial year, indicator, value).
create table indicator_value (
    partnership_id bigint        not null references partnership (id),
    financial_year integer       not null,
    indicator      varchar(60)   not null,
    value          numeric(20,6) not null,
    source         varchar(500)  not null,
    loaded_at      timestamptz   not null,
    loaded_by      varchar(255)  not null,
    primary key (partnership_id, financial_year, indicator)
);

-- An officer's correction of one value, with the reason; it takes the place of the loaded value.
create table indicator_correction (
    partnership_id bigint        not null references partnership (id),
    financial_year integer       not null,
    indicator      varchar(60)   not null,
    value          numeric(20,6) not null,
    reason         varchar(1000) not null,
    corrected_at   timestamptz   not null,
    corrected_by   varchar(255)  not null,
    primary key (partnership_id, financial_year, indicator)
);
