-- Applicants to a grant round (issue 16, step 3): anyone with an e-mail address. They have no password: they
-- sign in by a link sent to their address, which is also how the address is verified. An applicant is an
-- app_user holding the one role APPLICANT (username applicant.<id>, as app_user_username_normalised allows;
-- a password hash nobody knows the password of), with the address they gave in applicant_account.
alter table app_user_role drop constraint app_user_role_known;
alter table app_user_role add constraint app_user_role_known check (role in
    ('ADMIN', 'OFFICER', 'FINANCE', 'MONITORING_OFFICER', 'COMMISSIONER', 'CSP_MANAGER', 'RECIPIENT', 'APPLICANT'));

-- One account per address, whatever its capitals: two requests for the same address at once make one
-- account (the second insert does nothing).
create table applicant_account (
    user_id     bigint primary key references app_user (id),
    email       varchar(254) not null
        constraint applicant_account_email_shape check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    created_at  timestamptz  not null,
    -- when a link sent to the address was first used: the address is the applicant's
    verified_at timestamptz,
    constraint applicant_account_verified_after_created check (verified_at is null or verified_at >= created_at)
);
create unique index applicant_account_email_once on applicant_account (lower(email));

-- A sign-in link: only the SHA-256 of its token is kept (hex), so the table never holds a usable link.
-- A link is used once (used_at set by the one update that checks it is unused and unexpired), lives at
-- most an hour, and leads only to a page under /apply (never to another site or a staff page).
create table sign_in_link (
    token_hash char(64)     primary key
        constraint sign_in_link_hash_shape check (token_hash ~ '^[0-9a-f]{64}$'),
    user_id    bigint       not null references applicant_account (user_id),
    next_path  varchar(500) not null
        constraint sign_in_link_next_is_apply check (next_path = '/apply' or next_path like '/apply/%'),
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz,
    constraint sign_in_link_lives_an_hour_at_most
        check (expires_at > created_at and expires_at <= created_at + interval '1 hour'),
    constraint sign_in_link_used_while_alive check (used_at is null or (used_at >= created_at and used_at < expires_at))
);
create index sign_in_link_of_user on sign_in_link (user_id, created_at desc);

-- How many links were asked for an address (lower case) in its current window: a few an hour, then the
-- requests are answered the same but send nothing, so nobody can fill a stranger's inbox.
create table sign_in_link_request (
    email_key         varchar(254) primary key,
    window_started_at timestamptz  not null,
    requests          integer      not null check (requests > 0)
);

create trigger applicant_account_no_truncate before truncate on applicant_account
    for each statement execute function truncate_is_refused();
create trigger sign_in_link_no_truncate before truncate on sign_in_link
    for each statement execute function truncate_is_refused();
create trigger sign_in_link_request_no_truncate before truncate on sign_in_link_request
    for each statement execute function truncate_is_refused();
