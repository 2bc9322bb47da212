-- Police.uk crime is loaded per force and month: a street file's month belongs to the force in its
-- "Reported by" column, and loading it replaces that force's month only. Before this migration a month
-- was one load for every force, so loading one force's April wiped every partnership's April.
--
-- crime_month becomes one load per (force, month), with who loaded it and when; crime_load_file keeps
-- the files behind each load (name, SHA-256 of the content, records read, duplicate crime IDs dropped,
-- records counted); crime_count and crime_unmatched are keyed by force as well. Rows loaded before forces
-- were kept are given the force "Not recorded (loaded before forces were kept)", which says what is known.

alter table crime_count drop constraint crime_count_month_fkey;
alter table crime_unmatched drop constraint crime_unmatched_month_fkey;

alter table crime_month add column force varchar(120);
update crime_month set force = 'Not recorded (loaded before forces were kept)';
alter table crime_month alter column force set not null;
alter table crime_month drop constraint crime_month_pkey;
alter table crime_month add constraint crime_month_pkey primary key (force, month);
alter table crime_month add constraint crime_month_force_named check (length(btrim(force)) > 0);
alter table crime_month add constraint crime_month_records_not_negative check (records >= 0);

alter table crime_count add column force varchar(120);
update crime_count set force = 'Not recorded (loaded before forces were kept)';
alter table crime_count alter column force set not null;
alter table crime_count drop constraint crime_count_pkey;
alter table crime_count add constraint crime_count_pkey primary key (force, month, partnership_id, crime_type);
alter table crime_count add constraint crime_count_load_fkey foreign key (force, month)
    references crime_month (force, month) on delete cascade;
create index crime_count_month on crime_count (month, partnership_id);

alter table crime_unmatched add column force varchar(120);
update crime_unmatched set force = 'Not recorded (loaded before forces were kept)';
alter table crime_unmatched alter column force set not null;
alter table crime_unmatched drop constraint crime_unmatched_pkey;
alter table crime_unmatched add constraint crime_unmatched_pkey primary key (force, month, area_name, crime_type);
alter table crime_unmatched add constraint crime_unmatched_load_fkey foreign key (force, month)
    references crime_month (force, month) on delete cascade;

-- The files behind a load. sha256 and the counts are null only for loads made before they were kept
-- (their file names come from the old source column, as it was written).
create table crime_load_file (
    force              varchar(120) not null,
    month              date         not null,
    file_name          varchar(255) not null,
    sha256             char(64),
    records_read       bigint,
    duplicates_dropped bigint,
    records_counted    bigint,
    primary key (force, month, file_name),
    foreign key (force, month) references crime_month (force, month) on delete cascade,
    constraint crime_load_file_sha256_hex check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint crime_load_file_counts_not_negative
        check (records_read >= 0 and duplicates_dropped >= 0 and records_counted >= 0),
    constraint crime_load_file_counts_add_up check (records_counted = records_read - duplicates_dropped),
    constraint crime_load_file_counts_all_or_none
        check ((sha256 is null) = (records_read is null) and (records_read is null) = (duplicates_dropped is null)
            and (records_read is null) = (records_counted is null))
);
create unique index crime_load_file_content on crime_load_file (force, month, sha256);

insert into crime_load_file (force, month, file_name)
select distinct m.force, m.month, left(btrim(f.name), 255)
from crime_month m cross join lateral regexp_split_to_table(m.source, ', ') as f(name)
where length(btrim(f.name)) > 0;

create trigger crime_load_file_no_truncate before truncate on crime_load_file
    for each statement execute function truncate_is_refused();

-- Where each frozen input value of a run came from (e.g. "police.uk: Leicestershire Police, Apr 2023 to
-- Mar 2024, 12 files"); null for runs made before sources were kept.
alter table formula_run_input add column source varchar(1000);
