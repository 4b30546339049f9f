"""The audit on years whose answers are drawn another way than by the audit's own model.

``bench/issue_years.py`` keeps the roster, timetable, rules and strikes of a simulated year and draws
every answer again on the probability scale, as issue 12 describes its test years: a stricter answer
10 % of the time, a milder one 6 %, planted effects that move only the stricter answer, and a fair
but human teacher who gives each student their own odds of a stricter answer (sd 0.6). The bench
measures 100 years per row (docs/audit.md, "Answers drawn another way"); these are its first 20,
with the counts found when the method was chosen as floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.analysis.audit.run import audit
from app.analysis.frame import build_frame

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from issue_years import SCENARIOS, redraw
from power import matches

YEARS = 20
SEED = 40000


def _counts(label: str) -> tuple[int, int, int]:
    """(years the planted patterns were all found, years another group or moment was flagged, years
    with any other flag)."""
    scenario = next(s for s in SCENARIOS if s.label.startswith(label))
    found = other = anything = 0
    for i in range(YEARS):
        tables, truth = redraw(SEED + i, scenario)
        flags = {(e.kind, e.dimension, e.subject, e.direction) for e in audit(build_frame(tables)).findings}
        planted = [t for t in truth if t[0] != "student"]
        found += bool(planted) and all(any(matches(t, f) for f in flags) for t in planted)
        rest = [f for f in flags if not any(matches(t, f) for t in truth)]
        other += any(f[0] in ("group", "context") for f in rest)
        anything += bool(rest)
    return found, other, anything


def test_a_fair_but_human_teacher_gets_no_group_or_moment_flag() -> None:
    # 1 of these 20 years, 1 of the bench's 100 (2 and 2 with weekday and period sharing one part)
    assert _counts("fair, heterogeneous")[1] <= 2


def test_a_uniform_fair_teacher_is_hardly_ever_accused() -> None:
    # any flag: 1 of these 20 years (a student); 4 of the bench's 100 (3 students, one weekday)
    assert _counts("fair, uniform")[2] <= 1


@pytest.mark.parametrize(
    ("label", "at_least", "others"),
    # found in these 20 years (over 100: 92 %, 94 %, 84 %; with both sides of a shift weighed fully,
    # as until 6 December 2026, 87 %, 90 %, 77 %: 19, 18 and 18 of these 20). Other group or moment
    # flags: none in the boys' and Fridays' 20 years; 3 in the class's (another class milder,
    # December, the class seen as its period), over 100 years 7 % (full weight 6 %).
    # The issue's own years, two students, boys and Fridays at once: boys in 19 and Friday in 16 of
    # these 20, both in 15 (over 100: boys 83, Friday 90), no other group or moment flagged
    [("boys", 19, 1), ("Fridays", 19, 1), ("one class", 18, 3), ("two students", 15, 1)],
)
def test_patterns_that_move_only_the_stricter_answer_are_found(
    label: str, at_least: int, others: int
) -> None:
    found, other, _ = _counts(label)
    assert found >= at_least, label
    assert other <= others, label
