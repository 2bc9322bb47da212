-- How many times a decision record has been sent back to its drafter: each round of sign-offs tells its
-- signers again (a notification's key names the round, and each key is written once per person).
alter table decision_record add column times_sent_back integer not null default 0;
alter table decision_record add constraint decision_record_times_sent_back_counts check (times_sent_back >= 0);
