-- A payment row is written only when finance records it as paid, always with its date: say so, so
-- that a row without a date can never be read as unpaid.
alter table grant_payment alter column paid_on set not null;
