-- The database as the last line of defence: the application connects as a role that owns nothing (its
-- name comes from the placeholder application_role, csp-grants.database.application-role), while Flyway
-- migrates as the owner of the schema; and TRUNCATE is refused on every table that holds money,
-- decisions, runs, returns, users or partnerships, whoever asks.

-- 1. TRUNCATE refused. The application's role has no TRUNCATE privilege, so these triggers are for
-- everyone else who could: the owner and superusers (triggers fire for them too). A table's rows go one
-- by one, through DELETE and the rules that guard it, or not at all. audit_event has refused TRUNCATE
-- since V3 (audit_event_no_truncate).
create function truncate_is_refused() returns trigger
language plpgsql as $$
begin
    raise exception 'TRUNCATE is refused on %: its rows are removed one by one, or not at all', tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger partnership_no_truncate before truncate on partnership
    for each statement execute function truncate_is_refused();
create trigger partnership_alias_no_truncate before truncate on partnership_alias
    for each statement execute function truncate_is_refused();
create trigger app_user_no_truncate before truncate on app_user
    for each statement execute function truncate_is_refused();
create trigger app_user_role_no_truncate before truncate on app_user_role
    for each statement execute function truncate_is_refused();
-- Failed sign-ins are what lock-outs count: emptying the table would lift every lock-out at once.
create trigger sign_in_attempt_no_truncate before truncate on sign_in_attempt
    for each statement execute function truncate_is_refused();
create trigger formula_no_truncate before truncate on formula
    for each statement execute function truncate_is_refused();
create trigger formula_version_no_truncate before truncate on formula_version
    for each statement execute function truncate_is_refused();
create trigger formula_run_no_truncate before truncate on formula_run
    for each statement execute function truncate_is_refused();
create trigger formula_run_input_no_truncate before truncate on formula_run_input
    for each statement execute function truncate_is_refused();
create trigger formula_run_line_no_truncate before truncate on formula_run_line
    for each statement execute function truncate_is_refused();
create trigger formula_run_indicator_no_truncate before truncate on formula_run_indicator
    for each statement execute function truncate_is_refused();
create trigger grant_award_no_truncate before truncate on grant_award
    for each statement execute function truncate_is_refused();
create trigger grant_line_no_truncate before truncate on grant_line
    for each statement execute function truncate_is_refused();
create trigger grant_payment_no_truncate before truncate on grant_payment
    for each statement execute function truncate_is_refused();
create trigger year_settings_no_truncate before truncate on year_settings
    for each statement execute function truncate_is_refused();
create trigger quarterly_return_no_truncate before truncate on quarterly_return
    for each statement execute function truncate_is_refused();
create trigger return_activity_no_truncate before truncate on return_activity
    for each statement execute function truncate_is_refused();
create trigger decision_record_no_truncate before truncate on decision_record
    for each statement execute function truncate_is_refused();
create trigger decision_effect_no_truncate before truncate on decision_effect
    for each statement execute function truncate_is_refused();
create trigger year_close_no_truncate before truncate on year_close
    for each statement execute function truncate_is_refused();
create trigger year_underspend_no_truncate before truncate on year_underspend
    for each statement execute function truncate_is_refused();
create trigger redistribution_no_truncate before truncate on redistribution
    for each statement execute function truncate_is_refused();
create trigger redistribution_top_slice_no_truncate before truncate on redistribution_top_slice
    for each statement execute function truncate_is_refused();
create trigger population_no_truncate before truncate on population
    for each statement execute function truncate_is_refused();
create trigger indicator_value_no_truncate before truncate on indicator_value
    for each statement execute function truncate_is_refused();
create trigger indicator_correction_no_truncate before truncate on indicator_correction
    for each statement execute function truncate_is_refused();
create trigger crime_month_no_truncate before truncate on crime_month
    for each statement execute function truncate_is_refused();
create trigger crime_count_no_truncate before truncate on crime_count
    for each statement execute function truncate_is_refused();
create trigger crime_unmatched_no_truncate before truncate on crime_unmatched
    for each statement execute function truncate_is_refused();
create trigger harm_weight_no_truncate before truncate on harm_weight
    for each statement execute function truncate_is_refused();

-- 2. What the application's role may do, and nothing more: SELECT, INSERT, UPDATE and DELETE on every
-- table of the schema (no TRUNCATE, REFERENCES, TRIGGER or MAINTAIN); only SELECT and INSERT on the
-- append-only audit_event; USAGE and SELECT on sequences (identity columns); nothing on Flyway's history.
-- It owns nothing, so it can never alter, disable or drop a table, a trigger or a function, and it
-- cannot create objects in schema public.
--
-- Why a function called after every migrate (afterMigrate__grant_application_role.sql) and not
-- ALTER DEFAULT PRIVILEGES: default privileges belong to the role that creates a table, so they would
-- silently miss the tables of a later migration run as another user (a changed Flyway user), and
-- pg_restore --no-privileges (as the README restores) leaves none behind. Checking and granting at
-- every start covers later migrations' tables, a restored database, and an application role created after
-- this migration ran. It only writes when something is missing or extra, so nodes starting together do
-- not race on the catalogue in the usual case (and an advisory lock makes them take turns otherwise).
--
-- An installation that still connects with one user for both (no SPRING_FLYWAY_USER), or that names a
-- role that does not exist, gets a notice and carries on as before: not recommended (see README).
create function grant_application_role(application_role text, history_table text) returns void
language plpgsql as $$
declare
    app oid;
    item record;
    kind text;
    wanted text[];
    held text[];
begin
    select oid into app from pg_roles where rolname = application_role;
    if app is null then
        raise notice 'There is no role "%" to grant the application''s rights to, so none were granted: the '
            'application presumably connects as the owner of the tables, which can alter or disable their '
            'triggers. Not recommended: see the README, Database roles.', application_role;
        return;
    end if;
    if pg_has_role(application_role, current_user, 'MEMBER') then
        raise notice 'The application''s role "%" is the owner of the tables (%), a member of it, or a superuser, '
            'so no rights were granted: it can alter or disable the tables'' triggers. Not recommended: see the '
            'README, Database roles.', application_role, current_user;
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('csp-grants: grant_application_role'));

    if not has_schema_privilege(app, 'public', 'USAGE') then
        execute format('grant usage on schema public to %I', application_role);
    end if;
    if has_schema_privilege(app, 'public', 'CREATE') then
        begin
            execute 'revoke create on schema public from public';
            execute format('revoke create on schema public from %I', application_role);
        exception when insufficient_privilege then
            null;
        end;
        if has_schema_privilege(app, 'public', 'CREATE') then
            raise warning 'The role "%" can create objects in schema public (a database made before PostgreSQL 15?):'
                ' as its owner, run: revoke create on schema public from public', application_role;
        end if;
    end if;

    for item in
        select c.oid, c.relname, c.relkind
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'
          and c.relkind in ('r', 'p', 'v', 'S')
          and pg_has_role(current_user, c.relowner, 'USAGE')
        order by c.relname
    loop
        kind := case when item.relkind = 'S' then 'sequence' else 'table' end;
        wanted := case
            when item.relname = history_table then '{}'
            when item.relkind = 'S' then '{SELECT,USAGE}'
            when item.relname = 'audit_event' then '{SELECT,INSERT}'
            else '{SELECT,INSERT,UPDATE,DELETE}'
        end;
        select coalesce(array_agg(a.privilege_type::text), '{}') into held
        from pg_class c, aclexplode(c.relacl) a
        where c.oid = item.oid and a.grantee = app;
        if not (held @> wanted and wanted @> held) then
            execute format('revoke all on %s public.%I from %I', kind, item.relname, application_role);
            if cardinality(wanted) > 0 then
                execute format('grant %s on %s public.%I to %I', array_to_string(wanted, ', '), kind, item.relname,
                    application_role);
            end if;
        end if;
    end loop;
end;
$$;

revoke execute on function grant_application_role(text, text) from public;

do $$ begin perform grant_application_role('${application_role}', '${flyway:table}'); end $$;
