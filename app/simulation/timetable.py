"""A teacher's school year in fixed weekly slots, for the simulator (``app.simulation.simulate``).

Real timetables tie weekday, period and class together: class 2A meets its teacher on Monday in
the 2nd period, on Wednesday in the 5th and on Friday in the 7th, every week. That is what makes
moments and classes hard to separate in one teacher's log, so simulated years must have it.
``timetable_lessons`` draws such a timetable (distinct slots for every class: a teacher is in one
room at a time), optionally a new one from the second term, removes school holidays, and now and then
cancels a lesson or moves it to another period of the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: periods of a school day; lunch after the 4th
PERIODS = 8


@dataclass(frozen=True)
class Slot:
    """One weekly lesson of a class: weekday (0 = Monday) and period."""

    weekday: int
    period: int


def _holidays(year: int) -> list[tuple[date, date]]:
    """Roughly the Dutch holidays of the school year starting in ``year`` (first and last day)."""
    return [
        (date(year, 10, 18), date(year, 10, 26)),  # autumn
        (date(year, 12, 20), date(year + 1, 1, 4)),  # Christmas
        (date(year + 1, 2, 14), date(year + 1, 2, 22)),  # spring
        (date(year + 1, 4, 3), date(year + 1, 4, 6)),  # Easter
        (date(year + 1, 4, 25), date(year + 1, 5, 5)),  # May
        (date(year + 1, 5, 14), date(year + 1, 5, 15)),  # Ascension
        (date(year + 1, 5, 25), date(year + 1, 5, 25)),  # Whit Monday
    ]


def school_days(year: int) -> list[date]:
    """Weekdays from 1 September to 30 June without the holidays."""
    breaks = _holidays(year)
    out, day = [], date(year, 9, 1)
    while day <= date(year + 1, 6, 30):
        if day.weekday() < 5 and not any(a <= day <= b for a, b in breaks):
            out.append(day)
        day += timedelta(days=1)
    return out


def weekly_slots(rng: np.random.Generator, per_week: list[int]) -> list[list[Slot]]:
    """Distinct weekly slots per class, each class on different weekdays where it can be."""
    taken: set[tuple[int, int]] = set()
    out = []
    for n in per_week:
        days = list(rng.permutation(5)[: min(n, 5)]) + list(rng.integers(0, 5, size=max(0, n - 5)))
        mine = []
        for wd in sorted(int(d) for d in days):
            free = [p for p in range(1, PERIODS + 1) if (wd, p) not in taken]
            period = int(rng.choice(free))
            taken.add((wd, period))
            mine.append(Slot(wd, period))
        out.append(mine)
    return out


def timetable_lessons(
    rng: np.random.Generator,
    groups: list[str],
    per_week: list[int],
    year: int,
    *,
    change_at_term: bool = False,
    cancelled: float = 0.02,
    swapped: float = 0.01,
) -> tuple[pd.DataFrame, list[list[Slot]]]:
    """Lessons in fixed weekly slots (a new timetable from January when ``change_at_term``).

    Returns the lessons (group, date, period, start hour, mood, energy) and the first timetable.
    """
    import numpy as np
    import pandas as pd

    first = weekly_slots(rng, per_week)
    second = weekly_slots(rng, per_week) if change_at_term else first
    switch = date(year + 1, 1, 1)
    rows = []
    for day in school_days(year):
        table = first if day < switch else second
        for g, slots in zip(groups, table, strict=True):
            for slot in slots:
                if slot.weekday == day.weekday():
                    rows.append((g, day, slot.period))
    les = pd.DataFrame(rows, columns=["group", "date", "period"])
    les = les[rng.random(len(les)) >= cancelled].reset_index(drop=True)
    moved = rng.random(len(les)) < swapped
    les.loc[moved, "period"] = rng.integers(1, PERIODS + 1, size=int(moved.sum()))
    les["date"] = pd.to_datetime(les["date"])
    n = len(les)
    les["lesson_id"] = np.arange(1, n + 1)
    les["start_hour"] = 7 + les["period"] + (les["period"] > 4)  # lunch break after period 4
    les["mood"] = rng.choice(
        np.array(["calm", "restless", "tense", None], dtype=object), n, p=[0.5, 0.25, 0.1, 0.15]
    )
    les["energy"] = rng.choice(
        np.array(["low", "ok", "high", None], dtype=object), n, p=[0.2, 0.5, 0.15, 0.15]
    )
    return les, first
