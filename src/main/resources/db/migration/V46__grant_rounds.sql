-- Issue 16, step 1: a grant round's setup. A round spends a funding stream of its own year on one purchasing
-- route, with its themes (of the Police and Crime Plan adopted for that year), its weighted criteria and its
-- scoring scale with every point described. Only a draft round's setup changes; later statuses are listed here
-- so that the moves added in later steps need no change of this check.

-- A round names its stream together with the stream's year, so a stream of another year cannot be named.
alter table funding_stream add constraint funding_stream_id_in_its_year unique (id, financial_year);

create table grant_round (
    id              bigint generated always as identity primary key,
    reference       varchar(30)   not null check (reference ~ '^[A-Za-z0-9][A-Za-z0-9-]{1,29}$'),
    title           varchar(200)  not null check (length(btrim(title)) > 0),
    financial_year  integer       not null,
    route           varchar(30)   not null check (route in ('DIRECT', 'CONTRACT', 'CSP_BUSINESS_CASE', 'PCC_GRANT',
                                                            'INNOVATION_FUND', 'BCU_FUND')),
    stream_id       bigint        not null,
    budget          numeric(15,2) not null,
    min_award       numeric(15,2) not null,
    max_award       numeric(15,2) not null,
    opens_at        timestamptz   not null,
    closes_at       timestamptz   not null,
    guidance        text          not null default '' check (length(guidance) <= 20000),
    eligibility     text          not null default '' check (length(eligibility) <= 20000),
    scale_max       smallint      not null default 5 check (scale_max between 1 and 10),
    min_reviewers   smallint      not null default 2 check (min_reviewers between 2 and 20),
    moderation_gap  numeric(5,2)  not null default 20.00 check (moderation_gap > 0 and moderation_gap <= 100),
    blind_review    boolean       not null default false,
    status          varchar(20)   not null default 'DRAFT'
        check (status in ('DRAFT', 'OPEN', 'CLOSED', 'ASSESSED', 'AT_PANEL', 'IN_DECISION', 'DECIDED', 'CANCELLED')),
    version         bigint        not null default 0,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamptz   not null,
    constraint grant_round_stream_of_its_year foreign key (stream_id, financial_year)
        references funding_stream (id, financial_year),
    constraint grant_round_awards_within_budget check (0 < min_award and min_award <= max_award and max_award <= budget),
    constraint grant_round_opens_before_it_closes check (opens_at < closes_at)
);
create unique index grant_round_reference_once on grant_round (lower(reference));
create index grant_round_by_year on grant_round (financial_year);

create table round_theme (
    round_id        bigint        not null references grant_round (id),
    theme_id        bigint        not null references plan_theme (id),
    primary key (round_id, theme_id)
);

create table round_criterion (
    id              bigint generated always as identity primary key,
    round_id        bigint        not null references grant_round (id),
    position        integer       not null check (position > 0),
    name            varchar(200)  not null check (length(btrim(name)) > 0),
    guidance        text          not null default '' check (length(guidance) <= 5000),
    weight          numeric(5,2)  not null check (weight > 0 and weight <= 100),
    constraint round_criterion_position_once unique (round_id, position)
);
create unique index round_criterion_name_once on round_criterion (round_id, lower(btrim(name)));

create table round_scale_point (
    round_id        bigint        not null references grant_round (id),
    point           smallint      not null check (point between 0 and 10),
    description     varchar(500)  not null check (length(btrim(description)) > 0),
    primary key (round_id, point)
);

-- Only a draft round's setup changes: once a round is open, applicants have read it. (From step 2 an open
-- round's closing time may move later; that is the one column left out here.)
create function grant_round_setup_only_in_draft() returns trigger
language plpgsql as $$
begin
    if old.status <> 'DRAFT' and (new.reference, new.title, new.financial_year, new.route, new.stream_id,
            new.budget, new.min_award, new.max_award, new.opens_at, new.guidance, new.eligibility, new.scale_max,
            new.min_reviewers, new.moderation_gap, new.blind_review)
        is distinct from (old.reference, old.title, old.financial_year, old.route, old.stream_id,
            old.budget, old.min_award, old.max_award, old.opens_at, old.guidance, old.eligibility, old.scale_max,
            old.min_reviewers, old.moderation_gap, old.blind_review) then
        raise exception 'The setup of a grant round that is % does not change', lower(old.status)
            using errcode = 'check_violation', constraint = 'round_setup_only_in_draft';
    end if;
    return new;
end;
$$;
create trigger grant_round_setup_only_in_draft before update on grant_round
    for each row execute function grant_round_setup_only_in_draft();

create function round_setup_only_in_draft() returns trigger
language plpgsql as $$
declare
    round_status varchar(20);
    round_scale  smallint;
begin
    select status, scale_max into round_status, round_scale from grant_round
        where id = coalesce(new.round_id, old.round_id);
    if round_status is not null and round_status <> 'DRAFT' then
        raise exception 'The setup of a grant round that is % does not change', lower(round_status)
            using errcode = 'check_violation', constraint = 'round_setup_only_in_draft';
    end if;
    -- (nested: PL/pgSQL does not stop at a false "and", and only a scale point has a point)
    if tg_table_name = 'round_scale_point' and tg_op <> 'DELETE' then
        if new.point > round_scale then
            raise exception 'Point % is above the top of the round''s scale (%)', new.point, round_scale
                using errcode = 'check_violation', constraint = 'round_scale_point_within_scale';
        end if;
    end if;
    return coalesce(new, old);
end;
$$;
create trigger round_theme_only_in_draft before insert or update or delete on round_theme
    for each row execute function round_setup_only_in_draft();
create trigger round_criterion_only_in_draft before insert or update or delete on round_criterion
    for each row execute function round_setup_only_in_draft();
create trigger round_scale_point_only_in_draft before insert or update or delete on round_scale_point
    for each row execute function round_setup_only_in_draft();

-- A round's criteria weigh exactly 100 between them, or it has none yet: checked when the transaction
-- commits, so that criteria are replaced as a whole.
create function round_criteria_weigh_100() returns trigger
language plpgsql as $$
declare
    changed_round bigint := coalesce(new.round_id, old.round_id);
    total         numeric;
begin
    select sum(weight) into total from round_criterion where round_id = changed_round;
    if total is not null and total <> 100 then
        raise exception 'The criteria of round % weigh % between them, not 100', changed_round, total
            using errcode = 'check_violation', constraint = 'round_criteria_weigh_100';
    end if;
    return null;
end;
$$;
create constraint trigger round_criteria_weigh_100 after insert or update or delete on round_criterion
    deferrable initially deferred for each row execute function round_criteria_weigh_100();

create trigger grant_round_no_truncate before truncate on grant_round
    for each statement execute function truncate_is_refused();
create trigger round_theme_no_truncate before truncate on round_theme
    for each statement execute function truncate_is_refused();
create trigger round_criterion_no_truncate before truncate on round_criterion
    for each statement execute function truncate_is_refused();
create trigger round_scale_point_no_truncate before truncate on round_scale_point
    for each statement execute function truncate_is_refused();
