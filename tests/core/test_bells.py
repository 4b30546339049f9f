"""Bell times: the usual Dutch day, periods at a time, the periods of a lesson, checked input."""

from __future__ import annotations

from datetime import time

import pytest

from app.core.bells import DEFAULT_BELL_TIMES, bell_times_from_json, parse_bell_times
from app.core.errors import UserError


def test_default_day_has_nine_periods_from_half_past_eight() -> None:
    bells = DEFAULT_BELL_TIMES
    assert bells.numbers() == list(range(1, 10))
    assert (bells.first_start, bells.last_end) == (time(8, 30), time(16, 45))
    assert bells.times_of(3).start == time(10, 25)  # type: ignore[union-attr]
    assert bells.times_of(10) is None


def test_period_at_a_time_and_in_breaks() -> None:
    bells = DEFAULT_BELL_TIMES
    assert bells.period_at(time(8, 30)) == 1
    assert bells.period_at(time(9, 19)) == 1
    assert bells.period_at(time(9, 20)) == 2
    assert bells.period_at(time(10, 15)) is None  # the break
    assert bells.period_at(time(2, 0)) is None
    assert bells.period_at(time(20, 0)) is None


def test_periods_of_a_lesson_single_double_late_and_outside() -> None:
    bells = DEFAULT_BELL_TIMES
    assert bells.periods_between(time(8, 30), time(9, 20)) == [1]
    assert bells.periods_between(time(8, 30), time(10, 10)) == [1, 2]
    assert bells.periods_between(time(10, 25), time(12, 5)) == [3, 4]
    assert bells.periods_between(time(8, 35), time(9, 20)) == [1]  # five minutes late: still period 1
    assert bells.periods_between(time(7, 0), time(8, 0)) == []
    assert bells.periods_between(time(19, 0), time(21, 0)) == []
    assert bells.periods_between(time(9, 0), time(9, 30)) == []  # a 30-minute meeting across two periods


def test_latest_started_never_offers_a_period_at_night() -> None:
    bells = DEFAULT_BELL_TIMES
    assert bells.latest_started(time(2, 0)) is None
    assert bells.latest_started(time(7, 45)) is None
    assert bells.latest_started(time(8, 50)) == 1
    assert bells.latest_started(time(9, 25)) == 1  # the 2nd has not run 15 minutes: still logging the 1st
    assert bells.latest_started(time(9, 40)) == 2
    assert bells.latest_started(time(17, 30)) == 9
    assert bells.latest_started(time(23, 30)) is None


def test_parse_round_trip_and_dutch_dots() -> None:
    bells = parse_bell_times("8.15 - 9.00\n\n09:00-09:45\n10:00–10:45\n")
    assert bells.numbers() == [1, 2, 3]
    assert parse_bell_times(bells.to_text()) == bells
    assert bell_times_from_json(bells.to_json()) == bells


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "minstens één"),
        ("08:30-09:20\n09:10-10:00", r"begint \(09:10\) voordat het 1e uur eindigt"),
        ("08:30-08:35", "20 tot 120 minuten"),
        ("09:20-08:30", "20 tot 120 minuten"),
        ("acht uur", "Regel 1"),
        ("25:00-26:00", "Regel 1"),
        ("\n".join(f"{h:02d}:00-{h:02d}:50" for h in range(6, 20)), "Hoogstens 12"),
    ],
)
def test_bad_bell_times_are_refused_with_a_message(text: str, fragment: str) -> None:
    with pytest.raises(UserError, match=fragment):
        parse_bell_times(text)


def test_damaged_stored_value_falls_back_to_the_default() -> None:
    assert bell_times_from_json("nonsense") == DEFAULT_BELL_TIMES
    assert bell_times_from_json([["09:00", "08:00"]]) == DEFAULT_BELL_TIMES
