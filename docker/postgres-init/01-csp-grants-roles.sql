-- Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d), by psql as the
-- superuser: the two roles of the README's "Database roles" and the database, owned by the owner.
-- Flyway migrates as csp_grants_owner; the application connects as csp_grants_app, which owns nothing
-- and gets its rights from the migrations. The passwords come from docker-compose.yml.
\getenv owner_password CSP_GRANTS_OWNER_PASSWORD
\getenv app_password CSP_GRANTS_APP_PASSWORD
create role csp_grants_owner login password :'owner_password';
create database csp_grants owner csp_grants_owner;
create role csp_grants_app login password :'app_password';
