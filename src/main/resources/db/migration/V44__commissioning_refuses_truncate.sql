-- Issue 15's tables refuse TRUNCATE like every other table that holds money or its history (V19): a grant,
-- a schedule or an organisation is removed row by row, through the rules, or not at all.
create trigger organisation_no_truncate before truncate on organisation
    for each statement execute function truncate_is_refused();
create trigger partnership_lead_authority_no_truncate before truncate on partnership_lead_authority
    for each statement execute function truncate_is_refused();
create trigger funding_stream_no_truncate before truncate on funding_stream
    for each statement execute function truncate_is_refused();
create trigger funding_stream_change_no_truncate before truncate on funding_stream_change
    for each statement execute function truncate_is_refused();
create trigger formula_run_stream_no_truncate before truncate on formula_run_stream
    for each statement execute function truncate_is_refused();
create trigger police_crime_plan_no_truncate before truncate on police_crime_plan
    for each statement execute function truncate_is_refused();
create trigger plan_theme_no_truncate before truncate on plan_theme
    for each statement execute function truncate_is_refused();
create trigger commissioning_year_no_truncate before truncate on commissioning_year
    for each statement execute function truncate_is_refused();
create trigger award_schedule_no_truncate before truncate on award_schedule
    for each statement execute function truncate_is_refused();
create trigger award_line_no_truncate before truncate on award_line
    for each statement execute function truncate_is_refused();
create trigger award_line_period_no_truncate before truncate on award_line_period
    for each statement execute function truncate_is_refused();
create trigger organisation_grant_no_truncate before truncate on organisation_grant
    for each statement execute function truncate_is_refused();
create trigger organisation_grant_payment_no_truncate before truncate on organisation_grant_payment
    for each statement execute function truncate_is_refused();
create trigger schedule_import_no_truncate before truncate on schedule_import
    for each statement execute function truncate_is_refused();
