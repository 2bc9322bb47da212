-- Issue 15: a payment of a grant to an organisation is recorded paid once, and never takes what is paid of
-- the grant beyond its amount, whoever writes it. The grant's row is locked while the sum is read, so two
-- payments of the same grant recorded at the same moment are added up one after the other.
alter table organisation_grant_payment
    add constraint organisation_grant_payment_paid_whole check (
        (paid_on is null and reference is null and recorded_by is null and recorded_at is null)
        or (paid_on is not null and reference is not null and length(btrim(reference)) > 0
            and recorded_by is not null and recorded_at is not null));

create function organisation_grant_payment_paid_once() returns trigger
language plpgsql as $$
declare
    grant_amount numeric(15,2);
    paid_before  numeric(15,2);
begin
    if tg_op = 'DELETE' then
        if old.paid_on is not null then
            raise exception 'A payment recorded paid is never removed'
                using errcode = 'check_violation', constraint = 'organisation_grant_payment_paid_once';
        end if;
        return old;
    end if;
    if old.paid_on is not null then
        raise exception 'This payment was already recorded paid on % (reference %)', old.paid_on, old.reference
            using errcode = 'check_violation', constraint = 'organisation_grant_payment_paid_once';
    end if;
    if new.grant_id <> old.grant_id or new.amount <> old.amount or new.starts_on <> old.starts_on
            or new.ends_on <> old.ends_on then
        raise exception 'A payment keeps its grant, period and amount'
            using errcode = 'check_violation', constraint = 'organisation_grant_payment_paid_once';
    end if;
    if new.paid_on is not null then
        select amount into grant_amount from organisation_grant where id = new.grant_id for update;
        select coalesce(sum(amount), 0) into paid_before from organisation_grant_payment
            where grant_id = new.grant_id and paid_on is not null and id <> new.id;
        if paid_before + new.amount > grant_amount then
            raise exception 'Paying % would take the grant''s payments to % of its %', new.amount,
                paid_before + new.amount, grant_amount
                using errcode = 'check_violation', constraint = 'organisation_grant_payment_within_grant';
        end if;
    end if;
    return new;
end;
$$;

create trigger organisation_grant_payment_paid_once before update or delete on organisation_grant_payment
    for each row execute function organisation_grant_payment_paid_once();

-- the payments planned when the grant is made never add up to more than the grant
create function organisation_grant_payment_planned_within() returns trigger
language plpgsql as $$
declare
    grant_amount numeric(15,2);
    planned      numeric(15,2);
begin
    select amount into grant_amount from organisation_grant where id = new.grant_id for update;
    select coalesce(sum(amount), 0) into planned from organisation_grant_payment where grant_id = new.grant_id;
    if planned + new.amount > grant_amount then
        raise exception 'The payments of a grant cannot add up to more than its % (% planned)', grant_amount,
            planned + new.amount
            using errcode = 'check_violation', constraint = 'organisation_grant_payment_within_grant';
    end if;
    return new;
end;
$$;

create trigger organisation_grant_payment_planned_within before insert on organisation_grant_payment
    for each row execute function organisation_grant_payment_planned_within();
