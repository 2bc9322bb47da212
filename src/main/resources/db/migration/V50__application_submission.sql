-- Issue 16, step 6: an application is submitted once, before its round's closing time, and given the next number
-- of its round and a reference made from it (PCCG-2013-14-007). Its status moves only as ApplicationStatus
-- allows. A submission takes its round's row "for no key update" and closing the round takes it "for update", so
-- the two take turns: an application submitted at the closing moment is either in before the close or refused.

alter table application
    add column number       integer      check (number > 0),
    add column reference    varchar(40),
    add column submitted_at timestamptz,
    add column submitted_by varchar(200);

alter table application
    add constraint application_number_once unique (round_id, number),
    add constraint application_submitted_with_its_number check (
        ((number is null) = (reference is null))
        and ((number is null) = (submitted_at is null))
        and ((submitted_at is null) = (submitted_by is null))
        and (status <> 'DRAFT' or submitted_at is null)
        and (status in ('DRAFT', 'WITHDRAWN') or submitted_at is not null));
create unique index application_reference_once on application (lower(reference));

create function application_moves() returns trigger
language plpgsql as $$
declare
    round_row record;
begin
    if new.status <> old.status and (old.status, new.status) not in (
            ('DRAFT', 'SUBMITTED'), ('DRAFT', 'WITHDRAWN'), ('SUBMITTED', 'ELIGIBLE'), ('SUBMITTED', 'INELIGIBLE'),
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
    return new;
end;
$$;
create trigger application_moves before update on application
    for each row execute function application_moves();
