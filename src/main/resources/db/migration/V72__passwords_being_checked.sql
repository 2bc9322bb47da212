-- Passwords of a username being checked now (BCrypt, slow by design), counted before the
-- check and let go after it, so that guesses sent at once are bounded by the failures left
-- before the lock-out without a row lock or a connection held during the check. A count
-- left by a node that stopped mid-check is forgotten once no check has begun for a while.
alter table sign_in_attempt
    add column checking       integer not null default 0 check (checking >= 0),
    add column checking_since timestamptz;
