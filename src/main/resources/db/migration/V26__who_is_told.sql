-- Who is told what (notifications): a person's e-mail address (optional: without one, messages stay in
-- the application), the manager an escalation goes to, and the OPCC officer responsible for each
-- partnership. Set on the user and partnership pages.
alter table app_user add column email varchar(254);
alter table app_user add constraint app_user_email_shape check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
alter table app_user add column manager_id bigint references app_user (id);
alter table app_user add constraint app_user_not_own_manager check (manager_id is null or manager_id <> id);
alter table partnership add column responsible_officer_id bigint references app_user (id);
