-- Published splits: an allocation table as it was published (e.g. in decision record EXE0019-24), kept so
-- that its reconstruction from indicator data (which weights come closest, and how close) stays with it.
-- A saved split is a record of what was published: it is never edited; a correction is a new split.
create table published_split (
    id               bigint generated always as identity primary key,
    name             varchar(160) not null,
    source           varchar(300) not null,
    financial_year   integer      not null,
    window_end       integer      not null,
    window_years     integer      not null,
    indicators       varchar(400) not null,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null default now(),
    constraint published_split_name_filled check (length(btrim(name)) > 0),
    constraint published_split_source_filled check (length(btrim(source)) > 0),
    constraint published_split_years check (financial_year between 1990 and 2200
        and window_end between 1990 and 2200 and window_years between 1 and 10),
    constraint published_split_indicators_filled check (length(btrim(indicators)) > 0)
);

-- One name, whoever saves it and however they write its case: twenty saves of the same name at once make
-- one split; the others meet this index.
create unique index published_split_name_unique on published_split (lower(btrim(name)));

create table published_split_amount (
    split_id       bigint        not null references published_split (id),
    partnership_id bigint        not null references partnership (id),
    position       integer       not null,
    amount         numeric(15,2) not null,
    primary key (split_id, partnership_id),
    constraint published_split_amount_not_negative check (amount >= 0)
);

create index published_split_amount_partnership on published_split_amount (partnership_id);

-- What was published does not change.
create function published_split_is_frozen() returns trigger
language plpgsql as $$
begin
    raise exception 'A published split is kept as it was published: save a new one instead'
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger published_split_frozen before update on published_split
    for each row execute function published_split_is_frozen();
create trigger published_split_amount_frozen before update on published_split_amount
    for each row execute function published_split_is_frozen();

create trigger published_split_no_truncate before truncate on published_split
    for each statement execute function truncate_is_refused();
create trigger published_split_amount_no_truncate before truncate on published_split_amount
    for each statement execute function truncate_is_refused();
