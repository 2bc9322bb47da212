-- Issue 15, the award schedule: who last changed a schedule, so that an officer whose change meets a newer
-- version is told who changed it first.
alter table award_schedule add column updated_by varchar(255);
