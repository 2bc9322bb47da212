-- Input at the edge: what people type, upload or send is checked against what the columns hold.

-- Crime counts are read as Java longs with exact sums; the columns that keep them hold as much.
-- (An import row of 2,147,483,647 crimes used to wrap round to a wrong total and load.)
alter table crime_count alter column count type bigint;
alter table crime_unmatched alter column count type bigint;
alter table crime_month alter column records type bigint;
