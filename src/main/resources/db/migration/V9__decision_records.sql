-- Decision records: the formal, immutable record of what the Commissioner decided, with its sign-offs.
create table decision_record (
    id                     bigint generated always as identity primary key,
    reference              varchar(20)   not null unique,
    reference_year         integer       not null,
    sequence               integer       not null,
    title                  varchar(300)  not null,
    decision_date          date          not null,
    officers_present       varchar(500),
    summary                text          not null,
    recommendations        text          not null,
    discussion             text,
    financial_implications text,
    attachment_type        varchar(30)   check (attachment_type in ('FORMULA_RUN', 'GRANT_SCHEDULE')),
    attachment_ref         varchar(40),
    status                 varchar(30)   not null
        check (status in ('DRAFT', 'CONSULTED', 'PUBLICATION_DECIDED', 'DECIDED')),
    corrects_id            bigint        references decision_record (id),
    sent_back_reason       varchar(1000),
    created_at             timestamptz   not null,
    created_by             varchar(255)  not null,
    consulted_by           varchar(255),
    consulted_name         varchar(200),
    consulted_on           date,
    publish_record         varchar(20)   check (publish_record in ('YES', 'PART_REDACTED', 'NO')),
    publish_report         varchar(20)   check (publish_report in ('YES', 'PART_REDACTED', 'NO')),
    publish_details        varchar(20)   check (publish_details in ('YES', 'PART_REDACTED', 'NO')),
    publication_reasons    text,
    redacted_sections      varchar(200),
    publication_by         varchar(255),
    publication_on         date,
    decision               varchar(20)   check (decision in ('SUPPORTED', 'NOT_SUPPORTED')),
    decided_on             date,
    decision_comment       text,
    decided_by             varchar(255),
    version                bigint        not null default 0,
    unique (reference_year, sequence)
);

-- Once decided, a record never changes: a correction is a new record that points to it.
create function decision_record_is_final() returns trigger
language plpgsql as $$
begin
    if old.status = 'DECIDED' then
        raise exception 'Decision record % is decided and can never change; make a correcting record instead', old.reference
            using errcode = 'insufficient_privilege';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;

create trigger decision_record_final
    before update or delete on decision_record
    for each row execute function decision_record_is_final();

-- The money a Supported decision creates is created once: this row is written in the same
-- transaction as the grants, and a second attempt finds it and does nothing.
create table decision_effect (
    decision_id bigint      primary key references decision_record (id),
    applied_at  timestamptz not null,
    summary     varchar(500) not null
);
