-- Issue 16, step 7: an officer decides whether each submitted application is eligible, with reasons (required when
-- it is not: the applicant is told them), and may change the decision while the round is open or closed, never
-- once its applications are being assessed. Every move of an application keeps to ApplicationStatus.

alter table application
    add column eligibility_reasons    text         check (length(eligibility_reasons) <= 2000),
    add column eligibility_decided_by varchar(200),
    add column eligibility_decided_at timestamptz;

alter table application
    add constraint application_eligibility_decided check (
        ((eligibility_decided_by is null) = (eligibility_decided_at is null))
        and (status not in ('ELIGIBLE', 'INELIGIBLE', 'AWARDED', 'NOT_AWARDED') or eligibility_decided_at is not null)
        and (status <> 'INELIGIBLE' or length(btrim(eligibility_reasons)) > 0)
        and (eligibility_decided_at is null or eligibility_decided_at >= submitted_at));

create or replace function application_moves() returns trigger
language plpgsql as $$
declare
    round_row record;
begin
    if new.status <> old.status and (old.status, new.status) not in (
            ('DRAFT', 'SUBMITTED'), ('DRAFT', 'WITHDRAWN'), ('SUBMITTED', 'ELIGIBLE'), ('SUBMITTED', 'INELIGIBLE'),
            ('ELIGIBLE', 'INELIGIBLE'), ('INELIGIBLE', 'ELIGIBLE'),
            ('SUBMITTED', 'WITHDRAWN'), ('ELIGIBLE', 'AWARDED'), ('ELIGIBLE', 'NOT_AWARDED'),
            ('ELIGIBLE', 'WITHDRAWN')) then
        raise exception 'An application that is % does not become %', lower(old.status), lower(new.status)
            using errcode = 'check_violation', constraint = 'application_moves';
    end if;
    if old.submitted_at is not null and (new.number, new.reference, new.submitted_at, new.submitted_by)
            is distinct from (old.number, old.reference, old.submitted_at, old.submitted_by) then
        raise exception 'A submitted application keeps its number, reference and time of submission'
            using errcode = 'check_violation', constraint = 'application_moves';
    end if;
    if new.status = 'SUBMITTED' and old.status = 'DRAFT' then
        select status, opens_at, closes_at into round_row from grant_round where id = new.round_id;
        if round_row.status <> 'OPEN' or new.submitted_at < round_row.opens_at
                or new.submitted_at >= round_row.closes_at then
            raise exception 'Grant round % was not taking applications at %', new.round_id, new.submitted_at
                using errcode = 'check_violation', constraint = 'application_submitted_in_time';
        end if;
    end if;
    -- eligibility is decided, and changed, only before the round's applications are assessed
    if (new.eligibility_reasons, new.eligibility_decided_by, new.eligibility_decided_at)
            is distinct from (old.eligibility_reasons, old.eligibility_decided_by, old.eligibility_decided_at)
            or (new.status <> old.status and new.status in ('ELIGIBLE', 'INELIGIBLE')) then
        select status into round_row from grant_round where id = new.round_id;
        if round_row.status not in ('OPEN', 'CLOSED') then
            raise exception 'Grant round % is %: eligibility no longer changes', new.round_id, lower(round_row.status)
                using errcode = 'check_violation', constraint = 'application_eligibility_before_assessment';
        end if;
    end if;
    return new;
end;
$$;
