"""Weekly shares stricter and milder, with the phase-down plan marked in its week."""

from __future__ import annotations

from datetime import date

from app.analysis.estimates.trends import planned_changes, weekly
from app.analysis.frame import AuditFrame
from app.analysis.stats import wilson
from app.core.i18n import set_language
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE, RESPECT = "Telefoon weg", "Respectvol taalgebruik"


def _frame() -> AuditFrame:
    rows = [
        incident("ann", PHONE, 1, 2, day="2026-11-17"),  # stricter
        incident("bob", PHONE, 1, 1, day="2026-11-18"),
        incident("cas", PHONE, 1, 1, day="2026-11-19"),
        incident("ann", RESPECT, 1, 1, day="2026-12-01"),  # milder
    ]
    downs = [(RESPECT, "2026-11-25", 1), (PHONE, "2027-03-01", 2)]
    return make_frame(rows, phase_downs=downs)


def test_weeks_shares_and_plan() -> None:
    points = weekly(_frame())
    assert [p.week_start for p in points] == [date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)]
    first, gap, last = points
    assert (first.n, first.stricter, first.milder) == (3, wilson(1, 3), wilson(0, 3))
    assert (gap.n, gap.stricter.k, gap.stricter.high) == (0, 0, 1.0)
    assert gap.planned_changes == ("Respectvol taalgebruik: start bij stap 1",)
    assert (last.n, last.milder.share) == (1, 1.0)
    assert first.planned_changes == () and last.planned_changes == ()


def test_plan_in_english_and_outside_the_period() -> None:
    set_language("en")
    plan = planned_changes(_frame())
    assert plan == {
        date(2026, 11, 23): ("Respectvol taalgebruik: starts at step 1",),
        date(2027, 3, 1): ("Telefoon weg: starts at step 2",),
    }
    assert all(not p.planned_changes or p.week_start == date(2026, 11, 23) for p in weekly(_frame()))


def test_period_bounds_and_empty() -> None:
    assert weekly(make_frame([])) == ()
    bounded = make_frame([], date_from=date(2026, 11, 4), date_to=date(2026, 11, 18))
    assert [(p.week_start, p.n) for p in weekly(bounded)] == [
        (date(2026, 11, 2), 0),
        (date(2026, 11, 9), 0),
        (date(2026, 11, 16), 0),
    ]
