-- Organisations (issue 15, engineer A): the local authority code that makes a council's 360Giving
-- identifier (GB-LAE-<code>, e.g. Leicester City Council LCE, Leicestershire County Council LEC, Rutland
-- County Council RUT, Blaby District Council BLA), register numbers stored in one shape only, and the
-- name as it is compared to warn of the same organisation entered twice under another spelling.

alter table organisation
    add column local_authority_code varchar(4)
        constraint organisation_local_authority_code_shape check (local_authority_code ~ '^[A-Z]{3,4}$'),
    -- England and Wales: 6 to 8 digits; Scotland: SC and 6 digits
    add constraint organisation_charity_number_shape
        check (charity_number is null or charity_number ~ '^([0-9]{6,8}|SC[0-9]{6})$'),
    -- Companies House: 8 digits, or 2 letters (SC, NI, OC, ...) and 6 digits, zero padded
    add constraint organisation_company_number_shape
        check (company_number is null or company_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$');

-- The name as two spellings of one organisation share it: lower case, no full stops or apostrophes,
-- "&" as "and", other punctuation as spaces, without "(The)", a leading "The" or a closing "Ltd" or
-- "Limited". "Contact Project (The)" and "The Contact Project" are both "contact project";
-- "Leicester Nirvana C.I.C" is "leicester nirvana cic". OrganisationNames.key does the same in Java.
create function organisation_name_key(name text) returns text
    language sql immutable strict parallel safe
as $$
    select btrim(regexp_replace(regexp_replace(regexp_replace(btrim(regexp_replace(regexp_replace(
               regexp_replace(regexp_replace(lower(name), '[.''’]', '', 'g'), '&', ' and ', 'g'),
               '\(\s*the\s*\)', ' ', 'g'), '[^a-z0-9]+', ' ', 'g')),
           '^the ', ''), ' (ltd|limited)$', ''), '\s+', ' ', 'g'))
$$;

alter table organisation
    add column name_key text generated always as (organisation_name_key(name)) stored;
create index organisation_by_name_key on organisation (name_key);
