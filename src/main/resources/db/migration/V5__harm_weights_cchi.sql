-- Crime harm weights seeded from the Cambridge Crime Harm Index by police.uk crime type (national mix).
-- Illustrative: an OPCC loads or edits its own weights on the harm weights page.
insert into harm_weight (crime_type, weight, source) values
    ('Violence and sexual offences', 194.21, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Public order', 7.5, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Criminal damage and arson', 11.18, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Shoplifting', 1.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Other theft', 2.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Vehicle crime', 5.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Burglary', 244.68, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Drugs', 3.66, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Theft from the person', 2.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Robbery', 365.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Possession of weapons', 273.75, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Bicycle theft', 2.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv'),
    ('Other crime', 10.0, 'Cambridge Crime Harm Index (2026 update), median days per Home Office offence subgroup weighted by the national recorded-crime mix; isthisben/cbl-realcrime data/cchi_weights_by_category.csv');
