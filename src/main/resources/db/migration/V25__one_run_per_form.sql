-- "Run the formula" sent twice from the same form (Back, then the button again; or a double click) makes one
-- draft: each run form carries a one-time token, kept with the run it made, and a second run with the same
-- token is refused here. Runs made without a form (the API, scenarios, redistributions) have none.
alter table formula_run add column form_token varchar(64);
create unique index formula_run_one_per_form on formula_run (form_token);
