-- After every migrate, that is at every start, even with nothing to migrate: the application's role gets
-- exactly its rights on every table, including tables made by migrations after V19 and tables restored
-- with pg_restore --no-privileges. Why this and not ALTER DEFAULT PRIVILEGES: see V19__database_roles.sql.
do $$ begin perform grant_application_role('${application_role}', '${flyway:table}'); end $$;
