-- Applicants' sign-in links (issue 16, step 3, mended): besides a few links an hour to one e-mail address, a
-- limit on how many links one network address may ask for in an hour, so that nobody can send links to many
-- strangers' inboxes from one machine. Old links and old counts are cleared by a daily job
-- (SignInLinkHousekeeping): a link that expired more than 30 days ago, a count whose hour ended a day ago.
create table sign_in_link_request_from (
    remote_address    varchar(64)  primary key check (length(btrim(remote_address)) > 0),
    window_started_at timestamptz  not null,
    requests          integer      not null check (requests > 0)
);
create index sign_in_link_request_window on sign_in_link_request (window_started_at);
create index sign_in_link_request_from_window on sign_in_link_request_from (window_started_at);
create index sign_in_link_expiry on sign_in_link (expires_at);

create trigger sign_in_link_request_from_no_truncate before truncate on sign_in_link_request_from
    for each statement execute function truncate_is_refused();
