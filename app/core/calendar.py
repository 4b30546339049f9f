"""The school calendar, once: weeks start on Monday, a school year on 1 August, three terms."""

from __future__ import annotations

from datetime import date, timedelta

#: a school year runs from 1 August to 31 July (the Netherlands and Flanders)
SCHOOL_YEAR_MONTH = 8
#: terms of the school year: T1 August-December, T2 January-March, T3 April-July
TERMS = ("T1", "T2", "T3")


def monday_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def school_year_of(day: date) -> int:
    """The calendar year in which ``day``'s school year began (2025 for any day of 2025-26)."""
    return day.year if day.month >= SCHOOL_YEAR_MONTH else day.year - 1


def school_year_start(day: date) -> date:
    """1 August on or before ``day``: where a school year's view begins."""
    return date(school_year_of(day), SCHOOL_YEAR_MONTH, 1)


def school_year(first_year: int) -> tuple[date, date]:
    """The school year that starts in August of ``first_year``: (1 Aug, 31 Jul next year)."""
    return date(first_year, SCHOOL_YEAR_MONTH, 1), date(first_year + 1, SCHOOL_YEAR_MONTH - 1, 31)


def term_of_month(month: int) -> str:
    """'T1' (Aug-Dec), 'T2' (Jan-Mar) or 'T3' (Apr-Jul) for a month number."""
    if month >= SCHOOL_YEAR_MONTH:
        return "T1"
    return "T2" if month <= 3 else "T3"


def school_days_between(first: date, last: date) -> int:
    """Weekdays after ``first`` up to and including ``last`` (0 on the same day; weekends not counted)."""
    if last <= first:
        return 0
    days = (last - first).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (first + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count
