-- Funding streams and Police and Crime Plans (issue 15, engineer B): the rules the data keeps itself.

-- A change of a stream's amount is a change: a top-up or a reduction, never the same amount again.
alter table funding_stream_change add constraint funding_stream_change_changes
    check (amount_after <> amount_before);
create index funding_stream_change_stream on funding_stream_change (stream_id, changed_at);
create index formula_run_stream_stream on formula_run_stream (stream_id);

-- A plan's themes are told apart by name whatever the case, and keep their places.
create unique index plan_theme_name_once_any_case on plan_theme (plan_id, lower(btrim(name)));
alter table plan_theme add constraint plan_theme_position_once unique (plan_id, position);

-- A theme an award line links to is that line's theme for good: it cannot be renamed, change kind or plan, or
-- be deleted, so a later plan or a tidy-up never changes what an award was made for.
create function plan_theme_keeps_its_links() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from award_line where theme_id = old.id) then
        if tg_op = 'DELETE' then
            raise exception 'The theme % is linked to award lines and cannot be deleted', old.name
                using errcode = 'check_violation', constraint = 'plan_theme_in_use';
        end if;
        if (new.name, new.kind, new.plan_id) is distinct from (old.name, old.kind, old.plan_id) then
            raise exception 'The theme % is linked to award lines and cannot be renamed', old.name
                using errcode = 'check_violation', constraint = 'plan_theme_in_use';
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger plan_theme_keeps_its_links before update or delete on plan_theme
    for each row execute function plan_theme_keeps_its_links();

-- A year whose award lines link to its plan's themes keeps that plan.
create function commissioning_year_keeps_its_plan() returns trigger
language plpgsql as $$
begin
    if new.plan_id is distinct from old.plan_id and exists (
            select 1 from award_line l join award_schedule s on s.id = l.schedule_id
            join plan_theme t on t.id = l.theme_id
            where s.financial_year = old.financial_year and t.plan_id = old.plan_id) then
        raise exception 'The award lines of % link to the themes of its plan, which it keeps', old.financial_year
            using errcode = 'check_violation', constraint = 'commissioning_year_plan_in_use';
    end if;
    return new;
end $$;
create trigger commissioning_year_keeps_its_plan before update on commissioning_year
    for each row execute function commissioning_year_keeps_its_plan();
