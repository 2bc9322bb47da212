-- Issue 17: single sign-on with an organisation's OpenID Connect provider (Microsoft Entra ID or another).
-- A person who signs in through the provider gets an account the first time, with no role: roles (and a
-- CSP manager's partnership) come only from the administrators' sign-in mappings, read again at every
-- sign-in. Such an account has no password anybody knows (like an applicant's) and never signs in with one.
create table single_sign_on_account (
    user_id           bigint       primary key references app_user (id),
    -- who the provider is (its issuer) and who the person is there (the id token's "sub"): one account each
    issuer            varchar(500) not null,
    subject           varchar(255) not null,
    created_at        timestamptz  not null,
    last_signed_in_at timestamptz  not null,
    constraint single_sign_on_account_once unique (issuer, subject),
    constraint single_sign_on_signed_in_after_created check (last_signed_in_at >= created_at)
);
create trigger single_sign_on_account_no_truncate before truncate on single_sign_on_account
    for each statement execute function truncate_is_refused();

-- An administrator's rule: whoever's id token carries this value in this claim (a group's id in "groups",
-- an app role in "roles") holds this role; a CSP manager's rule names the one partnership. A rule is
-- switched off rather than removed, so that the audit trail and the list say what used to give a role.
create table sign_in_mapping (
    id             bigint       generated always as identity primary key,
    claim          varchar(100) not null check (claim ~ '^[A-Za-z0-9_.:/-]{1,100}$'),
    claim_value    varchar(255) not null check (length(btrim(claim_value)) > 0 and claim_value = btrim(claim_value)),
    role           varchar(30)  not null
        constraint sign_in_mapping_role check (role in ('ADMIN', 'OFFICER', 'FINANCE', 'MONITORING_OFFICER',
            'COMMISSIONER', 'CSP_MANAGER')),
    partnership_id bigint       references partnership (id),
    enabled        boolean      not null default true,
    version        bigint       not null default 0,
    created_at     timestamptz  not null,
    created_by     varchar(120) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(120) not null,
    constraint sign_in_mapping_partnership_for_csp_manager check ((role = 'CSP_MANAGER') = (partnership_id is not null)),
    constraint sign_in_mapping_once unique nulls not distinct (claim, claim_value, role, partnership_id)
);
create trigger sign_in_mapping_no_truncate before truncate on sign_in_mapping
    for each statement execute function truncate_is_refused();
