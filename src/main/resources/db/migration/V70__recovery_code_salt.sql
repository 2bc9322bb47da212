-- Issue 17 (OWASP ASVS 2.6.2): a recovery code carries about 49 bits, fewer than 112, so each is kept as the
-- SHA-256 of a random salt of its own (128 bits, in hex) and the code. Codes made before keep no salt and are
-- checked as they were kept, until used or replaced.
alter table recovery_code add column salt char(32) check (salt ~ '^[0-9a-f]{32}$');
