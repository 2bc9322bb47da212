-- Issue 17 (OWASP ASVS 3.3.4): each signed-in session, so that a person sees where they are signed in and can
-- sign any of those sessions out. Written at sign-in (the session holds the row's id, which survives the
-- session id's changes), its last request moved on at most once a minute, ended by signing out or by the
-- person from another session. A session that timed out is simply old: rows a month old are forgotten at the
-- person's next sign-in (every sign-in is in the audit trail).
create table signed_in_session (
    id              bigint generated always as identity primary key,
    user_id         bigint       not null references app_user (id) on delete cascade,
    signed_in_at    timestamptz  not null,
    how             varchar(200) not null,
    device          varchar(200) not null,
    network_address varchar(100),
    last_seen_at    timestamptz  not null,
    ended_at        timestamptz,
    ended_by        varchar(200),
    check ((ended_at is null) = (ended_by is null))
);
create index signed_in_session_of_user on signed_in_session (user_id, signed_in_at);
create trigger signed_in_session_no_truncate before truncate on signed_in_session
    for each statement execute function truncate_is_refused();
