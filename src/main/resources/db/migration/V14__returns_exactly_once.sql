-- Quarterly returns: the database refuses what the QuarterlyReturn aggregate refuses. A return starts as a
-- draft, its status moves only as ReturnStatus.canBecome allows, and the figures and activities of a
-- submitted or accepted return never change (an accepted one is re-opened, with a reason, first).

alter table quarterly_return
    add constraint quarterly_return_submitted_has_when
        check (status not in ('SUBMITTED', 'ACCEPTED') or submitted_at is not null),
    add constraint quarterly_return_accepted_has_who_and_when
        check (status <> 'ACCEPTED' or (accepted_at is not null and accepted_by is not null));

create function quarterly_return_moves_as_allowed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'DRAFT' then
            raise exception 'A quarterly return starts as a draft, not %', new.status
                using errcode = 'check_violation', constraint = 'quarterly_return_status_moves';
        end if;
        return new;
    end if;
    if tg_op = 'DELETE' then
        if old.status in ('SUBMITTED', 'ACCEPTED') then
            raise exception 'Quarterly return % is % and is never deleted', old.id, old.status
                using errcode = 'check_violation', constraint = 'quarterly_return_status_moves';
        end if;
        return old;
    end if;
    if new.partnership_id <> old.partnership_id or new.financial_year <> old.financial_year
            or new.quarter <> old.quarter then
        raise exception 'Quarterly return % belongs to one partnership, year and quarter for ever', old.id
            using errcode = 'check_violation', constraint = 'quarterly_return_status_moves';
    end if;
    if new.status <> old.status and not ((old.status, new.status) in (('DRAFT', 'SUBMITTED'), ('RETURNED', 'SUBMITTED'),
            ('SUBMITTED', 'ACCEPTED'), ('SUBMITTED', 'RETURNED'), ('ACCEPTED', 'DRAFT'))) then
        raise exception 'A quarterly return that is % cannot become %', old.status, new.status
            using errcode = 'check_violation', constraint = 'quarterly_return_status_moves';
    end if;
    if new.status = old.status and old.status in ('SUBMITTED', 'ACCEPTED')
            and (new.planned_allocation <> old.planned_allocation or new.cumulative_spend <> old.cumulative_spend
                or new.comments is distinct from old.comments
                or new.spend_fall_reason is distinct from old.spend_fall_reason) then
        raise exception 'The figures of quarterly return % are % and cannot change', old.id, old.status
            using errcode = 'check_violation', constraint = 'quarterly_return_figures_frozen';
    end if;
    return new;
end;
$$;

create trigger quarterly_return_moves before insert or update or delete on quarterly_return
    for each row execute function quarterly_return_moves_as_allowed();

create function return_activity_only_in_a_draft() returns trigger
language plpgsql as $$
declare
    return_status varchar(20);
begin
    select status into return_status from quarterly_return where id = coalesce(new.return_id, old.return_id);
    if return_status in ('SUBMITTED', 'ACCEPTED') then
        raise exception 'The activities of quarterly return % are % and cannot change',
            coalesce(new.return_id, old.return_id), return_status
            using errcode = 'check_violation', constraint = 'quarterly_return_figures_frozen';
    end if;
    return coalesce(new, old);
end;
$$;

create trigger return_activity_in_a_draft before insert or update or delete on return_activity
    for each row execute function return_activity_only_in_a_draft();
