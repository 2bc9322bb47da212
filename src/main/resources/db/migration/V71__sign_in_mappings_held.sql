-- Issue 17: which switched-on sign-in mappings matched each person's claims at their last sign-in through the
-- provider, rewritten at each. Switching a mapping off takes its role away at once only from those it gave it
-- to and no other switched-on mapping they hold gives too (before, from everyone holding the role).
create table sign_in_mapping_held (
    user_id    bigint not null references app_user (id),
    mapping_id bigint not null references sign_in_mapping (id),
    primary key (user_id, mapping_id)
);
create index sign_in_mapping_held_by_mapping on sign_in_mapping_held (mapping_id);
create trigger sign_in_mapping_held_no_truncate before truncate on sign_in_mapping_held
    for each statement execute function truncate_is_refused();
