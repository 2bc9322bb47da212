-- Formulas: named, versioned weights over indicators. A version used by an approved run is locked;
-- changing a locked formula makes a new version.
create table formula (
    id          bigint generated always as identity primary key,
    name        varchar(120) not null,
    description varchar(1000),
    created_at  timestamptz  not null,
    created_by  varchar(255) not null
);
create unique index formula_name_unique on formula (lower(name));

create table formula_version (
    id                   bigint generated always as identity primary key,
    formula_id           bigint       not null references formula (id),
    number               integer      not null,
    weights              jsonb        not null,
    window_years         integer      not null check (window_years between 1 and 10),
    floor_amount         numeric(15,2) check (floor_amount >= 0),
    floor_percent        numeric(7,4)  check (floor_percent >= 0 and floor_percent <= 100),
    max_decrease_percent numeric(7,4)  check (max_decrease_percent >= 0 and max_decrease_percent <= 100),
    max_increase_percent numeric(9,4)  check (max_increase_percent >= 0),
    locked               boolean      not null default false,
    created_at           timestamptz  not null,
    created_by           varchar(255) not null,
    unique (formula_id, number),
    constraint formula_version_one_floor check (floor_amount is null or floor_percent is null)
);

-- A formula run: one computation, frozen with everything needed to reproduce it.
create table formula_run (
    id                 bigint generated always as identity primary key,
    financial_year     integer       not null,
    purpose            varchar(40)   not null,
    pot                numeric(15,2) not null check (pot > 0),
    formula_version_id bigint        references formula_version (id),
    formula_label      varchar(200)  not null,
    window_years       jsonb         not null,
    spec               jsonb         not null,
    baseline_source    varchar(200)  not null,
    note               varchar(1000),
    status             varchar(20)   not null check (status in ('DRAFT', 'APPROVED', 'SUPERSEDED')),
    created_at         timestamptz   not null,
    created_by         varchar(255)  not null,
    approved_at        timestamptz,
    approved_by        varchar(255),
    superseded_at      timestamptz,
    superseded_by      bigint        references formula_run (id),
    constraint formula_run_approver_is_not_creator check (approved_by is null or approved_by <> created_by)
);
create index formula_run_year on formula_run (financial_year, purpose, status);
create unique index formula_run_one_approved on formula_run (financial_year, purpose) where status = 'APPROVED';

-- The indicator values a run used, per partnership, indicator and year.
create table formula_run_input (
    run_id         bigint        not null references formula_run (id) on delete cascade,
    partnership_id bigint        not null references partnership (id),
    indicator      varchar(60)   not null,
    financial_year integer       not null,
    value          numeric(24,6) not null,
    primary key (run_id, partnership_id, indicator, financial_year)
);

-- Each partnership's result.
create table formula_run_line (
    run_id           bigint        not null references formula_run (id) on delete cascade,
    partnership_id   bigint        not null references partnership (id),
    code             varchar(12)   not null,
    name             varchar(120)  not null,
    weighted_share   numeric(40,30) not null,
    raw_amount       numeric(40,20) not null,
    limit_applied    varchar(20)   not null,
    adjusted_amount  numeric(40,20) not null,
    amount           numeric(15,2) not null,
    rounding_penny   boolean       not null,
    baseline         numeric(15,2),
    change_amount    numeric(15,2),
    change_percent   numeric(12,2),
    primary key (run_id, partnership_id)
);

-- Each partnership's line per indicator: value, share, weight and contribution in pounds.
create table formula_run_indicator (
    run_id         bigint         not null references formula_run (id) on delete cascade,
    partnership_id bigint         not null references partnership (id),
    indicator      varchar(60)    not null,
    value          numeric(40,20) not null,
    total          numeric(40,20) not null,
    share          numeric(40,30) not null,
    weight         numeric(7,4)   not null,
    contribution   numeric(40,20) not null,
    primary key (run_id, partnership_id, indicator)
);

-- An approved run never changes: only its move to superseded is allowed, and its figures are fixed.
create function formula_run_is_frozen() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'Formula run % is % and can never change', old.id, old.status using errcode = 'insufficient_privilege';
        end if;
        return old;
    end if;
    if old.status = 'SUPERSEDED'
        or (old.status = 'APPROVED' and (new.status not in ('APPROVED', 'SUPERSEDED')
            or new.pot <> old.pot or new.financial_year <> old.financial_year or new.spec <> old.spec
            or new.approved_by is distinct from old.approved_by)) then
        raise exception 'Formula run % is % and can never change', old.id, old.status using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger formula_run_frozen
    before update or delete on formula_run
    for each row execute function formula_run_is_frozen();

create function formula_run_figures_are_frozen() returns trigger
language plpgsql as $$
declare
    run_status varchar(20);
begin
    select status into run_status from formula_run where id = coalesce(old.run_id, new.run_id);
    if run_status is not null and run_status <> 'DRAFT' then
        raise exception 'The figures of formula run % are % and can never change', coalesce(old.run_id, new.run_id), run_status
            using errcode = 'insufficient_privilege';
    end if;
    return coalesce(new, old);
end;
$$;

create trigger formula_run_line_frozen before insert or update or delete on formula_run_line
    for each row execute function formula_run_figures_are_frozen();
create trigger formula_run_indicator_frozen before insert or update or delete on formula_run_indicator
    for each row execute function formula_run_figures_are_frozen();
create trigger formula_run_input_frozen before insert or update or delete on formula_run_input
    for each row execute function formula_run_figures_are_frozen();
