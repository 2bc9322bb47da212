-- Issue 15: a decision record may have a year's award schedule attached (its reference is the schedule's
-- id); the record, its public page and its PDF show the schedule as a table, and a Supported decision turns
-- the schedule's committed lines into grants to organisations.
alter table decision_record drop constraint decision_record_attachment_type_check;
alter table decision_record add constraint decision_record_attachment_type_check
    check (attachment_type in ('FORMULA_RUN', 'GRANT_SCHEDULE', 'AWARD_SCHEDULE'));
alter table decision_record add constraint decision_record_attachment_whole
    check ((attachment_type is null) = (attachment_ref is null));
