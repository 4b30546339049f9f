"""The audit on simulated school years: false alarms of a fair teacher, power for planted effects,
and the artefacts that must not become flags (mix, frequency, Simpson's paradox, confounding).

Seeds are fixed, so these are deterministic; bench/power.py runs the same scenarios over more years
(the numbers in docs/audit.md).
"""

from __future__ import annotations

import pandas as pd
import pytest

from app.analysis.audit.run import audit
from app.analysis.frame import build_frame
from app.analysis.results import AuditReport
from app.simulation.simulate import GROUP_ATTRIBUTE, Planted, SimulatedYear, simulate_year
from app.store.store import Store

STRONG = Planted(stricter_student=2.4, milder_student=-3.0, group=1.1, weekday=-1.2)
Run = list[tuple[SimulatedYear, AuditReport]]


def _flags(report: AuditReport) -> set[tuple[str, str, str, str]]:
    return {(e.kind, e.dimension, e.subject, e.direction) for e in report.findings}


@pytest.fixture(scope="module")
def fair() -> Run:
    """40 years of a fair teacher (the support group breaks the high-start safety rule 3x as often)."""
    years = [simulate_year(100 + i) for i in range(40)]
    return [(y, audit(y.tables)) for y in years]


@pytest.fixture(scope="module")
def planted() -> Run:
    """24 years with a stricter and a milder student, a stricter group and a milder Friday."""
    years = [simulate_year(300 + i, planted=STRONG) for i in range(24)]
    return [(y, audit(y.tables)) for y in years]


def test_the_simulator_gives_the_stores_tables(store: Store) -> None:
    real = store.read_tables()
    year = simulate_year(1)
    assert set(year.tables) == set(real)
    for name, frame in real.items():
        assert list(year.tables[name].columns) == list(frame.columns), name
    inc = build_frame(year.tables).incidents
    assert 1200 < len(inc) < 1900 and 90 <= inc["student_id"].nunique() <= 100
    assert inc["strike"].max() >= 3 and set(inc["outcome"]) == {"milder", "agreed", "stricter"}


def test_the_simulator_is_deterministic_and_names_its_planted_effects() -> None:
    a, b = simulate_year(5, planted=STRONG), simulate_year(5, planted=STRONG)
    pd.testing.assert_frame_equal(a.tables["incidents"], b.tables["incidents"])
    kinds = sorted(t[0] for t in a.truth)
    assert kinds == ["context", "group", "student", "student"]
    assert ("group", GROUP_ATTRIBUTE, "yes", "stricter") in a.truth


def test_a_fair_teacher_is_accused_in_at_most_5_percent_of_years(fair: Run) -> None:
    accused = [i for i, (_, report) in enumerate(fair) if report.findings]
    assert len(accused) / len(fair) <= 0.05, accused


def test_mix_is_not_strictness(fair: Run) -> None:
    higher = 0
    for year, report in fair:
        inc = build_frame(year.tables).incidents
        support = inc[f"attr:{GROUP_ATTRIBUTE}"] == "yes"
        higher += inc.loc[support, "step"].mean() > inc.loc[~support, "step"].mean()
        assert not [e for e in report.findings if e.dimension == GROUP_ATTRIBUTE]
    assert higher >= 0.9 * len(fair)  # crude: the group gets heavier steps, because of what it breaks


def test_frequent_is_not_strict(fair: Run) -> None:
    later_strikes = 0
    for year, report in fair:
        inc = build_frame(year.tables).incidents
        frequent = set(inc["student_id"].value_counts().index[:5])
        mine = inc["student_id"].isin(frequent)
        later_strikes += inc.loc[mine, "strike"].mean() > inc.loc[~mine, "strike"].mean()
        assert not [e for e in report.findings if e.subject in frequent]
    assert later_strikes >= 0.8 * len(fair)  # they do reach later strikes (and heavier agreed steps)


def test_simpsons_paradox_is_not_flagged() -> None:
    """The safety rule is answered milder for everyone; the support group breaks it more often."""
    crude, other = 0, 0
    for seed in range(500, 512):
        year = simulate_year(seed, planted=Planted(rule=-1.5))
        inc = build_frame(year.tables).incidents
        support = inc[f"attr:{GROUP_ATTRIBUTE}"] == "yes"
        crude += (inc.loc[support, "outcome"] == "milder").mean() > (
            inc.loc[~support, "outcome"] == "milder"
        ).mean()
        report = audit(year.tables)
        assert not [e for e in report.findings if e.dimension == GROUP_ATTRIBUTE]
        other += bool(_flags(report) - set(year.truth))
    assert crude >= 10  # the crude difference is there nearly every year ...
    # ... and only the rule itself, or now and then a chance finding elsewhere (over 100 such years
    # another flag came in 7 % of years, before and after the per-dimension tests; docs/audit.md)
    assert other <= 2


def test_planted_effects_are_found(planted: Run) -> None:
    found: dict[str, int] = {}
    for year, report in planted:
        flags = _flags(report)
        for truth in year.truth:
            key = f"{truth[0]} {truth[3]}"
            found[key] = found.get(key, 0) + (truth in flags)
    share = {k: v / len(planted) for k, v in found.items()}
    assert share["student stricter"] >= 0.9, share
    # "Milder" has less room: nothing is lighter than a first warning (see docs/audit.md)
    assert share["student milder"] >= 0.5, share
    assert share["group stricter"] >= 0.9, share
    assert share["context milder"] >= 0.9, share


def test_one_effect_is_not_reported_again_as_another(planted: Run) -> None:
    """Joint estimation: the planted students do not make their class or their attributes a finding,
    and the stricter group is not reported student by student."""
    echoes = 0
    for year, report in planted:
        inc = build_frame(year.tables).incidents
        support = set(inc.loc[inc[f"attr:{GROUP_ATTRIBUTE}"] == "yes", "student_id"])
        students = [t[2] for t in year.truth if t[0] == "student"]
        classes = set(inc.loc[inc["student_id"].isin(students), "group"])
        for e in report.findings:
            echoes += e.kind == "group" and e.dimension == "group" and e.subject in classes
            echoes += e.kind == "group" and e.dimension == "gender"
            echoes += e.kind == "student" and e.subject in support
    assert echoes <= 1


def test_one_milder_weekday_does_not_make_the_other_weekdays_stricter() -> None:
    """At school scale every other weekday is 'stricter than the rest' if Friday stays in the rest."""
    year = simulate_year(41, planted=Planted(weekday=-1.0), n_classes=24)
    report = audit(year.tables, dimensions=["weekday"])
    assert {(e.subject, e.direction) for e in report.findings} == {("friday", "milder")}
    others = [e for e in report.estimates if e.subject != "friday"]
    assert len(others) == 4 and all(0.8 < e.effect < 1.25 for e in others)
