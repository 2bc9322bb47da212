-- Issue 17 (NCSC password guidance, OWASP ASVS 2.3): a password an administrator typed for someone (a new
-- account's first password, or one reset) is known to two people, so its person chooses their own at their
-- next sign-in before any other page opens. Changing their own password clears it.
alter table app_user add column password_to_change boolean not null default false;
comment on column app_user.password_to_change is
    'true while the password is one an administrator set: every page but Password waits for the person to choose their own';
