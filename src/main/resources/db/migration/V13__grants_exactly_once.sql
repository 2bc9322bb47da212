-- Grants: what may never happen to a grant's money, refused by the database itself as the last line of
-- defence behind the Grant aggregate.

-- A carry forward says where it comes from; only an overspend that finance chose to carry is negative money.
alter table grant_award add column carry_forward_kind varchar(20) not null default 'NONE';
update grant_award set carry_forward_kind = case
    when carry_forward < 0 then 'OVERSPEND'
    when carry_forward > 0 and carry_forward_note like 'Underspend of %' then 'UNDERSPEND'
    when carry_forward > 0 then 'ENTERED'
    else 'NONE' end;
alter table grant_award
    add constraint grant_award_carry_forward_kind_known
        check (carry_forward_kind in ('NONE', 'ENTERED', 'UNDERSPEND', 'OVERSPEND')),
    add constraint grant_award_carry_forward_negative_only_for_overspend
        check (carry_forward >= 0 or carry_forward_kind = 'OVERSPEND');

-- A grant line is never negative money, and a grant has at most one line entered by hand.
alter table grant_line add constraint grant_line_amount_not_negative check (amount >= 0);
create unique index grant_line_one_historic on grant_line (grant_id) where source = 'HISTORIC';

-- Each payment once: a quarter's, and the annual payment in advance too (its quarter is NULL, which the
-- old unique (grant_id, quarter) let through as many times as it was sent).
alter table grant_payment drop constraint grant_payment_grant_id_quarter_key;
create unique index grant_payment_once_per_quarter on grant_payment (grant_id, coalesce(quarter, 'YR'));

-- Payments are never more than the grant's total available (its lines plus its carry forward): checked
-- whenever a payment is recorded and whenever the grant's money goes down. The grant's row is locked
-- first, so two transactions paying one grant at once are checked one after the other.
create function grant_payments_within_total(checked_grant bigint) returns void
language plpgsql as $$
declare
    total numeric(15,2);
    paid  numeric(15,2);
begin
    perform 1 from grant_award where id = checked_grant for update;
    select coalesce(sum(amount), 0) into paid from grant_payment where grant_id = checked_grant;
    if paid = 0 then
        return;
    end if;
    select a.carry_forward + coalesce((select sum(l.amount) from grant_line l where l.grant_id = a.id), 0)
        into total from grant_award a where a.id = checked_grant;
    if paid > total then
        raise exception 'The payments of grant % (%) would be more than its total available (%)', checked_grant, paid, total
            using errcode = 'check_violation', constraint = 'grant_payments_within_total';
    end if;
end;
$$;

create function grant_payment_is_within_total() returns trigger
language plpgsql as $$
begin
    if new.paid_on > current_date + 1 then
        raise exception 'A payment cannot be recorded as paid in the future (%)', new.paid_on
            using errcode = 'check_violation', constraint = 'grant_payment_paid_on_not_in_future';
    end if;
    perform grant_payments_within_total(new.grant_id);
    return null;
end;
$$;
create trigger grant_payment_within_total after insert or update on grant_payment
    for each row execute function grant_payment_is_within_total();

create function grant_line_keeps_payments_within_total() returns trigger
language plpgsql as $$
begin
    perform grant_payments_within_total(old.grant_id);
    return null;
end;
$$;
create trigger grant_line_within_total after update or delete on grant_line
    for each row execute function grant_line_keeps_payments_within_total();

create function grant_award_keeps_payments_within_total() returns trigger
language plpgsql as $$
begin
    perform grant_payments_within_total(new.id);
    return null;
end;
$$;
create trigger grant_award_within_total after update of carry_forward on grant_award
    for each row execute function grant_award_keeps_payments_within_total();
