-- Input at the edge: what people type, upload or send is checked against what the columns hold.

-- Crime counts are read as Java longs with exact sums; the columns that keep them hold as much.
-- (An import row of 2,147,483,647 crimes used to wrap round to a wrong total and load.)
alter table crime_count alter column count type bigint;
alter table crime_unmatched alter column count type bigint;
alter table crime_month alter column records type bigint;

-- Usernames are stored as Usernames.normalise reads them (NFKC, lower case, stripped) and looked up
-- exactly: sign-in no longer compares with lower(), whose idea of lower case outside ASCII differs
-- from Java's. Every username so far was made through a check of [A-Za-z0-9._@-]{3,60}, so lower
-- case and stripping are all the normalising they need.
update app_user set username = lower(btrim(username)) where username <> lower(btrim(username));
drop index app_user_username_unique;
alter table app_user add constraint app_user_username_unique unique (username);
alter table app_user add constraint app_user_username_normalised check (username ~ '^[a-z0-9._@-]{3,60}$');
