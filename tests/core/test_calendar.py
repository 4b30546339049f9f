"""The school calendar: weeks from Monday, school years from 1 August, three terms."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.calendar import monday_of, school_year, school_year_of, school_year_start, term_of_month


def test_weeks_start_on_monday() -> None:
    assert monday_of(date(2025, 11, 9)) == date(2025, 11, 3)  # a Sunday
    assert monday_of(date(2025, 11, 3)) == date(2025, 11, 3)


@pytest.mark.parametrize(
    ("day", "first_year"),
    [
        (date(2025, 8, 1), 2025),
        (date(2025, 12, 31), 2025),
        (date(2026, 7, 31), 2025),
        (date(2026, 8, 1), 2026),
    ],
)
def test_a_school_year_starts_on_1_august(day: date, first_year: int) -> None:
    assert school_year_of(day) == first_year
    assert school_year_start(day) == date(first_year, 8, 1)
    start, end = school_year(first_year)
    assert start <= day <= end


def test_school_year_bounds() -> None:
    assert school_year(2025) == (date(2025, 8, 1), date(2026, 7, 31))


@pytest.mark.parametrize(
    ("month", "term"), [(8, "T1"), (12, "T1"), (1, "T2"), (3, "T2"), (4, "T3"), (7, "T3")]
)
def test_terms(month: int, term: str) -> None:
    assert term_of_month(month) == term
