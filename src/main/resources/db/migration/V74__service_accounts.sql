-- Issue 17: a service account is an account made for a program (the force's finance ledger, a data warehouse):
-- it acts only through the API tokens an administrator makes for it, never signs in (its password hash is one
-- no password gives, and sign-in refuses it whatever the hash), is given no work or message, and has no e-mail
-- address or manager. What an account is for is fixed when it is made.
alter table app_user add column service_account boolean not null default false;
alter table app_user add constraint app_user_service_account_has_no_mail_or_manager
    check (not service_account or (email is null and manager_id is null));
