-- Quarterly returns for grants to organisations (issue 15): per grant per quarter, the spend to date, the
-- outcomes achieved and comments; drafted and submitted by the recipient's contact or an officer, accepted
-- or returned for correction by an officer. The statuses move as the CSP returns' do
-- (monitoring.ReturnStatus), and the database refuses any other move.
create table organisation_return (
    id              bigint generated always as identity primary key,
    grant_id        bigint        not null references organisation_grant (id),
    quarter         varchar(2)    not null check (quarter in ('Q1', 'Q2', 'Q3', 'Q4')),
    status          varchar(20)   not null check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    spend_to_date   numeric(15,2) not null check (spend_to_date >= 0),
    outcomes        varchar(4000),
    comments        varchar(4000),
    status_reason   varchar(1000),
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(255)  not null,
    submitted_at    timestamptz,
    submitted_by    varchar(255),
    accepted_at     timestamptz,
    accepted_by     varchar(255),
    constraint organisation_return_once unique (grant_id, quarter)
);
create index organisation_return_status on organisation_return (status);

create function organisation_return_moves_as_allowed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'DRAFT' then
            raise exception 'An organisation return starts as a draft'
                using errcode = 'check_violation', constraint = 'organisation_return_status_moves';
        end if;
        return new;
    end if;
    if tg_op = 'DELETE' then
        if old.status in ('SUBMITTED', 'ACCEPTED') then
            raise exception 'Organisation return % is % and is never deleted', old.id, old.status
                using errcode = 'check_violation', constraint = 'organisation_return_status_moves';
        end if;
        return old;
    end if;
    if new.grant_id <> old.grant_id or new.quarter <> old.quarter then
        raise exception 'Organisation return % belongs to one grant and quarter for ever', old.id
            using errcode = 'check_violation', constraint = 'organisation_return_status_moves';
    end if;
    if new.status <> old.status and not ((old.status, new.status) in (('DRAFT', 'SUBMITTED'),
            ('RETURNED', 'SUBMITTED'), ('SUBMITTED', 'ACCEPTED'), ('SUBMITTED', 'RETURNED'), ('ACCEPTED', 'DRAFT'))) then
        raise exception 'An organisation return that is % cannot become %', old.status, new.status
            using errcode = 'check_violation', constraint = 'organisation_return_status_moves';
    end if;
    if new.status = old.status and old.status in ('SUBMITTED', 'ACCEPTED')
            and (new.spend_to_date <> old.spend_to_date or new.outcomes is distinct from old.outcomes
                or new.comments is distinct from old.comments) then
        raise exception 'The figures of organisation return % are % and cannot change', old.id, old.status
            using errcode = 'check_violation', constraint = 'organisation_return_figures_frozen';
    end if;
    return new;
end;
$$;

create trigger organisation_return_moves before insert or update or delete on organisation_return
    for each row execute function organisation_return_moves_as_allowed();

create trigger organisation_return_no_truncate before truncate on organisation_return
    for each statement execute function truncate_is_refused();
