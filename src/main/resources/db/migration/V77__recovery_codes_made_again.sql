-- Issue 17: someone with a second factor makes new recovery codes (the old ones, used or not, stop working),
-- once: the page that offers it carries the version it read, and the update names it, so a form sent twice (or
-- from two tabs) makes one set and the other is told.
alter table second_factor add column recovery_version integer not null default 0;
comment on column second_factor.recovery_version is
    'how many times the recovery codes were made again since the second factor was set up';
