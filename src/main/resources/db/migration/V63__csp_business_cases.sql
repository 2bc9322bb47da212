-- Issue 16, step 13: the CSP business-case route. A business case comes from one Community Safety
-- Partnership; the grant it wins is paid to the partnership's lead authority, as the award schedule's
-- CSP lines are.
alter table application add column partnership_id bigint references partnership (id);
create index application_of_partnership on application (partnership_id) where partnership_id is not null;

-- Only a business case names a partnership, a business case is submitted only once it names one, and
-- the partnership, like every answer, changes only in a draft.
create function application_partnership_by_route() returns trigger
language plpgsql as $$
declare
    round_route varchar(30);
begin
    if tg_op = 'UPDATE' and old.status <> 'DRAFT' and new.partnership_id is distinct from old.partnership_id then
        raise exception 'The partnership of an application that is % does not change', lower(old.status)
            using errcode = 'check_violation', constraint = 'application_answers_only_in_draft';
    end if;
    select route into round_route from grant_round where id = new.round_id;
    if new.partnership_id is not null and round_route <> 'CSP_BUSINESS_CASE' then
        raise exception 'Only an application to a CSP business case round names a partnership'
            using errcode = 'check_violation', constraint = 'application_partnership_by_route';
    end if;
    if new.partnership_id is null and round_route = 'CSP_BUSINESS_CASE' and new.status = 'SUBMITTED'
            and (tg_op = 'INSERT' or old.status <> 'SUBMITTED') then
        raise exception 'A business case is submitted only once it names its partnership'
            using errcode = 'check_violation', constraint = 'application_business_case_names_partnership';
    end if;
    return new;
end;
$$;
create trigger application_partnership_by_route before insert or update of partnership_id, status on application
    for each row execute function application_partnership_by_route();
