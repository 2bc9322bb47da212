#!/usr/bin/env python3
"""Writes the compact crime counts (Month,Reported by,Area,Crime type,Count) from police.uk
street-level files, counted independently of the application's Java reader.

A record's area is its LSOA name without the last word ("Charnwood 012A" is Charnwood; no LSOA is
an empty area). A crime ID is counted once per force ("Reported by") and month; records without a
crime ID (anti-social behaviour) are counted as records.

Usage: scripts/police-uk-compact.py STREET_FILE... > counts.csv
"""
import collections
import csv
import sys


def main(paths):
    counts = collections.Counter()
    dropped = 0
    for path in paths:
        seen = set()
        with open(path, newline='', encoding='utf-8-sig') as handle:
            for record in csv.DictReader(handle):
                force = record['Reported by'].strip()
                month = record['Month'].strip()
                crime_id = record['Crime ID'].strip()
                if crime_id:
                    if (force, month, crime_id) in seen:
                        dropped += 1
                        continue
                    seen.add((force, month, crime_id))
                lsoa = record['LSOA name'].strip()
                area = lsoa.rsplit(' ', 1)[0].strip() if ' ' in lsoa else lsoa
                counts[(month, force, area, record['Crime type'].strip())] += 1
    out = csv.writer(sys.stdout, lineterminator='\n')
    out.writerow(['Month', 'Reported by', 'Area', 'Crime type', 'Count'])
    for key in sorted(counts):
        out.writerow([*key, counts[key]])
    print(f'{sum(counts.values())} records, {dropped} duplicate crime IDs dropped', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
