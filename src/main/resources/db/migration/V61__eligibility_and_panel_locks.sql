-- Issue 16 (mended after a second read), two races closed where the data lives:
-- 1. An eligibility decision reads its round's status with a share lock, so that it and marking the round
--    assessed (which takes the round's row for update) happen one after the other: an application cannot be
--    found eligible in the same moment as its round is marked assessed without reviews.
-- 2. The chair of a Review Panel stays while the round is at the panel, and a change to the panel reads the
--    round's status with a share lock, so that taking a member off and taking the round to the panel happen
--    one after the other.
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
        select status into round_row from grant_round where id = new.round_id for share;
        if round_row.status not in ('OPEN', 'CLOSED') then
            raise exception 'Grant round % is %: eligibility no longer changes', new.round_id, lower(round_row.status)
                using errcode = 'check_violation', constraint = 'application_eligibility_before_assessment';
        end if;
    end if;
    return new;
end;
$$;


create or replace function panel_member_while_at_panel() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
begin
    select status into round_status from grant_round where id = coalesce(new.round_id, old.round_id) for share;
    if round_status not in ('ASSESSED', 'AT_PANEL') then
        raise exception 'The panel of a round that is % no longer changes', lower(round_status)
            using errcode = 'check_violation', constraint = 'panel_member_while_at_panel';
    end if;
    if tg_op = 'UPDATE' and new.round_id <> old.round_id then
        raise exception 'A panel member stays on their round'
            using errcode = 'check_violation', constraint = 'panel_member_while_at_panel';
    end if;
    if round_status = 'AT_PANEL' and old.chair and (tg_op = 'DELETE' or not new.chair) then
        raise exception 'The chair stays while the round is at the panel'
            using errcode = 'check_violation', constraint = 'panel_member_chair_stays';
    end if;
    return coalesce(new, old);
end;
$$;
