-- Issue 16, step 7: an officer's due diligence on an eligible application's organisation before any money is
-- recommended: five questions answered yes or no, an overall risk, and notes (required when an answer is no or
-- the risk is high). Recorded once per application (its key) and then changed from the version read, only while
-- the application is eligible and being assessed.

create table application_due_diligence (
    application_id            bigint        primary key references application (id),
    registration_confirmed    boolean       not null,
    accounts_satisfactory     boolean       not null,
    safeguarding_satisfactory boolean       not null,
    bank_account_verified     boolean       not null,
    interests_checked         boolean       not null,
    risk                      varchar(10)   not null check (risk in ('LOW', 'MEDIUM', 'HIGH')),
    notes                     text          check (length(notes) <= 5000),
    checked_by                varchar(200)  not null,
    checked_at                timestamptz   not null,
    version                   bigint        not null default 0,
    constraint application_due_diligence_concerns_explained check (
        (registration_confirmed and accounts_satisfactory and safeguarding_satisfactory and bank_account_verified
            and interests_checked and risk <> 'HIGH')
        or length(btrim(notes)) > 0)
);

create function application_due_diligence_while_eligible() returns trigger
language plpgsql as $$
declare
    app_status varchar(20);
begin
    if tg_op = 'DELETE' then
        raise exception 'Due diligence is kept: change it instead'
            using errcode = 'check_violation', constraint = 'application_due_diligence_while_eligible';
    end if;
    select status into app_status from application where id = new.application_id;
    if app_status <> 'ELIGIBLE' then
        raise exception 'Due diligence is recorded only on an eligible application, and application % is %',
            new.application_id, lower(app_status)
            using errcode = 'check_violation', constraint = 'application_due_diligence_while_eligible';
    end if;
    return new;
end;
$$;
create trigger application_due_diligence_while_eligible before insert or update or delete
    on application_due_diligence for each row execute function application_due_diligence_while_eligible();
create trigger application_due_diligence_no_truncate before truncate on application_due_diligence
    for each statement execute function truncate_is_refused();
