-- A recipient's contact can sign in (issue 15): the role RECIPIENT, and the one organisation such a user
-- acts for. A recipient contact sees only that organisation's grants, payments and returns.
alter table app_user_role drop constraint app_user_role_known;
alter table app_user_role add constraint app_user_role_known check (role in
    ('ADMIN', 'OFFICER', 'FINANCE', 'MONITORING_OFFICER', 'COMMISSIONER', 'CSP_MANAGER', 'RECIPIENT'));

alter table app_user add column organisation_id bigint references organisation (id);
-- a user acts for one partnership or one organisation, never both
alter table app_user add constraint app_user_one_link check (partnership_id is null or organisation_id is null);
create index app_user_organisation on app_user (organisation_id) where organisation_id is not null;
