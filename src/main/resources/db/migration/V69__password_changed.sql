-- Issue 17 (OWASP ASVS 2.1.5, 2.1.6): people change their own password. When it was last set (by them, by an
-- administrator, or when the account was made), for their account page; unknown for the passwords set before.
alter table app_user add column password_changed_at timestamptz;

-- The one session that goes on when its own person changes the password and every other session of the account
-- ends (sessions_ended_at): the SHA-256 of its id, never the id itself. Emptied whenever sessions end for any other
-- reason (disabled, a password or second factor reset by an administrator).
alter table app_user add column session_kept_hash text;
