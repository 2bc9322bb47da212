-- Issue 17 (OWASP ASVS level 2, 3.3): a session signed in before this moment is ended at its next request,
-- on every node. Set when an administrator disables the account, sets a new password or resets the second
-- factor; role and partnership changes need no end: a session's roles follow the account's (within a second).
alter table app_user add column sessions_ended_at timestamptz;
