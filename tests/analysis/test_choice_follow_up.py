"""A prepared choice's follow-up: counted like with like before and since its start, in honest words."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.analysis.audit.choice_follow_up import MIN_SINCE, follow_up, situation_mask
from app.analysis.frame import build_frame
from app.core.situation import Situation
from app.store.store import Store

START = date(2026, 3, 2)


def _log(store: Store, student_id: int, rule_id: int, day: date, step: int) -> None:
    store.log_incident(
        student_id, rule_id, step, occurred_at=datetime.combine(day, datetime.min.time()).replace(hour=10)
    )


def _year(store: Store, sam_since: list[int]) -> tuple[int, str]:
    """Sam: 10 of 20 a step heavier before the start, then ``sam_since``; two others 4 of 40 in each."""
    sam = store.add_student("1001", "Sam", "2B")
    ann = store.add_student("1002", "Ann", "2B")
    bo = store.add_student("1003", "Bo", "2B")
    rule = store.rules()[0]
    store.update_rule(rule.id, start_step=1)
    before = START - timedelta(days=30)
    for i in range(20):
        _log(store, sam.id, rule.id, before + timedelta(days=i), 2 if i < 10 else 1)
    for i in range(40):
        _log(store, (ann if i % 2 else bo).id, rule.id, before + timedelta(days=i // 2), 2 if i < 4 else 1)
    for i, step in enumerate(sam_since):
        _log(store, sam.id, rule.id, START + timedelta(days=i), step)
    for i in range(40):
        _log(store, (ann if i % 2 else bo).id, rule.id, START + timedelta(days=i // 2), 2 if i < 4 else 1)
    return rule.id, rule.name


def test_the_counts_are_the_hand_counts_and_the_words_say_the_difference_went(store: Store) -> None:
    _, rule = _year(store, [2] + [1] * 9)
    frame = build_frame(store.read_tables())
    result = follow_up(frame, 1, Situation(student="1001", rule=rule), START, direction="stricter")
    b, s = result.before.counts, result.since.counts
    assert (b.n, b.stricter, b.rest_n, b.rest_stricter) == (20, 10, 40, 4)
    assert (s.n, s.stricter, s.rest_n, s.rest_stricter) == (10, 1, 40, 4)
    assert result.before.clear == "stricter"  # 50 % against 10 %: an interval above 1
    assert result.since.clear == ""  # 10 % against 10 %
    assert result.since.effect == pytest.approx(1.0, abs=0.35)
    assert "in 1 van de 10 gevallen (10 %) een zwaardere stap dan afgesproken, tegen 4 van de 40 (10 %)" in (
        result.sentence
    )
    assert "Daarvoor: in 10 van de 20 gevallen (50 %)" in result.sentence
    assert "geen duidelijk verschil meer" in result.sentence


def test_a_difference_that_stays_is_said_to_stay(store: Store) -> None:
    _year(store, [2] * 10 + [1] * 10)
    result = follow_up(
        build_frame(store.read_tables()), 1, Situation(student="1001"), START, direction="stricter"
    )
    assert result.since.clear == "stricter"
    assert "er nog" in result.sentence


def test_with_few_incidents_since_it_is_too_early_to_say(store: Store) -> None:
    _year(store, [2, 1, 1])
    result = follow_up(build_frame(store.read_tables()), 1, Situation(student="1001"), START)
    assert result.since.counts.n == 3 < MIN_SINCE
    assert not result.since.enough
    assert result.sentence.startswith("3 incidenten in deze situatie sinds 2 maart 2026: te weinig")


def test_nothing_since_and_a_closed_choice_stops_counting(store: Store) -> None:
    _year(store, [2] * 12)  # one a day: two in the first two days
    frame = build_frame(store.read_tables())
    closed = follow_up(frame, 1, Situation(student="1001"), START, closed_on=START + timedelta(days=1))
    assert closed.since.counts.n == 2
    later = follow_up(frame, 1, Situation(student="1001"), START + timedelta(days=100))
    assert later.sentence == "Nog geen incidenten in deze situatie sinds 10 juni 2026."


def test_a_condition_on_a_column_the_log_lacks_matches_nothing(store: Store) -> None:
    _year(store, [1] * 10)
    inc = build_frame(store.read_tables()).incidents
    assert not situation_mask(inc, Situation(attribute="bril", value="ja")).any()
    assert situation_mask(inc, Situation(group="2B")).all()
