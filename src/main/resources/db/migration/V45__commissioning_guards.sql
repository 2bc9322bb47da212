-- What issue 15's rules say, said again by the database where it was said only in Java (a second read of the
-- change found these).

-- A stream's or a plan's name is taken whatever its case or surrounding spaces: "PCC Grant" and " pcc grant"
-- sent at the same moment were both saved, the keys being case-sensitive.
alter table funding_stream drop constraint funding_stream_name_once;
create unique index funding_stream_name_once on funding_stream (financial_year, lower(btrim(name)));
create unique index police_crime_plan_name_once on police_crime_plan (lower(btrim(name)));

-- A line replaces a line of its own schedule only.
alter table award_line add constraint award_line_in_its_schedule unique (schedule_id, id);
alter table award_line add constraint award_line_replaces_in_its_schedule
    foreign key (schedule_id, replaces_line_id) references award_line (schedule_id, id);

-- A schedule names its decision record exactly while it is in one or decided by one.
alter table award_schedule add constraint award_schedule_decision_named
    check ((status = 'DRAFT') = (decision_reference is null));

-- Only a draft schedule's lines change: in a decision record or decided, they are what was (or is being)
-- decided.
create function award_line_only_in_a_draft() returns trigger
language plpgsql as $$
declare
    changed_schedule bigint;
    schedule_status  varchar(20);
begin
    if tg_table_name = 'award_line' then
        changed_schedule := coalesce(new.schedule_id, old.schedule_id);
    else
        select l.schedule_id into changed_schedule from award_line l where l.id = coalesce(new.line_id, old.line_id);
    end if;
    select status into schedule_status from award_schedule where id = changed_schedule;
    if schedule_status is not null and schedule_status <> 'DRAFT' then
        raise exception 'The lines of an award schedule that is % do not change', lower(schedule_status)
            using errcode = 'check_violation', constraint = 'award_line_only_in_a_draft';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger award_line_only_in_a_draft before insert or update or delete on award_line
    for each row execute function award_line_only_in_a_draft();
create trigger award_line_period_only_in_a_draft before insert or update or delete on award_line_period
    for each row execute function award_line_only_in_a_draft();

-- One decision record at a time for a schedule: the record a schedule is attached to is the only one not yet
-- decided that names it.
create unique index decision_record_one_open_per_schedule on decision_record (attachment_ref)
    where attachment_type = 'AWARD_SCHEDULE' and status <> 'DECIDED';

-- A payment to an organisation is money for a period: more than nothing, for days in order.
alter table organisation_grant_payment
    add constraint organisation_grant_payment_something check (amount > 0),
    add constraint organisation_grant_payment_period check (ends_on >= starts_on);

-- An organisation's return records when it was submitted, and who accepted it and when, as a CSP's does (V14).
alter table organisation_return
    add constraint organisation_return_submitted_has_who_and_when
        check (status not in ('SUBMITTED', 'ACCEPTED') or (submitted_at is not null and submitted_by is not null)),
    add constraint organisation_return_accepted_has_who_and_when
        check (status <> 'ACCEPTED' or (accepted_at is not null and accepted_by is not null));
