"""Per rule and strike: followed, skipped upward, softened (hand-counted frames)."""

from __future__ import annotations

import pandas as pd

from app.analysis.estimates.adherence import rule_adherence
from app.analysis.stats import wilson
from tests.analysis.estimates.estimates_frames import incident, make_frame

PHONE, RESPECT, SAFETY = "Telefoon weg", "Respectvol taalgebruik", "Niemand in gevaar brengen"


def test_counts_per_rule_and_strike_in_rulebook_order() -> None:
    rows = [
        incident("safe", SAFETY, 1, 5),  # agreed 4: stricter; listed last (rulebook position 3)
        incident("ann", PHONE, 1, 1),
        incident("bob", PHONE, 1, 1),
        incident("cas", PHONE, 1, 2),  # skipped upward
        incident("dan", PHONE, 1, 1),
        incident("ann", PHONE, 2, 2),
        incident("bob", PHONE, 2, 1),  # softened
        incident("cas", PHONE, 2, 3),  # skipped upward
        incident("eva", RESPECT, 1, 2),
        incident("fay", RESPECT, 1, 1),  # softened
    ]
    out = rule_adherence(make_frame(rows))
    assert [(a.rule, a.strike, a.n) for a in out] == [
        (PHONE, 1, 4),
        (PHONE, 2, 3),
        (RESPECT, 1, 2),
        (SAFETY, 1, 1),
    ]
    phone1, phone2, respect1, safety1 = out
    assert (phone1.agreed.k, phone1.stricter.k, phone1.milder.k) == (3, 1, 0)
    assert phone1.agreed.share == 0.75 and phone1.category == "routine"
    assert (phone2.agreed.k, phone2.stricter.k, phone2.milder.k) == (1, 1, 1)
    assert (respect1.agreed.k, respect1.stricter.k, respect1.milder.k) == (1, 0, 1)
    assert safety1.stricter == wilson(1, 1) and safety1.category == "safety"
    assert phone1.milder.low == 0.0 and phone1.milder.high > 0.4  # 0 of 4: not a zero-width interval


def test_empty_frame_gives_nothing() -> None:
    assert rule_adherence(make_frame([])) == ()


def test_rows_with_missing_values_are_left_out() -> None:
    frame = make_frame(
        [incident("ann", PHONE, 1, 1), incident("bob", PHONE, 1, 2), incident("cas", PHONE, 1, 1)]
    )
    frame.incidents.loc[1, "outcome"] = None
    frame.incidents.loc[2, "strike"] = pd.NA
    (only,) = rule_adherence(frame)
    assert (only.n, only.agreed.k, only.stricter.k) == (1, 1, 0)
