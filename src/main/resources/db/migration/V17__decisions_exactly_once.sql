-- Decision records: the database refuses what the DecisionRecord aggregate refuses. Four different people
-- sign, each box is filled exactly when the record has reached it, a record starts as a draft, dates are
-- dates a public body could have written, text has limits, and the money a decision made can never be
-- made again nor its record removed.

alter table decision_record
    add constraint decision_record_signers_differ check (
        (consulted_by is null or lower(consulted_by) <> lower(created_by))
        and (publication_by is null or (lower(publication_by) <> lower(created_by)
            and lower(publication_by) <> lower(coalesce(consulted_by, ''))))
        and (decided_by is null or (lower(decided_by) <> lower(created_by)
            and lower(decided_by) <> lower(coalesce(consulted_by, ''))
            and lower(decided_by) <> lower(coalesce(publication_by, ''))))),
    add constraint decision_record_boxes_match_status check (
        (status = 'DRAFT' and consulted_by is null and publication_by is null and decided_by is null)
        or (status = 'CONSULTED' and consulted_by is not null and consulted_name is not null
            and consulted_on is not null and publication_by is null and decided_by is null)
        or (status = 'PUBLICATION_DECIDED' and consulted_by is not null and publication_by is not null
            and publish_record is not null and publish_report is not null and publish_details is not null
            and publication_on is not null and decided_by is null)
        or (status = 'DECIDED' and consulted_by is not null and publication_by is not null
            and decided_by is not null and decision is not null and decided_on is not null)),
    add constraint decision_record_dates_sensible check (
        decision_date between date '2000-01-01' and date '2200-12-31'
        and (consulted_on is null or consulted_on between date '2000-01-01' and date '2200-12-31')
        and (publication_on is null or publication_on between date '2000-01-01' and date '2200-12-31')
        and (decided_on is null or decided_on between date '2000-01-01' and date '2200-12-31')),
    add constraint decision_record_text_limits check (
        char_length(summary) <= 20000 and char_length(recommendations) <= 20000
        and char_length(coalesce(discussion, '')) <= 20000
        and char_length(coalesce(financial_implications, '')) <= 20000
        and char_length(coalesce(publication_reasons, '')) <= 4000
        and char_length(coalesce(decision_comment, '')) <= 4000);

create function decision_record_starts_as_a_draft() returns trigger
language plpgsql as $$
begin
    if new.status <> 'DRAFT' then
        raise exception 'A decision record starts as a draft, not %', new.status
            using errcode = 'check_violation', constraint = 'decision_record_starts_as_a_draft';
    end if;
    return new;
end;
$$;

create trigger decision_record_starts_as_a_draft before insert on decision_record
    for each row execute function decision_record_starts_as_a_draft();

-- The effect of a decision: only of a decided, Supported record; never changed or deleted, so that
-- "exactly once" can never be re-armed.
create function decision_effect_is_permanent() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from decision_record where id = new.decision_id and status = 'DECIDED'
                and decision = 'SUPPORTED') then
            raise exception 'Only a decided, Supported decision record has an effect'
                using errcode = 'check_violation', constraint = 'decision_effect_permanent';
        end if;
        return new;
    end if;
    raise exception 'The effect of a decision is permanent: % is not allowed on decision_effect', tg_op
        using errcode = 'insufficient_privilege', constraint = 'decision_effect_permanent';
end;
$$;

create trigger decision_effect_permanent before insert or update or delete on decision_effect
    for each row execute function decision_effect_is_permanent();
