-- Imports of a year's award schedule from a spreadsheet (issue 15): the file as uploaded, kept until an
-- officer confirms it on the check page. A file is confirmed once: the confirmation is guarded here
-- (confirmed_at is set only while it is null), so two officers confirming at once make one import.
create table schedule_import (
    id              bigint generated always as identity primary key,
    financial_year  integer       not null,
    file_name       varchar(255)  not null,
    content         bytea         not null,
    sha256          varchar(64)   not null,
    uploaded_by     varchar(255)  not null,
    uploaded_at     timestamptz   not null,
    confirmed_by    varchar(255),
    confirmed_at    timestamptz,
    lines_imported  integer,
    constraint schedule_import_confirmed_together check ((confirmed_by is null) = (confirmed_at is null))
);
create index schedule_import_year on schedule_import (financial_year);
