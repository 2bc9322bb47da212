-- For DatabaseRolesTest only: a table made by a migration after the one that set up the database roles,
-- which the application's role must be able to use without that migration granting anything.
create table later_table (
    id   bigint generated always as identity primary key,
    note text   not null
);
