-- Bank holidays files in the GOV.UK format (https://www.gov.uk/bank-holidays.json) uploaded by an
-- administrator. A file is checked when uploaded (confirmed_at null: the administrator sees the dates it
-- adds and removes) and in force once confirmed. The file in force is the confirmed one with the highest
-- id; with none, the file the application ships (bank-holidays.json). Rows are never deleted.
create table bank_holiday_file (
    id bigserial primary key,
    -- the file as uploaded
    content text not null,
    file_name varchar(255) not null,
    -- the id of the file in force when this one was uploaded, 0 for the shipped file: only one file is ever
    -- confirmed after each (bank_holiday_file_one_successor), so two administrators who checked their files
    -- against the same one cannot both confirm, and a confirmed file's id is always the highest
    replaces bigint not null check (replaces >= 0 and replaces < id),
    uploaded_by varchar(100) not null,
    uploaded_by_name varchar(200) not null,
    uploaded_at timestamptz not null,
    confirmed_by varchar(100),
    confirmed_by_name varchar(200),
    confirmed_at timestamptz,
    check ((confirmed_by is null) = (confirmed_at is null) and (confirmed_by is null) = (confirmed_by_name is null))
);
create unique index bank_holiday_file_one_successor on bank_holiday_file (replaces) where confirmed_at is not null;
create trigger bank_holiday_file_no_truncate before truncate on bank_holiday_file
    for each statement execute function truncate_is_refused();
