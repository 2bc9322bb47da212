-- Which approved runs have given their grants: the grant schedule asks on every request of an
-- officer (issue 17), and the decision pages ask of one run. Without this each question read every
-- grant line.
create index grant_line_by_run on grant_line (run_id) where run_id is not null;
