"""The team comparison of three teachers' exchange files, against tables computed by hand."""

from __future__ import annotations

import json
from typing import Any

import pytest
from scipy import stats as sps

from app.core.errors import UserError
from app.team.compare import common_strata, compare, permutation_p
from app.team.compare_tables import comparison_tables
from app.team.exchange import SCHEMA, ExchangeFile, parse_exchange


def cell(
    strike: int, is_open: bool, agreed: int, stricter: int, milder: int, cons: int = 0
) -> dict[str, Any]:
    n = agreed + stricter + milder
    counts = {"agreed": agreed, "stricter": stricter, "milder": milder, "consequence": cons}
    return {"strike": strike, "open": is_open, "n": n, **counts}


def teacher(rules: dict[str, tuple[str, list[dict[str, Any]]]]) -> ExchangeFile:
    doc = {
        "schema": SCHEMA,
        "period": {"week_from": "2025-W36", "week_to": "2026-W10", "weeks": 24},
        "incidents": sum(c["n"] for _, cells in rules.values() for c in cells),
        "ladder": [{"level": 1, "name": "1e waarschuwing", "kind": "warning"}],
        "rules": [{"rule": r, "category": cat, "cells": cells} for r, (cat, cells) in rules.items()],
    }
    return parse_exchange(json.dumps(doc).encode())


A = teacher(
    {
        "Telefoon weg": ("routine", [cell(1, False, 30, 6, 4, 5), cell(2, True, 10, 8, 2, 9)]),
        "Respectvol taalgebruik": ("respect", [cell(1, False, 35, 5, 10), cell(2, True, 18, 5, 7)]),
        "Aan het werk blijven": ("routine", [cell(1, True, 15, 3, 2)]),
        "Niemand in gevaar brengen": ("safety", [cell(1, True, 9, 1, 0)]),
    }
)
B = teacher(
    {
        "telefoon  WEG": (
            "routine",
            [cell(1, False, 24, 3, 3), cell(2, False, 7, 2, 1), cell(3, True, 3, 2, 1)],
        ),
        "Respectvol taalgebruik": ("respect", [cell(1, False, 20, 20, 10), cell(2, True, 10, 14, 6)]),
        "Aan het werk blijven": ("routine", [cell(1, True, 15, 3, 2)]),
    }
)
C = teacher(
    {
        "Telefoon weg": ("routine", [cell(1, True, 20, 5, 0)]),
        "Respectvol taalgebruik": (
            "respect",
            [cell(1, False, 35, 6, 9), cell(2, False, 19, 6, 5), cell(3, True, 5, 4, 1)],
        ),
    }
)


def hand_x2(table: list[list[int]]) -> float:
    """Pearson's X² written out: sum of (observed - row*col/N)² / (row*col/N)."""
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table, strict=True)]
    total = sum(rows)
    return sum(
        (table[i][j] - rows[i] * cols[j] / total) ** 2 / (rows[i] * cols[j] / total)
        for i in range(len(rows))
        for j in range(len(cols))
    )


def test_three_teachers_against_hand_computed_tables() -> None:
    comp = compare([A, B, C])
    assert [t[0] for t in comp.teachers] == ["Docent A", "Docent B", "Docent C"]
    assert comp.unshared == ("Niemand in gevaar brengen",)
    rules = {r.rule: r for r in comp.rules}
    assert set(rules) == {"Telefoon weg", "Respectvol taalgebruik", "Aan het werk blijven"}

    # Telefoon weg: A cuts at 1|2+, B at 1|2|3+, C only 1+: the common stratum is '1+'.
    phone = rules["Telefoon weg"]
    assert phone.strata == ("1+",)
    got = [(c.teacher, c.n, c.agreed, c.stricter, c.milder, c.consequence) for c in phone.cells]
    assert got == [
        ("Docent A", 60, 40, 14, 6, 14),
        ("Docent B", 46, 34, 7, 5, 0),
        ("Docent C", 25, 20, 5, 0, 0),
    ]
    assert phone.statistic == pytest.approx(hand_x2([[40, 14, 6], [34, 7, 5], [20, 5, 0]]))
    assert phone.statistic == pytest.approx(3.965474, rel=1e-6)
    assert phone.df == 4
    assert phone.method == "permutation"  # an expected count of 25*11/131 = 2.1

    # Respectvol taalgebruik: strata 1 and 2+ (C's 2 and 3+ merged: 19+5, 6+4, 5+1).
    respect = rules["Respectvol taalgebruik"]
    assert respect.strata == ("1", "2+")
    c2 = next(c for c in respect.cells if c.teacher == "Docent C" and c.stratum == "2+")
    assert (c2.n, c2.agreed, c2.stricter, c2.milder) == (40, 24, 10, 6)
    x2 = hand_x2([[35, 5, 10], [20, 20, 10], [35, 6, 9]]) + hand_x2([[18, 5, 7], [10, 14, 6], [24, 10, 6]])
    assert respect.statistic == pytest.approx(x2) and x2 == pytest.approx(27.225775, rel=1e-6)
    assert respect.df == 8 and respect.method == "chi-square"
    assert respect.p == pytest.approx(sps.chi2.sf(x2, 8))
    b = next(t for t in respect.teachers if t.teacher == "Docent B")
    assert (b.n, b.stricter.k) == (80, 34)
    assert b.stricter.low < 34 / 80 < b.stricter.high

    # Aan het werk blijven: identical teachers, X² = 0, every shuffle is at least as extreme.
    same = rules["Aan het werk blijven"]
    assert same.statistic == pytest.approx(0.0) and same.p == 1.0

    # Benjamini-Hochberg over the three rules, by hand.
    ps = sorted([(respect.p, "r"), (phone.p, "p"), (same.p, "s")])
    m = len(ps)
    adj = [min(1.0, min(p * m / (k + 1) for k, (p, _) in enumerate(ps) if k >= i)) for i in range(m)]
    for (p_raw, key), expected in zip(ps, adj, strict=True):
        rule = {"r": respect, "p": phone, "s": same}[key]
        assert rule.p == p_raw and rule.p_adjusted == pytest.approx(expected)
    assert respect.verdict == "diverges" and "Docent B" in respect.explanation
    assert "strenger" in respect.explanation
    assert same.verdict == "no_difference" and "geen bewijs" in same.explanation
    assert comp.rules[0].rule == "Respectvol taalgebruik"  # diverging rules first


def test_tables_for_csv_and_pdf_hold_the_hand_counts() -> None:
    comp = compare([A, B, C])
    teachers, rules, shares, cells = comparison_tables(comp)
    assert teachers.column("teacher") == ["Docent A", "Docent B", "Docent C"]
    rows = {(r[0], r[1], r[2]): r[3:] for r in cells.rows}
    assert rows[("Respectvol taalgebruik", "1", "Docent B")] == (50, 20, 20, 10, 0)
    assert rows[("Telefoon weg", "1+", "Docent A")] == (60, 40, 14, 6, 14)
    assert "Niemand in gevaar brengen" not in rules.column("rule")
    share_rows = {(r[0], r[1]): r[2:] for r in shares.rows}
    n, stricter, low, high, *_ = share_rows[("Respectvol taalgebruik", "Docent B")]
    assert (n, stricter) == (80, 42.5)  # 34 of 80
    assert low == pytest.approx(32.3, abs=0.05) and high == pytest.approx(
        53.4, abs=0.05
    )  # Wilson 34/80, by hand


def test_common_strata_and_permutation_p() -> None:
    import numpy as np

    assert common_strata([A.rules[0].cells, B.rules[0].cells]) == [1, 2]
    assert common_strata([A.rules[0].cells, C.rules[0].cells]) == [1]
    # A strongly unequal small table: the permutation p is small and close to Fisher's exact test.
    table = np.array([[9, 1], [1, 9]])
    p = permutation_p([table], hand_x2(table.tolist()), draws=4000)
    assert p == pytest.approx(sps.fisher_exact(table).pvalue, abs=0.004)
    assert permutation_p([table], hand_x2(table.tolist())) == p  # seeded: same files, same answer


def test_different_ladders_are_noticed() -> None:
    assert not compare([A, B, C]).ladders_differ
    doc = {
        "schema": SCHEMA,
        "period": {"week_from": "2025-W36", "week_to": "2026-W10", "weeks": 24},
        "incidents": 10,
        "ladder": [{"level": 1, "name": "Waarschuwing", "kind": "warning"}],
        "rules": [{"rule": "Telefoon weg", "category": "routine", "cells": [cell(1, True, 8, 1, 1)]}],
    }
    assert compare([A, parse_exchange(json.dumps(doc).encode())]).ladders_differ


def test_needs_two_files() -> None:
    with pytest.raises(UserError, match="minstens twee"):
        compare([A])


def test_the_same_summary_twice_is_refused() -> None:
    """Two copies of one teacher's file were compared as two teachers in perfect agreement."""
    from dataclasses import replace

    copy = replace(A, source="kopie.json")
    with pytest.raises(UserError, match=r"Bestand 1 \(.*\) en bestand 3 \(kopie\.json\)"):
        compare([A, B, copy])


def test_files_without_a_shared_rule_are_refused_with_a_hint() -> None:
    """The comparison came out empty and blamed the privacy threshold; the real cause is no shared rule."""
    other = teacher({"Op tijd in de klas": ("routine", [cell(1, True, 20, 5, 0)])})
    with pytest.raises(UserError, match="geen enkele afspraak gemeen"):
        compare([A, other])


def test_a_cell_of_ten_million_is_compared_in_seconds() -> None:
    """Issue #18, item 10: the permutation test shuffled every incident (n = 10,000,000: > 17 minutes)."""
    import time

    big = teacher({"Telefoon weg": ("routine", [cell(1, True, 9_000_000, 999_998, 2)])})
    small = teacher({"Telefoon weg": ("routine", [cell(1, True, 8, 1, 1)])})
    started = time.perf_counter()
    [rule] = compare([big, small]).rules
    assert time.perf_counter() - started < 10
    assert rule.method == "permutation"  # an expected count of 3 * 10/10,000,010: the exact road
    assert rule.p is not None and rule.p < 0.01  # 1 in 10 milder is rare where 2 in 10 million are


def test_drawn_tables_have_the_permutation_distribution() -> None:
    """Above the shuffle limit tables are drawn with fixed margins: the same p as the shuffle, in law."""
    import numpy as np

    from app.analysis import contingency

    table = np.array([[30, 6, 4], [20, 20, 10], [9, 1, 0]])
    observed = hand_x2(table.tolist())
    shuffled = contingency.permutation_p([table], observed, 4000, 1)
    drawn_tables = contingency.random_tables(table, 4000, np.random.default_rng(2))
    assert (drawn_tables.sum(axis=2) == table.sum(1)).all() and (
        drawn_tables.sum(axis=1) == table.sum(0)
    ).all()
    expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / table.sum()
    sims = ((drawn_tables - expected) ** 2 / expected).sum(axis=(1, 2))
    drawn = (1 + np.count_nonzero(sims >= observed - 1e-9)) / 4001
    assert drawn == pytest.approx(shuffled, abs=0.01)
    assert drawn_tables.mean(axis=0) == pytest.approx(expected, rel=0.05)
    # a table past numpy's sampler limit is left to the asymptotic test
    assert not contingency.permutable([np.array([[10**9, 1], [1, 1]])])
