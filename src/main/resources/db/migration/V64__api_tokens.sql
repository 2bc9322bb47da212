-- Issue 17: API tokens for machine clients. A token is 256 random bits shown once; only its SHA-256 is
-- kept (a fast look-up is safe for a secret that long). A token acts as its user, with the user's roles
-- and partnership as they are when it is used, optionally only to read; it expires (90 days by default,
-- a year at most) and can be revoked, once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references app_user (id),
    name         varchar(100) not null check (length(btrim(name)) > 0),
    token_hash   char(64)     not null check (token_hash ~ '^[0-9a-f]{64}$'),
    -- the first characters of the token, to recognise it in a list ("cspg_Ab3d")
    token_prefix varchar(12)  not null,
    read_only    boolean      not null,
    -- the form's key: pressing "Create token" twice makes one token
    create_key   uuid         not null,
    created_at   timestamptz  not null,
    created_by   varchar(120) not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    revoked_by   varchar(120),
    last_used_at timestamptz,
    constraint api_token_hash_once unique (token_hash),
    constraint api_token_created_once unique (user_id, create_key),
    constraint api_token_expiry check (expires_at > created_at and expires_at <= created_at + interval '366 days'),
    constraint api_token_revoked_by_someone check ((revoked_at is null) = (revoked_by is null))
);
create index api_token_of_user on api_token (user_id);

-- A token is never removed (its audit trail names it) and changes only by being used or revoked, once.
create function api_token_changes() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'An API token is revoked, never removed'
            using errcode = 'check_violation', constraint = 'api_token_kept';
    end if;
    if (new.user_id, new.name, new.token_hash, new.token_prefix, new.read_only, new.create_key, new.created_at,
            new.created_by, new.expires_at)
        is distinct from (old.user_id, old.name, old.token_hash, old.token_prefix, old.read_only, old.create_key,
            old.created_at, old.created_by, old.expires_at) then
        raise exception 'An API token does not change: revoke it and create another'
            using errcode = 'check_violation', constraint = 'api_token_kept';
    end if;
    if old.revoked_at is not null and (new.revoked_at, new.revoked_by) is distinct from (old.revoked_at, old.revoked_by) then
        raise exception 'API token % was already revoked by %', old.id, old.revoked_by
            using errcode = 'check_violation', constraint = 'api_token_revoked_once';
    end if;
    return new;
end;
$$;
create trigger api_token_changes before update or delete on api_token
    for each row execute function api_token_changes();
create trigger api_token_no_truncate before truncate on api_token
    for each statement execute function truncate_is_refused();
