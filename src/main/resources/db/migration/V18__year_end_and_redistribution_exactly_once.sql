-- Year end and redistribution: the database refuses what the YearClose and Redistribution aggregates refuse.

-- A frozen underspend is always total available minus final spend; spend is never negative.
alter table year_underspend
    add constraint year_underspend_is_total_minus_spend check (underspend = total_available - final_spend),
    add constraint year_underspend_spend_not_negative check (final_spend >= 0);

-- A re-opened year says why; the reason for closing without Q4 returns names them all, so it may be long.
alter table year_close alter column missing_reason type text;
alter table year_close
    add constraint year_close_reopened_says_why check (status <> 'REOPENED' or reopen_reason is not null),
    add constraint year_close_missing_reason_limit check (char_length(coalesce(missing_reason, '')) <= 20000);

-- One proposal for a year's pot, revised until it is supported; money never negative; nobody approves their
-- own proposal; an approved proposal has its approver and decision record.
create unique index redistribution_one_per_source_year on redistribution (source_year);
alter table redistribution
    add constraint redistribution_top_slice_budget_not_negative check (top_slice_budget is null or top_slice_budget >= 0),
    add constraint redistribution_approver_is_not_proposer
        check (approved_by is null or lower(approved_by) <> lower(created_by)),
    add constraint redistribution_approved_has_who_and_record check (status = 'DRAFT'
        or (approved_by is not null and approved_at is not null and decision_reference is not null));
alter table redistribution_top_slice
    alter column amount set not null,
    add constraint redistribution_top_slice_amount_not_negative check (amount >= 0);

-- A proposal moves DRAFT -> APPROVED -> SUPPORTED or NOT_SUPPORTED, and NOT_SUPPORTED -> DRAFT when revised;
-- a supported proposal, and its top-slices, never change again.
create function redistribution_moves_as_allowed() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'DRAFT' then
            raise exception 'A redistribution proposal starts as a draft, not %', new.status
                using errcode = 'check_violation', constraint = 'redistribution_status_moves';
        end if;
        return new;
    end if;
    if old.status = 'SUPPORTED' then
        raise exception 'Redistribution % is supported and can never change', old.id
            using errcode = 'check_violation', constraint = 'redistribution_status_moves';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    if new.status <> old.status and not ((old.status, new.status) in (('DRAFT', 'APPROVED'),
            ('APPROVED', 'SUPPORTED'), ('APPROVED', 'NOT_SUPPORTED'), ('NOT_SUPPORTED', 'DRAFT'))) then
        raise exception 'A redistribution proposal that is % cannot become %', old.status, new.status
            using errcode = 'check_violation', constraint = 'redistribution_status_moves';
    end if;
    return new;
end;
$$;

create trigger redistribution_moves before insert or update or delete on redistribution
    for each row execute function redistribution_moves_as_allowed();

create function redistribution_top_slice_only_before_support() returns trigger
language plpgsql as $$
declare
    proposal_status varchar(20);
begin
    select status into proposal_status from redistribution
        where id = coalesce(new.redistribution_id, old.redistribution_id);
    if proposal_status = 'SUPPORTED' and tg_op <> 'UPDATE' then
        raise exception 'The top-slices of supported redistribution % can never change',
            coalesce(new.redistribution_id, old.redistribution_id)
            using errcode = 'check_violation', constraint = 'redistribution_status_moves';
    end if;
    if proposal_status = 'SUPPORTED' and tg_op = 'UPDATE'
            and ((new.recipient, new.purpose, new.amount, new.takes_balance)
                is distinct from (old.recipient, old.purpose, old.amount, old.takes_balance)
                or (old.awarded_at is not null and new.awarded_at is distinct from old.awarded_at)) then
        raise exception 'The top-slices of supported redistribution % can never change', old.redistribution_id
            using errcode = 'check_violation', constraint = 'redistribution_status_moves';
    end if;
    return coalesce(new, old);
end;
$$;

create trigger redistribution_top_slice_frozen before insert or update or delete on redistribution_top_slice
    for each row execute function redistribution_top_slice_only_before_support();
