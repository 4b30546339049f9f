"""The shares of the false discovery budget: students, groups, weekdays, periods, and the rest."""

from __future__ import annotations

import numpy as np
import pytest

from app.analysis.audit import budget
from app.analysis.stats import weighted_bh_adjust


def test_each_test_belongs_to_one_part() -> None:
    assert budget.part_of("student", "student") == "student"
    assert budget.part_of("group", "group") == budget.part_of("group", "gender") == "group"
    assert budget.part_of("context", "weekday") == "weekday"
    assert budget.part_of("context", "period") == "period"
    assert budget.part_of("context", "month") == budget.part_of("context", "teacher_energy") == "context"
    assert budget.part_of("rule", "Telefoon weg") == budget.part_of("context", "rule_category") == "context"


def test_each_part_gets_its_share_spread_evenly_over_its_tests() -> None:
    parts = ["student"] * 7 + ["group"] * 2 + ["weekday"] * 3 + ["period"] * 2 + ["context"] * 4
    w = budget.weights(parts)
    assert w.mean() == pytest.approx(1.0)
    students, groups, days, periods, rest = w[:7], w[7:9], w[9:12], w[12:14], w[14:]
    for part in (students, groups, days, periods, rest):
        assert np.allclose(part, part[0])
    assert students.sum() / len(w) == pytest.approx(0.7)
    assert groups.sum() / len(w) == pytest.approx(0.2)
    assert days.sum() / len(w) == pytest.approx(0.04)
    assert periods.sum() / len(w) == pytest.approx(0.02)
    assert rest.sum() / len(w) == pytest.approx(0.04)  # months, terms, mood, energy, rules


def test_a_weekday_weighs_about_as_much_as_a_student() -> None:
    # a one-teacher year: some 90 students, 6 group tests, 5 weekdays, 8 periods, 30 other tests
    parts = ["student"] * 90 + ["group"] * 6 + ["weekday"] * 5 + ["period"] * 8 + ["context"] * 30
    w = dict(zip(parts, budget.weights(parts), strict=False))
    assert w["weekday"] / w["student"] == pytest.approx(1.0, abs=0.1)
    assert w["period"] < w["weekday"] / 2 and w["context"] < w["period"]


def test_a_part_without_tests_leaves_its_share_to_the_others() -> None:
    assert budget.weights(["context"] * 4) == pytest.approx(np.ones(4))
    w = budget.weights(["student", "student", "group"])
    assert w.sum() / 3 == pytest.approx(1.0)
    assert w[2] / 3 == pytest.approx(0.2 / 0.9)
    w = budget.weights(["student", "context"])  # no groups, no weekday or period tests
    assert w[1] / 2 == pytest.approx(0.04 / 0.74)
    assert len(budget.weights([])) == 0


def test_other_shares_can_be_measured() -> None:
    w = budget.weights(["student", "group"], {"student": 0.5, "group": 0.5, "context": 0.0})
    assert w == pytest.approx([1.0, 1.0])


def test_an_adjusted_p_is_never_below_its_own_p() -> None:
    ps = [0.9] + [0.5] * 9
    parts = ["group"] + ["student"] * 9
    # weighted BH alone gives the heavy group test 0.58: less than its own p
    assert weighted_bh_adjust(ps, budget.weights(parts))[0] < 0.9
    adjusted = budget.adjust(ps, parts)
    assert adjusted[0] == pytest.approx(0.9)
    assert all(a >= p for a, p in zip(adjusted, ps, strict=True))
    assert len(budget.adjust([], [])) == 0
