"""One vocabulary: every code has its Dutch name, and the English names map back to the codes."""

from __future__ import annotations

from app.core import vocabulary as v


def test_every_code_has_a_dutch_name() -> None:
    assert set(v.WEEKDAY_NL) == set(v.WEEKDAYS) == set(v.WEEKDAY_SHORT_NL)
    assert set(v.CATEGORY_NL) == set(v.CATEGORIES)
    assert set(v.MOOD_NL) == set(v.MOODS)
    assert set(v.ENERGY_NL) == set(v.ENERGIES)
    assert v.WEEKDAYS[:5] == v.SCHOOL_DAYS
    assert len(v.MONTHS_NL) == len(v.MONTHS_SHORT_NL) == 12


def test_english_names() -> None:
    from app.core.i18n import translate

    assert translate(v.WEEKDAY_NL["friday"], "en") == "Friday"
    assert translate(v.CATEGORY_NL["safety"], "en") == "safety"
    assert translate(v.MOOD_NL["tense"], "en") == "tense"
    assert [translate(m, "en") for m in v.MONTHS_SHORT_NL][:3] == ["Jan", "Feb", "Mar"]
