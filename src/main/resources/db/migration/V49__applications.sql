-- Issue 16, step 4: applications to a grant round, written by an applicant in a GOV.UK task list and saved as
-- they go: their organisation (with the register numbers that make its identifier), a contact, the project
-- (title, summary, one of the round's themes, when it runs), the funding asked for with its budget lines, and
-- the outcomes. An applicant sees only their own applications. A draft is started once per press of "Start"
-- (the start key the page sent), only while the round is open, and only a draft's answers change.

create table application (
    id                  bigint generated always as identity primary key,
    round_id            bigint        not null references grant_round (id),
    applicant_user_id   bigint        not null references applicant_account (user_id),
    start_key           uuid          not null,
    status              varchar(20)   not null default 'DRAFT'
        check (status in ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'AWARDED', 'NOT_AWARDED', 'WITHDRAWN')),
    organisation_name   varchar(200)  check (length(btrim(organisation_name)) > 0),
    organisation_type   varchar(30)
        check (organisation_type in ('LOCAL_AUTHORITY', 'POLICE_FORCE', 'CHARITY', 'COMPANY', 'CIC', 'PUBLIC_BODY',
                                     'OTHER')),
    charity_number      varchar(10)   check (charity_number ~ '^([0-9]{6,8}|SC[0-9]{6})$'),
    company_number      varchar(8)    check (company_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$'),
    organisation_address text         check (length(organisation_address) <= 1000),
    contact_name        varchar(200)  check (length(btrim(contact_name)) > 0),
    contact_role        varchar(200),
    contact_email       varchar(254)  check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    contact_phone       varchar(30),
    project_title       varchar(200)  check (length(btrim(project_title)) > 0),
    project_summary     text          check (length(project_summary) <= 5000),
    theme_id            bigint,
    starts_on           date,
    ends_on             date,
    amount_requested    numeric(15,2) check (amount_requested > 0),
    outcomes            text          check (length(outcomes) <= 5000),
    version             bigint        not null default 0,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    constraint application_started_once unique (applicant_user_id, start_key),
    -- the theme is one of the round's own
    constraint application_theme_of_its_round foreign key (round_id, theme_id) references round_theme (round_id, theme_id),
    constraint application_ends_after_it_starts check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index application_of_applicant on application (applicant_user_id, created_at desc);
create index application_of_round on application (round_id, status);

create table application_budget_line (
    application_id  bigint        not null references application (id),
    position        integer       not null check (position between 1 and 20),
    item            varchar(200)  not null check (length(btrim(item)) > 0),
    amount          numeric(15,2) not null check (amount > 0),
    primary key (application_id, position)
);

-- An application is started only in an open round; only a draft's answers and budget lines change.
create function application_answers_only_in_draft() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
    app_status   varchar(20);
begin
    if tg_table_name = 'application' then
        if tg_op = 'INSERT' then
            select status into round_status from grant_round where id = new.round_id;
            if round_status <> 'OPEN' then
                raise exception 'Grant round % is %: applications are started only while it is open', new.round_id,
                    lower(round_status)
                    using errcode = 'check_violation', constraint = 'application_started_while_open';
            end if;
            return new;
        end if;
        if old.status <> 'DRAFT' and (new.round_id, new.applicant_user_id, new.organisation_name,
                new.organisation_type, new.charity_number, new.company_number, new.organisation_address,
                new.contact_name, new.contact_role, new.contact_email, new.contact_phone, new.project_title,
                new.project_summary, new.theme_id, new.starts_on, new.ends_on, new.amount_requested, new.outcomes)
            is distinct from (old.round_id, old.applicant_user_id, old.organisation_name,
                old.organisation_type, old.charity_number, old.company_number, old.organisation_address,
                old.contact_name, old.contact_role, old.contact_email, old.contact_phone, old.project_title,
                old.project_summary, old.theme_id, old.starts_on, old.ends_on, old.amount_requested, old.outcomes) then
            raise exception 'The answers of an application that is % do not change', lower(old.status)
                using errcode = 'check_violation', constraint = 'application_answers_only_in_draft';
        end if;
        if new.round_id <> old.round_id or new.applicant_user_id <> old.applicant_user_id then
            raise exception 'An application stays in its round and with its applicant'
                using errcode = 'check_violation', constraint = 'application_answers_only_in_draft';
        end if;
        return new;
    end if;
    select status into app_status from application where id = coalesce(new.application_id, old.application_id);
    if app_status <> 'DRAFT' then
        raise exception 'The budget of an application that is % does not change', lower(app_status)
            using errcode = 'check_violation', constraint = 'application_answers_only_in_draft';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger application_answers_only_in_draft before insert or update on application
    for each row execute function application_answers_only_in_draft();
create trigger application_budget_only_in_draft before insert or update or delete on application_budget_line
    for each row execute function application_answers_only_in_draft();

create trigger application_no_truncate before truncate on application
    for each statement execute function truncate_is_refused();
create trigger application_budget_line_no_truncate before truncate on application_budget_line
    for each statement execute function truncate_is_refused();
