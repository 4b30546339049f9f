"""The attribution's choices between flagged groups and moments, with the joint fits stubbed.

The joint fit (strata, student effects, one column per pattern) is replaced by fixed p-values per
set of columns, so each test pins one decision: who is kept, who is explained by whom.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from app.analysis.audit import attribution
from app.analysis.audit import dimensions as dims
from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import Work
from app.analysis.results import Counts

N = 100
#: the incident rows of each pattern: the period shares most of its incidents with the class
ROWS = {
    "period": np.arange(0, 30),
    "group": np.arange(10, 50),
    "weekday": np.arange(60, 90),
    "boys": np.arange(0, 55),  # boys and girls share no incident; Monday holds 5 of the boys' ones
    "girls": np.arange(55, 100),
}
SUBJECT = {"period": "1", "group": "1B", "weekday": "monday", "boys": "m", "girls": "f"}
DIMENSION = {"boys": "gender", "girls": "gender"}


def _work() -> Work:
    return Work(
        inc=pd.DataFrame({"student_id": [f"s{i % 20}" for i in range(N)]}),
        y=np.zeros(N, dtype=np.int64),
        stratum=np.zeros(N, dtype=np.int64),
        n_strata=1,
        can_up=np.ones(N, dtype=bool),
        can_down=np.ones(N, dtype=bool),
    )


def _item(name: str, p: float, milder: bool = False) -> subj.Tested:
    dimension = DIMENSION.get(name, name)
    kind = "context" if dimension in ("period", "weekday") else "group"
    n = len(ROWS[name])
    sign = -1.0 if milder else 1.0
    low, high = sorted((sign * 0.3, sign * 1.5))
    return subj.Tested(
        kind, dimension, SUBJECT[name], SUBJECT[name], sign * 0.9, low, high, p,
        Counts(n, 10, 1, 500, 50, 30), "own fit per dimension", 0, p_guard=p,
    )  # fmt: skip


Fit = list[float]  #: the p-values of the columns of one joint fit


sides: list[str] = []  #: the side each joint fit of the last ``_run`` leaned to


def _run(
    monkeypatch: pytest.MonkeyPatch,
    ps: dict[str, float],
    joint: dict[tuple[str, ...], Fit],
    milder: tuple[str, ...] = (),
) -> dict[str, attribution.Verdict]:
    """Attribute the items with own p ``ps`` (each adjusted x 10); ``joint`` gives the fits' p-values."""
    names = list(ps)
    tested = [_item(d, ps[d], milder=d in milder) for d in names]
    sides.clear()
    members: dict[str, list[np.ndarray]] = {}
    for d in names:  # each item's code is its place among the values of its dimension
        members.setdefault(DIMENSION.get(d, d), []).append(ROWS[d])
        tested[names.index(d)] = replace(tested[names.index(d)], code=len(members[DIMENSION.get(d, d)]) - 1)

    def fake(w: Work, sigma: float, columns: list[np.ndarray], side: str = "stricter") -> np.ndarray:
        key = tuple(next(d for d in names if np.array_equal(ROWS[d], c)) for c in columns)
        sides.append(side)
        return np.array(joint.get((*key, side), joint.get(key)))

    monkeypatch.setattr(attribution, "_joint_p", fake)
    adjusted = np.array([10 * ps[d] for d in names])
    verdicts = attribution.attribute(_work(), members, tested, adjusted, 0.05, 0.6)
    return dict(zip(names, verdicts, strict=True))


def test_the_kept_pattern_explains_one_that_does_not_stand_beside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    v = _run(monkeypatch, {"period": 1e-5, "group": 1e-3}, {("period", "group"): [1e-4, 0.2]})
    assert v["period"].flagged and not v["group"].flagged
    assert v["group"].explained_by == (("period", "1"),)
    assert v["group"].p_joint == pytest.approx(0.2)


def test_fitted_together_the_clearer_of_two_takes_the_place(monkeypatch: pytest.MonkeyPatch) -> None:
    # The period's own test is clearer, but fitted together the class explains the period.
    v = _run(
        monkeypatch,
        {"period": 1e-5, "group": 1e-3},
        {("period", "group"): [0.2, 0.006], ("group",): [1e-3]},
    )
    assert v["group"].flagged and not v["period"].flagged
    assert v["period"].explained_by == (("group", "1B"),)


def test_no_change_of_places_when_the_other_does_not_stand_alone_either(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = _run(
        monkeypatch,
        {"period": 1e-5, "group": 1e-3},
        {("period", "group"): [0.2, 0.006], ("group",): [0.02]},
    )
    assert v["period"].flagged and not v["group"].flagged
    assert v["group"].explained_by == (("period", "1"),)


def test_a_kept_pattern_the_later_ones_explain_is_dropped_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    # Monday is kept first (clearest alone) and the class stands beside it; fitted together with the
    # class, Monday no longer stands: the class explains it.
    v = _run(
        monkeypatch,
        {"weekday": 1e-5, "group": 1e-3},
        {("weekday", "group"): [0.3, 1e-4]},
    )
    assert v["group"].flagged and not v["weekday"].flagged
    assert v["weekday"].explained_by == (("group", "1B"),)


def test_patterns_that_stand_together_are_both_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    v = _run(
        monkeypatch,
        {"weekday": 1e-5, "group": 1e-3},
        {("weekday", "group"): [1e-4, 1e-4]},
    )
    assert v["weekday"].flagged and v["group"].flagged
    assert not v["weekday"].explained_by and not v["group"].explained_by


def test_as_shipped_every_joint_fit_leans_to_the_stricter_side(monkeypatch: pytest.MonkeyPatch) -> None:
    v = _run(
        monkeypatch,
        {"period": 1e-5, "group": 1e-3},
        {("period", "group"): [1e-4, 1e-3]},
        milder=("group",),
    )
    assert v["period"].flagged and v["group"].flagged
    assert set(sides) == {"stricter"}


def test_with_both_sides_each_pattern_is_judged_in_the_fit_leaning_its_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dims, "SIDES", ("stricter", "milder"))  # the alternative measured in bench/
    # a stricter period and a milder class: each one's joint p comes from the fit leaning its way
    v = _run(
        monkeypatch,
        {"period": 1e-5, "group": 1e-3},
        {("period", "group", "stricter"): [1e-4, 0.5], ("period", "group", "milder"): [0.5, 1e-4]},
        milder=("group",),
    )
    assert v["period"].flagged and v["group"].flagged
    assert sorted(set(sides)) == ["milder", "stricter"]
    assert v["group"].p_joint == pytest.approx(1e-4)


def test_a_pattern_is_said_to_be_explained_by_the_finding_most_tied_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Girls answered milder share no incident with boys answered stricter, but they are its other side;
    # Monday, which holds some of their incidents, is not what explains them.
    v = _run(
        monkeypatch,
        {"weekday": 1e-6, "boys": 1e-5, "girls": 1e-4},
        {("weekday", "boys"): [1e-5, 1e-4], ("weekday", "boys", "girls"): [1e-5, 0.3, 0.4]},
        milder=("girls",),
    )
    assert v["weekday"].flagged and v["boys"].flagged and not v["girls"].flagged
    assert v["girls"].explained_by == (("gender", "m"),)
