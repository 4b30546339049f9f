"""The privacy rules in isolation: weeks, merging into 'overig', strike tails, pseudonyms, free text."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core.errors import UserError
from app.team import anonymise as anon
from app.team import suppression as supp


def test_weeks_not_dates() -> None:
    assert anon.week_label(date(2025, 9, 3)) == "2025-W36"
    assert anon.week_label(date(2026, 1, 1)) == "2026-W01"  # ISO year of a January day
    assert anon.week_span([date(2025, 9, 3), date(2025, 9, 4), date(2025, 9, 15)]) == (
        "2025-W36",
        "2025-W38",
        2,
    )
    assert anon.week_span([]) == ("", "", 0)


def test_small_groups_merge_into_other_and_say_so() -> None:
    rows = [
        {"value": "2A", "n": 40, "students": 20, "k": 4},
        {"value": "2B", "n": 30, "students": 18, "k": 3},
        {"value": "3C", "n": 6, "students": 3, "k": 1},
        {"value": "4D", "n": 4, "students": 9, "k": 2},
    ]
    kept, notes = supp.merge_small_groups(rows, label="value", sums=("k",), what="klassen")
    values = {r["value"]: r for r in kept}
    assert set(values) == {"2A", "2B", anon.OTHER}
    assert (
        values[anon.OTHER]["n"] == 10
        and values[anon.OTHER]["students"] == 12
        and values[anon.OTHER]["k"] == 3
    )
    assert len(notes) == 1 and "2 klassen" in notes[0] and "overig" in notes[0]


def test_other_too_small_takes_the_smallest_group_along() -> None:
    """Secondary suppression: a left-out group must not be recoverable from the total."""
    rows = [
        {"value": "2A", "n": 40, "students": 20},
        {"value": "2B", "n": 30, "students": 18},
        {"value": "3C", "n": 6, "students": 3},
    ]
    kept, notes = supp.merge_small_groups(rows, label="value", sums=(), what="klassen")
    assert {r["value"] for r in kept} == {"2A", anon.OTHER}
    other = next(r for r in kept if r["value"] == anon.OTHER)
    assert other["n"] == 36 and other["students"] == 21
    assert "1 grotere" in notes[0]


def test_breakdown_dropped_when_nothing_but_other_would_remain() -> None:
    rows = [{"value": "ja", "n": 8, "students": 3}, {"value": "nee", "n": 90, "students": 40}]
    kept, notes = supp.merge_small_groups(rows, label="value", sums=(), what="groepen")
    assert kept == []
    assert notes and notes[0].startswith("Niet uitgesplitst")


def test_incident_cells_only_when_no_student_column() -> None:
    rows = [{"rule": "a", "n": 50}, {"rule": "b", "n": 3}, {"rule": "c", "n": 2}, {"rule": "d", "n": 7}]
    kept, notes = supp.merge_small_groups(rows, label="rule", sums=(), students=None, what="afspraken")
    assert sorted((r["rule"], r["n"]) for r in kept) == [("a", 50), ("d", 7), (anon.OTHER, 5)]
    assert "minder dan 5 incidenten" in notes[0]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({1: 40, 2: 12, 3: 6}, [("1", 40), ("2", 12), ("3+", 6)]),
        ({1: 40, 2: 12, 3: 2, 4: 1}, [("1", 40), ("2+", 15)]),
        ({1: 40, 2: 3}, [("1+", 43)]),
        ({1: 3, 2: 1}, [("1+", 4)]),  # still below: the caller merges or drops it
        ({1: 9, 2: 9, 3: 1, 5: 4}, [("1", 9), ("2", 9), ("3+", 5)]),  # 3 and later capped together
    ],
)
def test_strike_tail(counts: dict[int, int], expected: list[tuple[str, int]]) -> None:
    rows = [{"strike": k, "n": n, "x": n} for k, n in counts.items()]
    out = supp.merge_strike_tail(rows, sums=("x",))
    assert [(r["strike_label"], r["n"]) for r in out] == expected
    assert all(r["x"] == r["n"] for r in out)


def test_share_refuses_small_cells_and_dates() -> None:
    cols = [("g", "G"), ("n", "N")]
    assert supp.share("k", "K", cols, [{"g": "a", "n": 5}]).rows == (("a", 5),)
    with pytest.raises(ValueError, match="threshold"):
        supp.share("k", "K", cols, [{"g": "a", "n": 4}])
    with pytest.raises(ValueError, match="dates"):
        supp.share("k", "K", cols, [{"g": date(2025, 9, 1), "n": 9}])


def test_pseudonyms_are_random_unique_and_new_every_time() -> None:
    ids = [f"LLN-{i}" for i in range(60)]
    first, second = anon.pseudonyms(ids), anon.pseudonyms(ids)
    assert len(set(first.values())) == 60
    assert first != second
    assert not any(i in p for i in ids for p in first.values())
    assert anon.pseudonyms(ids, random.Random(4)) == anon.pseudonyms(ids, random.Random(4))


def test_free_text_naming_a_student_is_refused() -> None:
    ids = anon.Identifiers(
        names=("Xandriel van Brakkeveld",), ids=("LLN-4711X", "12"), notes=("een lange notitie hier",)
    )
    assert anon.check_free_text("  Een  leerling  liep weg ", ids, what="Casus 1") == "Een leerling liep weg"
    for bad in (
        "xandriel liep weg",
        "Brakkeveld liep weg",
        "lln-4711x liep weg",
        "zie: een lange notitie hier!",
    ):
        with pytest.raises(UserError, match="leerling"):
            anon.check_free_text(bad, ids, what="Casus 1")
    assert anon.check_free_text("van de 12 keer", ids, what="Punt")  # 'van' is a particle, '12' too short
    numeric = anon.Identifiers(names=(), ids=("24377",), notes=())
    with pytest.raises(UserError, match="24377"):
        anon.check_free_text("leerling 24377 liep weg", numeric, what="Casus 1")
    assert numeric.found_in("24377 incidenten") == []  # in tables of counts a number is a count
    with pytest.raises(UserError, match="te lang"):
        anon.check_free_text("x" * (anon.MAX_TEXT + 1), ids, what="Punt")


def test_one_suppressed_group_is_named_in_the_singular() -> None:
    """'1 klassen met minder dan ...' read badly; one is 'klas', more stay plural."""
    one = [{"group": "1A", "n": 40, "students": 20}, {"group": "1B", "n": 3, "students": 2}]
    _kept, notes = supp.merge_small_groups(one, label="group", sums=(), what="klassen")
    assert notes[0].startswith("Niet uitgesplitst: 1 klas met minder dan 5 leerlingen")
    two = [*one, {"group": "1C", "n": 2, "students": 1}]
    _kept, notes = supp.merge_small_groups(two, label="group", sums=(), what="klassen")
    assert "2 klassen met" in notes[0]
    assert supp.singular("momenten (dag)") == "moment (dag)"


@pytest.mark.parametrize(
    "text",
    [
        "Op 6-10-2026 in de gang",
        "Wat deed ik op 2026-10-06 anders?",
        "Wat gebeurde er op 6 oktober?",
        "Vlak voor 5 mei",
        "Zie 6/10/25",
    ],
)
def test_an_exact_date_in_a_case_or_point_is_refused(text: str) -> None:
    """Free text went out with exact dates, while the export promises weeks at most."""
    ids = anon.Identifiers(names=(), ids=(), notes=())
    with pytest.raises(UserError, match="noemt een datum"):
        anon.check_free_text(text, ids, what="Bespreekpunt 1")


@pytest.mark.parametrize(
    "text", ["Tijdens lesuur 9-10", "3/4 van de klas", "In week 41, om 10.30 uur", "Mei was rustig"]
)
def test_times_fractions_and_weeks_are_not_dates(text: str) -> None:
    ids = anon.Identifiers(names=(), ids=(), notes=())
    assert anon.check_free_text(text, ids, what="Bespreekpunt 1") == text
