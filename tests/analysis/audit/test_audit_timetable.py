"""The audit in a real timetable: fixed weekly slots, a teacher who is not uniform, medium effects.

The years come from ``simulate_year(weekly=...)`` with fixed seeds, built as ``bench/power.py``
builds them (which measures the same scenarios over 100 years each: docs/audit.md). Each rate test
fails when the audit finds less, or accuses more, than it did when the method was chosen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.analysis.audit.run import audit
from app.analysis.frame import build_frame
from app.analysis.results import AuditReport
from app.simulation.simulate import Planted, SimulatedYear, simulate_year
from app.simulation.timetable import school_days

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from power import SCENARIOS, matches, year_for

YEARS = 20
SEED = 20000
Run = list[tuple[SimulatedYear, AuditReport]]


def _run(name: str) -> Run:
    scenario = SCENARIOS[name]
    years = [year_for(scenario, SEED, i) for i in range(YEARS)]
    return [(y, audit(y.tables)) for y in years]


def _flags(report: AuditReport) -> set[tuple[str, str, str, str]]:
    return {(e.kind, e.dimension, e.subject, e.direction) for e in report.findings}


def _count(run: Run, test: Callable[[SimulatedYear, set[tuple[str, str, str, str]]], bool]) -> int:
    return sum(test(year, _flags(report)) for year, report in run)


def _found(year: SimulatedYear, flags: set[tuple[str, str, str, str]]) -> bool:
    planted = [t for t in year.truth if t[0] != "student"]
    return all(any(matches(t, f) for f in flags) for t in planted)


def _other_group_or_moment(year: SimulatedYear, flags: set[tuple[str, str, str, str]]) -> bool:
    return any(f[0] in ("group", "context") and not any(matches(t, f) for t in year.truth) for f in flags)


def test_the_simulator_keeps_every_class_in_fixed_weekly_slots() -> None:
    year = simulate_year(3, weekly=(2, 3, 4, 5))
    lessons = year.tables["lessons"].assign(weekday=lambda d: [x.weekday() for x in d["date"]])
    for group, per_week in zip(("1A", "1B", "1C", "1D"), (2, 3, 4, 5), strict=True):
        mine = lessons[lessons["group"] == group]
        slots = mine.groupby(["weekday", "period"]).size().sort_values(ascending=False)
        # the weekly slots hold nearly all lessons (the odd one is moved to another period)
        assert slots.iloc[:per_week].sum() >= 0.97 * len(mine)
        assert len(mine) >= 30 * per_week
    # one teacher, one room: no two classes in the same slot
    first = lessons.drop_duplicates(["group", "weekday", "period"])
    main = first.groupby(["weekday", "period"])["group"].nunique()
    assert (main > 1).sum() <= 3  # only moved lessons can meet another class's slot
    days = set(lessons["date"])
    assert date(2025, 12, 24) not in days and date(2026, 2, 17) not in days
    assert max(days) <= date(2026, 6, 30) and len(school_days(2025)) > 170


def test_a_new_timetable_from_january() -> None:
    lessons = simulate_year(4, weekly=3, timetable_change=True).tables["lessons"]
    key = lambda d: set(zip(d["group"], [x.weekday() for x in d["date"]], d["period"], strict=True))  # noqa: E731
    autumn = key(lessons[lessons["date"] < date(2026, 1, 1)])
    spring = key(lessons[lessons["date"] >= date(2026, 1, 1)])
    assert autumn != spring


def test_planted_class_attribute_period_and_month_are_named() -> None:
    year = simulate_year(
        5, weekly=3, heterogeneity=0.5, planted=Planted(klass=0.9, attribute=0.9, period=0.9, month=0.9)
    )
    kinds = {(t[0], t[1]) for t in year.truth}
    assert kinds == {("group", "group"), ("group", "gender"), ("context", "period"), ("context", "month")}
    assert ("context", "month", "2025-11", "stricter") in year.truth
    inc = build_frame(year.tables).incidents
    period = next(t[2] for t in year.truth if t[1] == "period")
    assert period in set(inc["period"])


def test_a_uniform_fair_teacher_is_not_accused() -> None:
    run = _run("timetable, fair, uniform")
    assert _count(run, lambda y, f: bool(f)) <= 1


def test_a_fair_but_human_teacher_gets_no_group_or_moment_flag() -> None:
    run = _run("timetable, fair, heterogeneous (sd 0.6)")
    assert _count(run, _other_group_or_moment) <= 1


@pytest.mark.parametrize(
    ("scenario", "at_least"),
    [
        # found on these 20 seeds with the weighted correction (over 100 years: 95 %, 91 %, 91 %;
        # with every test weighted equally the class was found in 15 of these 20)
        ("timetable, medium attribute (boys)", 17),
        ("timetable, medium class", 16),
        # Friday: 19 (18 with weekday and period sharing one part of the correction, point 7)
        ("timetable, medium weekday (Friday)", 19),
        # answered milder: found in 14 and 11 of these 20 (the milder Friday 9 with weekday and period
        # sharing one part). With both sides of a shift weighed fully (until 6 December 2026) 13 and
        # 13: leaning to the stricter side costs a milder moment (docs/audit.md, point 2)
        ("timetable, medium class, milder", 14),
        ("timetable, medium weekday, milder (Friday)", 11),
    ],
)
def test_medium_group_and_moment_effects_are_found(scenario: str, at_least: int) -> None:
    run = friday_or(scenario)
    assert _count(run, _found) >= at_least, scenario


_RUNS: dict[str, Run] = {}


def friday_or(name: str) -> Run:
    """Each scenario's years audited once per test session."""
    if name not in _RUNS:
        _RUNS[name] = _run(name)
    return _RUNS[name]


def test_a_friday_pattern_is_flagged_once_with_the_lessons_it_cannot_be_told_from() -> None:
    run = friday_or("timetable, medium weekday (Friday)")
    seen = 0
    for year, report in run:
        fridays = [e for e in report.findings if e.dimension == "weekday" and e.subject == "friday"]
        if not fridays:
            continue
        finding = fridays[0]
        slots = [s for d, s in finding.aliases if d == "slot"]
        if not slots:
            continue
        seen += 1
        assert all(s.split("|")[1] == "friday" for s in slots)
        assert "het logboek kan de dag niet van die lesuren scheiden" in finding.explanation
        assert {"dimension": "slot", "subject": slots[0]} in finding.to_json()["aliases"]
        # a period that is only a Friday lesson is the same pattern: never flagged beside Friday
        inc = build_frame(year.tables).incidents
        for e in report.findings:
            if e.dimension == "period":
                days = set(inc.loc[inc["period"] == e.subject, "weekday"])
                assert days != {"friday"}, e.explanation
    assert seen >= 10


def test_patterns_another_finding_explains_say_so() -> None:
    run = friday_or("timetable, medium weekday (Friday)")
    explained = [
        e for _, report in run for e in report.estimates if "explained by weekday = friday" in e.method
    ]
    assert explained
    assert all(not e.flagged and "verklaart" in e.explanation for e in explained)
    assert all("geen apart patroon" in e.explanation and "toeval" not in e.explanation for e in explained)
    assert all("aliases" not in e.to_json() for e in explained)
    said = [e.to_json()["explained_by"] for e in explained]
    assert said == [{"dimension": "weekday", "subject": "friday"}] * len(explained)
    kept = [e for _, report in run for e in report.estimates if not e.explained_by]
    assert all("explained_by" not in e.to_json() for e in kept)


def test_with_a_stored_timetable_the_slots_of_a_finding_come_from_the_lessons_taught() -> None:
    """Friday's incidents were logged without a period, so they alone give only clock-hour bands; the
    timetable names the weekly lessons by class and period, as they were taught (issue #14, item 4)."""
    import numpy as np
    import pandas as pd

    from app.analysis.audit.attribution import SLOT, _slot_aliases
    from app.analysis.audit.comparisons import work_set
    from app.analysis.audit.subjects import Tested
    from app.analysis.results import Counts

    year = simulate_year(7, weekly=3)
    tables = dict(year.tables)
    lessons = tables["lessons"].copy()
    friday = pd.to_datetime(lessons["date"]).dt.day_of_week == 4
    for column in ("period", "start_time", "start_hour"):
        if column in lessons:
            lessons[column] = lessons[column].astype(object).where(~friday, None)
    frame = build_frame({**tables, "lessons": lessons})
    w = work_set(frame)
    rows = np.flatnonzero((w.inc["weekday"] == "friday").to_numpy())
    item = Tested(
        "context", "weekday", "friday", "vrijdag", 0.9, 0.5, 1.3, 0.001, Counts(1, 1, 0, 1, 0, 0), "", 0
    )
    guessed = _slot_aliases(w, item, rows)  # the incidents: only the hour they were logged
    assert all("-" in subject.split("|")[2] for _, subject in guessed)
    taught = build_frame(tables).lessons  # the stored timetable: every Friday lesson with its period
    slots = _slot_aliases(w, item, rows, taught)
    mine = taught[taught["weekday"] == "friday"].groupby(["group", "period"]).size()
    assert slots and all(dim == SLOT and subject.split("|")[1] == "friday" for dim, subject in slots)
    assert {(s.split("|")[0], s.split("|")[2]) for _, s in slots} <= set(mine.index)
    covered = sum(mine[(s.split("|")[0], s.split("|")[2])] for _, s in slots)
    assert covered >= 0.9 * mine.sum()
    assert all(subject.split("|")[2].isdigit() for _, subject in slots)
    no_timetable = taught.assign(scheduled=False)
    assert _slot_aliases(w, item, rows, no_timetable) == guessed  # without one: as before, from incidents
