"""Issue 16 item 4: at the same rule and step, are some parents informed more often (or sooner)?"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from app.analysis.audit.follow_up import (
    MIN_CONSEQUENCES,
    SETTLE_DAYS,
    follow_up_evenness,
    settled_follow_ups,
)
from app.analysis.audit.run import audit
from app.analysis.frame import build_frame
from app.simulation.follow_up import with_follow_ups
from app.simulation.simulate import simulate_year


def _year(seed: int, **planted: float) -> pd.DataFrame:
    year = simulate_year(seed, weekly=3, heterogeneity=0.5)
    return with_follow_ups(year.tables, seed, klass_name="1B", heterogeneity=0.3, **planted)  # type: ignore[arg-type,return-value]


def test_a_planted_difference_is_found_in_its_direction() -> None:
    report = follow_up_evenness(build_frame(_year(7, klass=2.5)))
    keys = [(c.question, c.dimension, c.subject, c.direction) for c in report.findings]
    assert ("informed", "group", "1B", "more") in keys
    found = next(c for c in report.findings if c.subject == "1B" and c.question == "informed")
    # counts first: the class against the other classes, and what like-with-like expects
    assert found.k / found.n > found.rest_k / found.rest_n
    assert found.k > found.expected
    assert found.p_adjusted is not None and found.p_adjusted < report.fdr


def test_parents_informed_less_often_is_found_too() -> None:
    report = follow_up_evenness(build_frame(_year(8, klass=-3.0)))
    assert ("informed", "group", "1B", "less") in [
        (c.question, c.dimension, c.subject, c.direction) for c in report.findings
    ]


def test_sooner_is_a_question_of_its_own() -> None:
    report = follow_up_evenness(build_frame(_year(9, sooner=3.0, klass=1.0)))
    assert [(c.question, c.subject, c.direction) for c in report.findings] == [("sooner", "1B", "sooner")]
    found = report.findings[0]
    assert found.days is not None and found.rest_days is not None and found.days < found.rest_days
    assert found.k / found.n > found.rest_k / found.rest_n  # more often within two days


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_no_difference_is_not_flagged(seed: int) -> None:
    report = follow_up_evenness(build_frame(_year(seed)))
    assert report.tested  # there was enough to compare
    assert report.findings == ()


def test_small_numbers_are_too_few_never_a_flag() -> None:
    """A tiny year: every class informed always or never would look striking, but it is 'te weinig'."""
    year = simulate_year(3, n_classes=2, students_per_class=8, incidents_per_student=5.0)
    tables = with_follow_ups(year.tables, 3, klass=8.0, klass_name="1B", heterogeneity=0.0)
    report = follow_up_evenness(build_frame(tables))
    one_a = next(c for c in report.comparisons if c.question == "informed" and c.subject == "1A")
    assert (one_a.k, one_a.n, one_a.rest_k, one_a.rest_n) == (2, 4, 7, 7)  # striking, and only 11 in all
    assert all(c.too_few and not c.flagged and c.p is None for c in report.comparisons)
    assert any(c.n < MIN_CONSEQUENCES for c in report.comparisons)
    assert any("Te weinig consequenties" in note for note in report.notes)


def test_one_family_is_never_a_group() -> None:
    """Many consequences of one or two students in a group: not compared (one family is no pattern)."""
    tables = _year(14, klass=3.0)
    inc = tables["incidents"]
    students = tables["students"]
    in_1b = set(students.loc[students["group"] == "1B", "student_id"])
    heavy = inc[inc["student_id"].isin(in_1b) & (inc["step"] >= 3)]
    keep = list(heavy["student_id"].value_counts().index[:2])
    tables["incidents"] = inc[~inc["student_id"].isin(in_1b - set(keep))]
    report = follow_up_evenness(build_frame(tables))
    one_b = [c for c in report.comparisons if c.dimension == "group" and c.subject == "1B"]
    assert one_b and all(c.too_few and not c.flagged for c in one_b)


def test_only_settled_consequences_count_as_of_the_end_of_the_period() -> None:
    tables = _year(15)
    frame = build_frame(tables)
    cons = frame.incidents[frame.incidents["consequence"]]
    last = cons["date"].max().date()
    cut = build_frame(tables, date_to=last)
    rows = settled_follow_ups(cut)
    assert rows["incident_id"].isin(cons["incident_id"]).all()
    limit = pd.Timestamp(datetime.combine(last, datetime.max.time()) - timedelta(days=SETTLE_DAYS))
    young = cons[cons["occurred_at"] > limit]
    assert not young.empty and not rows["incident_id"].isin(young["incident_id"]).any()
    # parents informed after the end of the period do not count as informed in that period
    middle = date(last.year, last.month, 1) - timedelta(days=60)
    early = settled_follow_ups(build_frame(tables, date_to=middle))
    fu = tables["follow_ups"].set_index("incident_id")
    later = fu.loc[early["incident_id"], "parents_at"] > pd.Timestamp(middle) + pd.Timedelta(days=1)
    assert not early.loc[later.to_numpy(), "informed"].any()


def test_without_follow_ups_the_question_has_nothing_to_compare() -> None:
    year = simulate_year(16, weekly=3)
    report = follow_up_evenness(build_frame(year.tables))
    assert report.n_consequences > 0 and report.n_tracked == 0 and report.comparisons == ()
    assert any("geen nazorg" in note for note in report.notes)


def test_the_audit_carries_the_question_and_its_json() -> None:
    report = audit(_year(7, klass=2.5))
    assert report.follow_up is not None and report.follow_up.findings
    doc = report.to_json()["follow_up"]
    assert doc["n_settled"] == report.follow_up.n_settled
    assert {"question", "dimension", "subject", "n", "k", "rest_n", "rest_k", "p_adjusted"} <= set(
        doc["comparisons"][0]
    )
