-- Issue 17: a second factor for local accounts (OWASP ASVS level 2): time-based one-time passwords
-- (RFC 6238: HMAC-SHA1, 6 digits, 30 seconds) from an authenticator app, and ten recovery codes.
-- Required for administrators, finance, the Monitoring Officer and the Commissioner; optional for others.
-- A row is written only when the first code from the app is right: until then the secret being set up lives
-- in the session of the person setting it up, and nobody else (another session with the same password)
-- can read it.
create table second_factor (
    user_id        bigint      primary key references app_user (id),
    -- 160 random bits in Base32, as authenticator apps read them
    secret         char(32)    not null check (secret ~ '^[A-Z2-7]{32}$'),
    set_up_at      timestamptz not null,
    -- the 30-second step of the last code accepted: a code, once used, is never accepted again
    last_used_step bigint      not null
);
create trigger second_factor_no_truncate before truncate on second_factor
    for each statement execute function truncate_is_refused();

-- A recovery code, for when the phone is lost: only its SHA-256 is kept, and each is used once.
create table recovery_code (
    user_id   bigint      not null references second_factor (user_id) on delete cascade,
    code_hash char(64)    not null check (code_hash ~ '^[0-9a-f]{64}$'),
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
create trigger recovery_code_no_truncate before truncate on recovery_code
    for each statement execute function truncate_is_refused();
