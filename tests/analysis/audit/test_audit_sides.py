"""Groups and moments tested in fits that lean to the stricter and to the milder side
(``app.analysis.audit.dimensions.one_sided``, ``subjects.level_contrasts`` with more than one fit)."""

from __future__ import annotations

import numpy as np
import pytest

from app.analysis.audit import dimensions as dims
from app.analysis.audit import subjects as subj


def _rows(p: list[float], est: list[float]) -> np.ndarray:
    """(p, log effect, low, high, p without the most influential student) per value."""
    e = np.array(est)
    return np.vstack([p, e, e - 0.5, e + 0.5, p]).astype(float)


def test_each_value_is_judged_by_the_fit_leaning_to_its_own_side() -> None:
    stricter = _rows([0.001, 0.2, 0.04, np.nan], [0.8, -0.3, 0.5, np.nan])
    milder = _rows([0.01, 0.003, 0.5, np.nan], [0.6, -1.2, 0.2, np.nan])
    out = dims.one_sided(stricter, milder)
    # value 0: only the stricter fit finds it on its own side
    assert out[0, 0] == pytest.approx(0.001) and out[1, 0] == pytest.approx(0.8)
    # value 1: milder by the milder-leaning fit, its shift on the scale of "stricter rather than agreed"
    assert out[0, 1] == pytest.approx(0.003)
    assert out[1:4, 1] == pytest.approx(dims.LEANING * np.array([-1.2, -1.7, -0.7]))
    # value 2: neither fit finds it on the side it leans to, except the stricter one (p 0.04)
    assert out[0, 2] == pytest.approx(0.04)
    assert np.isnan(out[0, 3])


def test_a_value_no_fit_finds_on_its_own_side_gets_p_one() -> None:
    out = dims.one_sided(_rows([0.01], [-0.5]), _rows([0.02], [0.4]))
    assert out[0, 0] == 1.0 and out[4, 0] == 1.0


def test_fully_weighed_sides_give_the_two_sided_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dims, "LEANING", 1.0)  # both fits the same: the adjacent-category model
    same = _rows([0.03, 0.2, 0.5], [0.4, -0.1, 0.0])
    out = dims.one_sided(same, same.copy())
    assert out[0, :2] == pytest.approx(same[0, :2])
    assert out[1] == pytest.approx(same[1])


def test_every_fit_steps_down_to_the_same_reference() -> None:
    # four levels; level 0 clearly stricter in the first fit, unclear in the second
    columns, weights = np.arange(4), np.full(4, 100.0)
    groups = [np.arange(4) == i for i in range(4)]
    clear = (np.array([2.0, 0.0, 0.0, 0.0]), np.eye(4) * 0.01, None)
    vague = (np.array([0.5, 0.0, 0.0, 0.0]), np.eye(4) * 0.5, None)
    seen: list[np.ndarray] = []

    def combine(first: np.ndarray, second: np.ndarray) -> np.ndarray:
        seen.append(second)
        return first

    subj.level_contrasts(*clear[:2], columns, weights, groups, fold=False, also=[vague], combine=combine)
    # once level 0 has left the reference, the second fit compares level 1 with levels 2 and 3 only
    assert seen[-1][1, 1] == pytest.approx(0.0)
    alone = subj.level_contrasts(*vague[:2], columns, weights, groups, fold=False)
    assert alone[1][1] == pytest.approx(-0.5 / 3)  # on its own it kept the stricter level 0 in
