"""The shares of the false discovery budget: students, groups, and rules and moments."""

from __future__ import annotations

import numpy as np
import pytest

from app.analysis.audit import budget
from app.analysis.stats import weighted_bh_adjust


def test_each_part_gets_its_share_spread_evenly_over_its_tests() -> None:
    kinds = ["student"] * 7 + ["group"] * 2 + ["context"] * 3 + ["rule"]
    w = budget.weights(kinds)
    assert w.mean() == pytest.approx(1.0)
    students, groups, rest = w[:7], w[7:9], w[9:]
    assert np.allclose(students, students[0]) and np.allclose(rest, rest[0])
    assert students.sum() / len(w) == pytest.approx(0.7)
    assert groups.sum() / len(w) == pytest.approx(0.2)
    assert rest.sum() / len(w) == pytest.approx(0.1)  # rules belong with the moments


def test_a_part_without_tests_leaves_its_share_to_the_others() -> None:
    assert budget.weights(["context"] * 4) == pytest.approx(np.ones(4))
    w = budget.weights(["student", "student", "group"])
    assert w.sum() / 3 == pytest.approx(1.0)
    assert w[2] / 3 == pytest.approx(0.2 / 0.9)
    assert len(budget.weights([])) == 0


def test_other_shares_can_be_measured() -> None:
    w = budget.weights(["student", "group"], {"student": 0.5, "group": 0.5, "context": 0.0})
    assert w == pytest.approx([1.0, 1.0])


def test_an_adjusted_p_is_never_below_its_own_p() -> None:
    ps = [0.9] + [0.5] * 9
    kinds = ["group"] + ["student"] * 9
    # weighted BH alone gives the heavy group test 0.58: less than its own p
    assert weighted_bh_adjust(ps, budget.weights(kinds))[0] < 0.9
    adjusted = budget.adjust(ps, kinds)
    assert adjusted[0] == pytest.approx(0.9)
    assert all(a >= p for a, p in zip(adjusted, ps, strict=True))
    assert len(budget.adjust([], [])) == 0
