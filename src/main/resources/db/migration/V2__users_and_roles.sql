-- People who sign in. Passwords are stored only as hashes from Spring's delegating encoder.
create table app_user (
    id             bigint generated always as identity primary key,
    username       varchar(60)  not null,
    display_name   varchar(120) not null,
    password_hash  varchar(255) not null,
    enabled        boolean      not null default true,
    partnership_id bigint references partnership (id),
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now()
);

create unique index app_user_username_unique on app_user (lower(username));

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(30) not null,
    primary key (user_id, role),
    constraint app_user_role_known check (role in ('ADMIN', 'OFFICER', 'FINANCE', 'MONITORING_OFFICER', 'COMMISSIONER', 'CSP_MANAGER'))
);

-- Failed sign-ins are counted per username typed, whether or not such a user exists, so that
-- the lock-out never tells an attacker which usernames are real.
create table sign_in_attempt (
    username      varchar(255) primary key,
    failed_count  integer     not null default 0,
    locked_until  timestamptz,
    last_failed_at timestamptz
);
