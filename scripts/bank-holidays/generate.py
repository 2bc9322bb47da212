#!/usr/bin/env python3
"""Writes src/main/resources/bank-holidays.json: the UK bank holidays of 2018 to 2028 in the
GOV.UK format (https://www.gov.uk/bank-holidays.json), from the rules of the Banking and
Financial Dealings Act 1971 and the royal proclamations of the one-off days. check.js checks
the result against the npm package date-holidays (an independent source).

    python3 scripts/bank-holidays/generate.py > src/main/resources/bank-holidays.json
"""
import datetime as dt
import json
import sys

FIRST, LAST = 2018, 2028
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")


def easter(year):
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def monday(year, month, first=True):
    """The first (or last) Monday of a month."""
    if first:
        day = dt.date(year, month, 1)
        return day + dt.timedelta(days=(0 - day.weekday()) % 7)
    day = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=day.weekday())


def fixed_days(year, division):
    """Holidays on a date of the calendar, moved to the next free weekday when they fall at a weekend."""
    days = [("New Year’s Day", dt.date(year, 1, 1), True)]
    if division == "scotland":
        days.append(("2nd January", dt.date(year, 1, 2), True))
    if division == "northern-ireland":
        days.append(("St Patrick’s Day", dt.date(year, 3, 17), True))
        days.append(("Battle of the Boyne (Orangemen’s Day)", dt.date(year, 7, 12), False))
    if division == "scotland":
        days.append(("St Andrew’s Day", dt.date(year, 11, 30), True))
    days.append(("Christmas Day", dt.date(year, 12, 25), True))
    days.append(("Boxing Day", dt.date(year, 12, 26), True))
    return days


def moved_days(year, division):
    """Holidays on a day of the week, with the one-off changes of 2020, 2022 and 2023."""
    e = easter(year)
    days = [("Good Friday", e - dt.timedelta(days=2), False)]
    if division != "scotland":
        days.append(("Easter Monday", e + dt.timedelta(days=1), True))
    if year == 2020:
        days.append(("Early May bank holiday (VE day)", dt.date(2020, 5, 8), True))
    else:
        days.append(("Early May bank holiday", monday(year, 5), True))
    if year == 2022:
        days.append(("Spring bank holiday", dt.date(2022, 6, 2), True))
        days.append(("Platinum Jubilee bank holiday", dt.date(2022, 6, 3), True))
        days.append(("Bank Holiday for the State Funeral of Queen Elizabeth II", dt.date(2022, 9, 19), False))
    else:
        days.append(("Spring bank holiday", monday(year, 5, first=False), True))
    if year == 2023:
        days.append(("Bank holiday for the coronation of King Charles III", dt.date(2023, 5, 8), True))
    if division == "scotland":
        days.append(("Summer bank holiday", monday(year, 8), True))
    else:
        days.append(("Summer bank holiday", monday(year, 8, first=False), True))
    return days


def events(year, division):
    taken = {}
    for title, day, bunting in moved_days(year, division):
        taken[day] = (title, "", bunting)
    fixed = fixed_days(year, division)
    for title, day, bunting in fixed:
        if day.weekday() < 5:
            taken[day] = (title, "", bunting)
    for title, day, bunting in fixed:
        if day.weekday() >= 5:
            substitute = day
            while substitute.weekday() >= 5 or substitute in taken:
                substitute += dt.timedelta(days=1)
            taken[substitute] = (title, "Substitute day", bunting)
    return [{"title": title, "date": day.isoformat(), "notes": notes, "bunting": bunting}
            for day, (title, notes, bunting) in sorted(taken.items())]


def main():
    file = {division: {"division": division,
                       "events": [event for year in range(FIRST, LAST + 1) for event in events(year, division)]}
            for division in DIVISIONS}
    json.dump(file, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
