-- Second-factor secrets sealed with the service's key (AES-256-GCM, the account's id bound in), so that a copy
-- of the database does not give anyone's codes: "v1.<key id>.<nonce and ciphertext>". The secrets kept in
-- plain text until now are sealed by the service at its next start (SecondFactorSecretsSealed), which holds
-- the key; until then they are read as they are. Exactly one of the two is kept.
alter table second_factor
    alter column secret drop not null,
    add column secret_sealed text check (secret_sealed ~ '^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{40,}$'),
    add constraint second_factor_secret_kept_once check ((secret is null) <> (secret_sealed is null));
