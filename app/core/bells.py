"""The school's bell times, once: which period a time falls in, and the times of a period.

A period is numbered from 1. The default is the usual day of a Dutch (and most Flemish) secondary
school: fifty-minute periods from 08:30, a short break after the 2nd and a lunch break after the 4th.
The teacher sets the school's own times once in Set-up; the store keeps them (``Store.bell_times``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import cast

from app.core.errors import UserError
from app.core.i18n import t

#: the most periods a school day may have
MAX_PERIODS = 12
#: a period shorter than this is a typing error (a 5-minute period does not exist)
MIN_MINUTES = 20
#: a period longer than this is a typing error too
MAX_MINUTES = 120


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


@dataclass(frozen=True)
class Period:
    """One period of the school day: its number, start and end (local wall-clock times)."""

    number: int
    start: time
    end: time

    def label(self) -> str:
        """'3e uur' / 'period 3'."""
        return period_label(self.number)


def period_label(number: int) -> str:
    """The usual name of a period in the user's language ('3e uur', 'period 3')."""
    return t("{n}e uur", n=number)


@dataclass(frozen=True)
class BellTimes:
    """The periods of a school day, in order, not overlapping."""

    periods: tuple[Period, ...]

    @property
    def first_start(self) -> time:
        """When the first period starts."""
        return self.periods[0].start

    @property
    def last_end(self) -> time:
        """When the last period ends."""
        return self.periods[-1].end

    def numbers(self) -> list[int]:
        """The period numbers, 1..n."""
        return [p.number for p in self.periods]

    def times_of(self, number: int) -> Period | None:
        """The start and end of period ``number`` (None when the day has no such period)."""
        return next((p for p in self.periods if p.number == number), None)

    def period_at(self, moment: time) -> int | None:
        """The period running at ``moment`` (start inclusive, end exclusive); None in a break or off hours."""
        m = _minutes(moment)
        for p in self.periods:
            if _minutes(p.start) <= m < _minutes(p.end):
                return p.number
        return None

    def periods_between(self, start: time, end: time) -> list[int]:
        """The periods a lesson from ``start`` to ``end`` takes: each one it covers for at least half.

        A double period (08:30-10:10) gives [1, 2]; a lesson that starts five minutes late still
        counts as its period. An interval that covers no period by half (a 07:00 meeting, an evening)
        gives [].
        """
        s, e = _minutes(start), _minutes(end)
        out = []
        for p in self.periods:
            ps, pe = _minutes(p.start), _minutes(p.end)
            overlap = min(e, pe) - max(s, ps)
            if overlap > 0 and overlap * 2 >= pe - ps:
                out.append(p.number)
        return out

    def in_school_hours(self, moment: time) -> bool:
        """True between the first period's start and the last period's end."""
        return _minutes(self.first_start) <= _minutes(moment) < _minutes(self.last_end)

    def latest_started(self, moment: time, *, grace_minutes: int = 15) -> int | None:
        """The period a teacher most likely logs at ``moment`` without a timetable.

        The running period once it has run ``grace_minutes`` (before that, the previous one, whose
        incidents are being written down); after the last period, the last; before the first period
        has run its grace time — at night, early in the morning — None: no period is offered then.
        """
        m = _minutes(moment)
        if m >= _minutes(self.last_end) + 6 * 60 or m < _minutes(self.first_start) + grace_minutes:
            return None
        chosen = None
        for p in self.periods:
            if _minutes(p.start) + grace_minutes <= m:
                chosen = p.number
        return chosen

    def to_text(self) -> str:
        """One period a line: '08:30-09:20' (the format ``parse_bell_times`` reads)."""
        return "\n".join(f"{p.start:%H:%M}-{p.end:%H:%M}" for p in self.periods)

    def to_json(self) -> list[list[str]]:
        """[[start, end], ...] as 'HH:MM' strings, for the store."""
        return [[f"{p.start:%H:%M}", f"{p.end:%H:%M}"] for p in self.periods]


def parse_time(text: str) -> time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text)
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return time(hour, minute)


def make_bell_times(pairs: Iterable[tuple[time, time]]) -> BellTimes:
    """Check (start, end) pairs and number them 1..n; a UserError says what is wrong and where."""
    items = list(pairs)
    if not items:
        raise UserError(t("Geef minstens één lesuur op."))
    if len(items) > MAX_PERIODS:
        raise UserError(
            t(
                "Hoogstens {n} lesuren per dag.",
                n=MAX_PERIODS,
            )
        )
    periods: list[Period] = []
    for number, (start, end) in enumerate(items, start=1):
        length = _minutes(end) - _minutes(start)
        if not MIN_MINUTES <= length <= MAX_MINUTES:
            raise UserError(
                t(
                    "{n}e uur ({s}-{e}): een lesuur duurt {lo} tot {hi} minuten.",
                    n=number,
                    s=f"{start:%H:%M}",
                    e=f"{end:%H:%M}",
                    lo=MIN_MINUTES,
                    hi=MAX_MINUTES,
                )
            )
        if periods and _minutes(start) < _minutes(periods[-1].end):
            raise UserError(
                t(
                    "{n}e uur begint ({s}) voordat het {p}e uur eindigt ({e}).",
                    n=number,
                    s=f"{start:%H:%M}",
                    p=number - 1,
                    e=f"{periods[-1].end:%H:%M}",
                )
            )
        periods.append(Period(number, start, end))
    return BellTimes(tuple(periods))


def parse_bell_times(text: str) -> BellTimes:
    """Bell times from text, one period a line: '08:30-09:20' (also '8.30 - 9.20'); empty lines skipped."""
    pairs = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = re.split(r"\s*[-–]\s*", line.strip())
        try:
            if len(parts) != 2:
                raise ValueError(line)
            pairs.append((parse_time(parts[0]), parse_time(parts[1])))
        except ValueError:
            raise UserError(
                t(
                    "Regel {n} ('{text}'): schrijf een lesuur als 08:30-09:20.",
                    n=line_no,
                    text=line.strip()[:40],
                )
            ) from None
    return make_bell_times(pairs)


def bell_times_from_json(value: object) -> BellTimes:
    """Bell times from their stored form; the default when the stored value is missing or damaged."""
    try:
        pairs = [
            (parse_time(str(s)), parse_time(str(e))) for s, e in cast("list[tuple[object, object]]", value)
        ]
        return make_bell_times(pairs)
    except (TypeError, ValueError, UserError):
        return DEFAULT_BELL_TIMES


#: the usual Dutch day: 50-minute periods, a break 10:10-10:25, lunch 12:05-12:35
DEFAULT_BELL_TIMES = make_bell_times(
    (time(h1, m1), time(h2, m2))
    for h1, m1, h2, m2 in (
        (8, 30, 9, 20),
        (9, 20, 10, 10),
        (10, 25, 11, 15),
        (11, 15, 12, 5),
        (12, 35, 13, 25),
        (13, 25, 14, 15),
        (14, 15, 15, 5),
        (15, 5, 15, 55),
        (15, 55, 16, 45),
    )
)
