-- The audit trail: one row for every change of a partnership, a user, an amount or a status.
-- Append only: the database itself refuses to change or remove a row.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(255) not null,
    action      varchar(60)  not null,
    entity_type varchar(60)  not null,
    entity_id   varchar(60)  not null,
    before_json jsonb,
    after_json  jsonb
);

create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_occurred_at on audit_event (occurred_at desc);

create function audit_event_is_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'The audit trail is append-only: % is not allowed on audit_event', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
