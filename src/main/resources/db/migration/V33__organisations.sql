-- Recipients beyond the CSPs (issue 15): every organisation that receives a grant, identified as the
-- 360Giving Data Standard identifies organisations (GB-CHC-<charity number>, GB-COH-<company number>,
-- GB-LAE-<local authority code>, or the OPCC's own 360G- prefix where an organisation has no register
-- number). The identifier is unique, so the same organisation cannot be entered twice.
create table organisation (
    id              bigint generated always as identity primary key,
    name            varchar(300)  not null check (length(btrim(name)) > 0),
    type            varchar(30)   not null check (type in
        ('LOCAL_AUTHORITY', 'POLICE_FORCE', 'CHARITY', 'COMPANY', 'CIC', 'PUBLIC_BODY', 'OTHER')),
    charity_number  varchar(20),
    company_number  varchar(20),
    identifier      varchar(80)   not null check (identifier ~ '^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9._/-]+$'),
    address         varchar(1000),
    postcode        varchar(10),
    contact_name    varchar(200),
    contact_email   varchar(254) check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    contact_phone   varchar(40),
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint organisation_identifier_once unique (identifier)
);
create index organisation_name_lower on organisation (lower(name));

-- A CSP is funded through its lead authority: one lead authority per partnership.
create table partnership_lead_authority (
    partnership_id  bigint primary key references partnership (id),
    organisation_id bigint not null references organisation (id)
);
