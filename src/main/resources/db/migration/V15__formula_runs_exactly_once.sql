-- Formula runs: a version for the FormulaRun entity, a discarded status (a discarded draft keeps its row
-- and number, its figures go), and the whole of an approved run and of the formula version it used frozen.

alter table formula_run add column version bigint not null default 0;
alter table formula_run drop constraint formula_run_status_check;
alter table formula_run
    add constraint formula_run_status_known check (status in ('DRAFT', 'APPROVED', 'SUPERSEDED', 'DISCARDED')),
    add constraint formula_run_approved_has_who_and_when
        check (status not in ('APPROVED', 'SUPERSEDED') or (approved_by is not null and approved_at is not null)),
    add constraint formula_run_superseded_has_by_and_when
        check (status <> 'SUPERSEDED' or (superseded_by is not null and superseded_at is not null));

-- Nobody approves their own run, whatever the case of their username.
alter table formula_run drop constraint formula_run_approver_is_not_creator;
alter table formula_run add constraint formula_run_approver_is_not_creator
    check (approved_by is null or lower(approved_by) <> lower(created_by));

-- Once approved, nothing of a run changes but its move to superseded (with by whom and when); a superseded
-- or discarded run never changes again; only a draft is ever deleted, and only a draft is discarded.
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
            new.spec, new.baseline_source, new.note, new.created_at, new.created_by)
        is distinct from (old.id, old.financial_year, old.purpose, old.pot, old.formula_version_id, old.formula_label,
            old.window_years, old.spec, old.baseline_source, old.note, old.created_at, old.created_by) then
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

-- The figures of a run may change only while it is a draft; a discarded draft's figures may be deleted.
create or replace function formula_run_figures_are_frozen() returns trigger
language plpgsql as $$
declare
    run_status varchar(20);
begin
    select status into run_status from formula_run where id = coalesce(old.run_id, new.run_id);
    if run_status is not null and run_status <> 'DRAFT' and not (tg_op = 'DELETE' and run_status = 'DISCARDED') then
        raise exception 'The figures of formula run % are % and can never change', coalesce(old.run_id, new.run_id),
            run_status using errcode = 'check_violation', constraint = 'formula_run_figures_frozen';
    end if;
    return coalesce(new, old);
end;
$$;

-- A formula version that an approved (or superseded) run used never changes, nor is deleted; nor does a
-- locked one.
create function formula_version_is_frozen() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from formula_run where formula_version_id = old.id and status in ('APPROVED', 'SUPERSEDED'))
            or old.locked then
        if tg_op = 'DELETE' or (new.id, new.formula_id, new.number, new.weights, new.window_years, new.floor_amount,
                new.floor_percent, new.max_decrease_percent, new.max_increase_percent, new.created_at, new.created_by)
            is distinct from (old.id, old.formula_id, old.number, old.weights, old.window_years, old.floor_amount,
                old.floor_percent, old.max_decrease_percent, old.max_increase_percent, old.created_at, old.created_by)
            or (old.locked and not new.locked) then
            raise exception 'Formula version % is used by an approved run or locked, and can never change', old.id
                using errcode = 'check_violation', constraint = 'formula_version_frozen';
        end if;
    end if;
    return coalesce(new, old);
end;
$$;

create trigger formula_version_frozen before update or delete on formula_version
    for each row execute function formula_version_is_frozen();
