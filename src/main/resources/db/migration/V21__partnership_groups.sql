-- Partnership groups: a saved, named set of partnerships a formula run can cover instead of every active
-- partnership (for example "Leicestershire and Rutland districts", or one force area of several). A group is
-- archived rather than deleted, so that the runs made over it keep naming it.
create table partnership_group (
    id          bigint generated always as identity primary key,
    name        varchar(120) not null,
    description varchar(500),
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- One name per group, whatever its case, archived groups included.
create unique index partnership_group_name_unique on partnership_group (lower(name));

create table partnership_group_member (
    group_id       bigint not null references partnership_group (id),
    partnership_id bigint not null references partnership (id),
    primary key (group_id, partnership_id)
);

create index partnership_group_member_partnership on partnership_group_member (partnership_id);

create trigger partnership_group_no_truncate before truncate on partnership_group
    for each statement execute function truncate_is_refused();
create trigger partnership_group_member_no_truncate before truncate on partnership_group_member
    for each statement execute function truncate_is_refused();

-- The set a run covers, frozen in the run: the group chosen (none for all active partnerships) and the set's
-- name as shown when the run was made, e.g. "All active partnerships (9)"; the members are the run's lines.
alter table formula_run add column partnership_group_id bigint references partnership_group (id);
alter table formula_run add column partnerships_label varchar(200);

-- Every run before this migration covered all the partnerships active when it was made: its lines. Saying so
-- in the new column changes nothing the run was made with, so the freezing trigger stands aside for this one
-- statement, inside this migration's transaction.
alter table formula_run disable trigger formula_run_frozen;
update formula_run r
set partnerships_label = 'All active partnerships (' || (select count(*) from formula_run_line l where l.run_id = r.id) || ')'
where r.status <> 'DISCARDED';
update formula_run set partnerships_label = 'All active partnerships' where partnerships_label is null;
alter table formula_run enable trigger formula_run_frozen;

alter table formula_run alter column partnerships_label set not null;
alter table formula_run add constraint formula_run_partnerships_label_not_blank check (btrim(partnerships_label) <> '');

create index formula_run_partnership_group on formula_run (partnership_group_id);

-- As V15, with the set a run covers among what it was made with: it never changes, whatever the run's status.
create or replace function formula_run_is_frozen() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'Formula run % is % and can never change or be deleted', old.id, old.status
                using errcode = 'check_violation', constraint = 'formula_run_frozen';
        end if;
        return old;
    end if;
    if old.status in ('SUPERSEDED', 'DISCARDED') then
        raise exception 'Formula run % is % and can never change', old.id, old.status
            using errcode = 'check_violation', constraint = 'formula_run_frozen';
    end if;
    if (new.id, new.financial_year, new.purpose, new.pot, new.formula_version_id, new.formula_label, new.window_years,
            new.spec, new.baseline_source, new.note, new.created_at, new.created_by, new.partnership_group_id,
            new.partnerships_label)
        is distinct from (old.id, old.financial_year, old.purpose, old.pot, old.formula_version_id, old.formula_label,
            old.window_years, old.spec, old.baseline_source, old.note, old.created_at, old.created_by,
            old.partnership_group_id, old.partnerships_label) then
        raise exception 'What formula run % was made with can never change', old.id
            using errcode = 'check_violation', constraint = 'formula_run_frozen';
    end if;
    if old.status = 'APPROVED' and (new.status not in ('APPROVED', 'SUPERSEDED')
            or (new.approved_at, new.approved_by) is distinct from (old.approved_at, old.approved_by)) then
        raise exception 'Formula run % is approved and can never change but to be superseded', old.id
            using errcode = 'check_violation', constraint = 'formula_run_frozen';
    end if;
    if old.status = 'DRAFT' and new.status not in ('DRAFT', 'APPROVED', 'DISCARDED') then
        raise exception 'A draft formula run cannot become %', new.status
            using errcode = 'check_violation', constraint = 'formula_run_frozen';
    end if;
    return new;
end;
$$;
