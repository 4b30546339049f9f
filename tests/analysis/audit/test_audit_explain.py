"""Explanations are built from an estimate's numbers, in Dutch by default and in English on request."""

from __future__ import annotations

from app.analysis.audit.explain import (
    certainty,
    explain,
    explained_sentence,
    number,
    subject_phrase,
    value_label,
)
from app.analysis.results import Counts
from app.core.i18n import set_language

COUNTS = Counts(n=12, stricter=8, milder=0, rest_n=10, rest_stricter=2, rest_milder=1)


def test_student_sentence_in_dutch_with_the_counts() -> None:
    text = explain(
        "student", "student", "1001", "stricter", COUNTS,
        effect=8.0, ci_low=2.1, ci_high=30.5, p_adjusted=0.004, flagged=True,
    )  # fmt: skip
    # issue 18.13: the counts and percentages lead, the odds ratio is a detail at the end
    assert text == (
        "Bij dezelfde afspraak en dezelfde keer kreeg leerling 1001 in 8 van de 12 gevallen (67 %) "
        "een zwaardere stap dan afgesproken, tegen 2 van de 10 (20 %) bij de rest. Hoe zeker: vrij zeker "
        "geen toeval (detail: kansverhouding 8,00, 95%-interval 2,10 tot 30,50)."
    )


def test_english_and_milder_wording() -> None:
    set_language("en")
    text = explain(
        "context", "weekday", "friday", "milder", COUNTS,
        effect=0.4, ci_low=0.2, ci_high=0.8, p_adjusted=0.03, flagged=True,
    )  # fmt: skip
    assert (
        "the answer on Friday was a lighter step than agreed 0 of 12 times (0%), against 1 of 10 (10%)"
        in text
    )
    assert "How sure: probably not chance (detail: odds ratio 0.40, 95% interval 0.20 to 0.80)." in text


def test_how_sure_in_words() -> None:
    assert "vrij zeker" in certainty(True, 0.001, 3.0, 2.0, 5.0)
    assert "waarschijnlijk" in certainty(True, 0.04, 3.0, 1.2, 5.0)
    assert "kan dit toeval zijn" in certainty(False, 0.2, 3.0, 1.2, 5.0)
    assert "geen duidelijk verschil" in certainty(False, 0.9, 1.1, 0.5, 2.0)


def test_a_pattern_another_finding_explains_is_not_called_chance() -> None:
    # clear on its own (adjusted p 0.0004), not flagged because a clearer finding explains it: saying
    # "with so many comparisons this may be chance" would be wrong
    words = certainty(False, 0.0004, 0.44, 0.31, 0.64, explained=True)
    assert "geen apart patroon" in words and "toeval" not in words
    assert "not a pattern of its own" in certainty(False, 0.0004, 0.44, 0.31, 0.64, "en", explained=True)


def test_the_finding_that_explains_a_pattern_is_named_in_a_whole_sentence() -> None:
    said = explained_sentence((("gender", "m"),))
    assert said == (
        "Samen bekeken verklaart het patroon bij leerlingen met gender 'm' dit verschil grotendeels."
    )
    assert "het patroon in klas 1B dit" in explained_sentence((("group", "1B"),))
    assert "het patroon op vrijdag dit" in explained_sentence((("weekday", "friday"),))
    english = explained_sentence((("group", "1B"),), "en")
    assert english == "Looked at together, the pattern in class 1B largely explains this difference."


def test_subjects_read_naturally() -> None:
    assert subject_phrase("context", "weekday", "friday") == "op vrijdag"
    assert subject_phrase("context", "period", "10-11") == "tussen 10 en 11 uur"
    assert subject_phrase("context", "period", "3") == "in het 3e lesuur"
    assert subject_phrase("context", "term", "T2") == "in trimester 2"
    assert subject_phrase("context", "month", "2026-03") == "in maart 2026"  # was 'in 2026-03'
    assert subject_phrase("context", "month", "2026-11", "en") == "in November 2026"
    assert subject_phrase("context", "lesson_mood", "tense") == "in lessen die gespannen aanvoelden"
    assert subject_phrase("group", "group", "2B") == "klas 2B"
    assert subject_phrase("rule", "Telefoon weg", "Telefoon weg") == "de afspraak 'Telefoon weg'"


def test_numbers_never_show_nan_or_huge_values() -> None:
    assert number(float("nan")) == "?"
    assert number(123456.0) == ">999"
    assert number(1.25, 2) == "1,25"


def test_value_labels_for_the_private_ui() -> None:
    assert value_label("weekday", "friday") == "vrijdag"
    assert value_label("lesson_mood", "tense") == "gespannen"
    assert value_label("rule_category", "safety") == "veiligheid"
    assert value_label("support plan", "yes") == "yes"
    assert value_label("weekday", "friday", "en") == "Friday"


def test_a_milder_class_without_lighter_steps_is_explained_by_its_heavier_steps() -> None:
    # One class always got the agreed step, the other always a heavier one: nothing was ever lighter.
    # The sentence must show where the difference is (0 of 51 heavier against 67 of 67), not "0 against 0".
    counts = Counts(
        n=51, stricter=0, milder=0, rest_n=67, rest_stricter=67, rest_milder=0,
        expected_stricter=51.0, expected_milder=0.0,
    )  # fmt: skip
    text = explain(
        "group", "group", "1A", "milder", counts,
        effect=0.07, ci_low=0.02, ci_high=0.23, p_adjusted=0.0006, flagged=True,
    )  # fmt: skip
    assert (
        "kreeg klas 1A in 0 van de 51 gevallen (0 %) een zwaardere stap dan afgesproken, tegen 67 van de"
        in (text)
    )
    assert "0 van de 51 gevallen een lichtere stap" not in text


def test_a_stricter_subject_with_more_heavier_steps_keeps_its_own_outcome() -> None:
    counts = Counts(
        n=20, stricter=9, milder=1, rest_n=100, rest_stricter=10, rest_milder=5,
        expected_stricter=2.0, expected_milder=1.0,
    )  # fmt: skip
    text = explain(
        "student", "student", "7", "stricter", counts,
        effect=5.0, ci_low=2.0, ci_high=12.0, p_adjusted=0.001, flagged=True,
    )  # fmt: skip
    assert "9 van de 20 gevallen (45 %) een zwaardere stap" in text
