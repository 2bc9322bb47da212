-- Issue 16, step 5: an application's supporting documents (its governing document, latest accounts,
-- safeguarding policy, and any other), uploaded by the applicant while it is a draft. A document's facts
-- (kind, name, type found from its first bytes, size, SHA-256) sit apart from its bytes, so that lists never
-- read the bytes. The same file is attached to an application once; at most ten files of up to 10 MiB each;
-- the bytes kept are the bytes checked (their SHA-256 and length are checked here against the facts); a
-- document never changes, and is added or removed only while its application is a draft.

create table application_document (
    id              bigint generated always as identity primary key,
    application_id  bigint        not null references application (id),
    kind            varchar(30)   not null
        check (kind in ('GOVERNING_DOCUMENT', 'ACCOUNTS', 'SAFEGUARDING_POLICY', 'OTHER')),
    file_name       varchar(200)  not null
        check (length(btrim(file_name)) > 0 and file_name !~ '[/\\[:cntrl:]]'),
    content_type    varchar(100)  not null
        check (content_type in ('application/pdf', 'application/msword',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
            'image/png', 'image/jpeg')),
    size_bytes      integer       not null check (size_bytes between 1 and 10485760),
    sha256          char(64)      not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by     varchar(100)  not null,
    uploaded_at     timestamptz   not null,
    constraint application_document_once unique (application_id, sha256)
);

create table application_document_content (
    document_id  bigint  primary key references application_document (id) on delete cascade,
    content      bytea   not null
);

-- Documents are added and removed only while their application is a draft, at most ten, and never change.
create function application_document_only_in_draft() returns trigger
language plpgsql as $$
declare
    app_status varchar(20);
begin
    if tg_op = 'UPDATE' then
        raise exception 'A document of an application does not change: remove it and upload another'
            using errcode = 'check_violation', constraint = 'application_document_only_in_draft';
    end if;
    select status into app_status from application where id = coalesce(new.application_id, old.application_id);
    if app_status <> 'DRAFT' then
        raise exception 'The documents of an application that is % do not change', lower(app_status)
            using errcode = 'check_violation', constraint = 'application_document_only_in_draft';
    end if;
    if tg_op = 'INSERT'
            and (select count(*) from application_document where application_id = new.application_id) >= 10 then
        raise exception 'An application has at most ten documents'
            using errcode = 'check_violation', constraint = 'application_document_at_most_ten';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger application_document_only_in_draft before insert or update or delete on application_document
    for each row execute function application_document_only_in_draft();

-- The bytes kept are the bytes whose facts were recorded; they never change, and go only with their document.
create function application_document_content_kept() returns trigger
language plpgsql as $$
declare
    fact application_document%rowtype;
begin
    if tg_op = 'UPDATE' then
        raise exception 'The bytes of a document do not change'
            using errcode = 'check_violation', constraint = 'application_document_content_kept';
    end if;
    if tg_op = 'DELETE' then
        if exists (select 1 from application_document where id = old.document_id) then
            raise exception 'The bytes of a document go only with the document'
                using errcode = 'check_violation', constraint = 'application_document_content_kept';
        end if;
        return old;
    end if;
    select * into fact from application_document where id = new.document_id;
    if length(new.content) <> fact.size_bytes or encode(sha256(new.content), 'hex') <> fact.sha256 then
        raise exception 'The bytes of document % are not the bytes that were checked', new.document_id
            using errcode = 'check_violation', constraint = 'application_document_content_kept';
    end if;
    return new;
end;
$$;
create trigger application_document_content_kept before insert or update or delete on application_document_content
    for each row execute function application_document_content_kept();

-- Every document has its bytes by the time its transaction commits.
create function application_document_has_content() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from application_document where id = new.id)
            and not exists (select 1 from application_document_content where document_id = new.id) then
        raise exception 'Document % was recorded without its bytes', new.id
            using errcode = 'check_violation', constraint = 'application_document_has_content';
    end if;
    return null;
end;
$$;
create constraint trigger application_document_has_content after insert on application_document
    deferrable initially deferred for each row execute function application_document_has_content();

create trigger application_document_no_truncate before truncate on application_document
    for each statement execute function truncate_is_refused();
create trigger application_document_content_no_truncate before truncate on application_document_content
    for each statement execute function truncate_is_refused();
