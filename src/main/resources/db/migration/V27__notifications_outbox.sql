-- Notifications: every message is written here, one row per person, in the same transaction as the change
-- that caused it, then sent. A message key is written once per person, however often or on however many
-- nodes it is published (notification_once). Rows are never deleted: what was sent, to whom and when, and
-- what failed, stays visible.
create table notification (
    id bigserial primary key,
    message_key varchar(200) not null,
    -- the piece of work it is about (return:2024-25:Q2:LEI): when that work is done, waiting messages
    -- about it are cancelled, never sent
    about varchar(200),
    template varchar(100) not null,
    username varchar(100) not null,
    recipient_name varchar(200) not null,
    -- the address at the time of writing; null when the person has none
    email varchar(254),
    -- EMAIL: to be sent by SMTP or GOV.UK Notify; APP: kept in the application only (the person's choice,
    -- no address, or no mail channel set up)
    channel varchar(10) not null check (channel in ('EMAIL', 'APP')),
    subject text not null,
    body text not null,
    link varchar(500),
    -- the template's values, for GOV.UK Notify's personalisation
    personalisation jsonb not null default '{}',
    -- held for the person's daily digest instead of sent on its own
    digest boolean not null default false,
    -- WAITING to be sent, SENT, FAILED after its last attempt, CANCELLED (the work was done first),
    -- KEPT in the application only, IN_DIGEST (sent as part of the digest digest_id)
    status varchar(12) not null default 'WAITING'
        check (status in ('WAITING', 'SENT', 'FAILED', 'CANCELLED', 'KEPT', 'IN_DIGEST')),
    attempts int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error text,
    cancelled_reason text,
    created_at timestamptz not null,
    sent_at timestamptz,
    read_at timestamptz,
    digest_id bigint references notification (id),
    version bigint not null default 0,
    constraint notification_once unique (message_key, username)
);
create index notification_waiting on notification (next_attempt_at) where status = 'WAITING';
create index notification_of_person on notification (username, created_at desc);
create index notification_about on notification (about) where status = 'WAITING';

-- How a person wants to be told: by e-mail and in the application, or in the application only; one
-- e-mail each, or a daily digest. No row: by e-mail, one each.
create table notification_preference (
    user_id bigint primary key references app_user (id),
    by_email boolean not null default true,
    daily_digest boolean not null default false,
    version bigint not null default 0,
    updated_at timestamptz not null
);

-- ShedLock (net.javacrumbs.shedlock, JDBC provider): a scheduled job runs on one node at a time.
create table shedlock (
    name varchar(64) primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);

-- What was sent goes row by row or not at all (V19). The lock table holds nothing worth keeping.
create trigger notification_no_truncate before truncate on notification
    for each statement execute function truncate_is_refused();
create trigger notification_preference_no_truncate before truncate on notification_preference
    for each statement execute function truncate_is_refused();
