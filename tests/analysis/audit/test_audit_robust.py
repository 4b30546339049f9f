"""Any small log, however odd, gives a clean report: no crash, no NaN, no zero-width interval."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.analysis.audit.run import audit
from tests.analysis.audit.test_audit import RULES, assert_clean, make_tables

RULE_NAMES = [r[0] for r in RULES]


@st.composite
def small_logs(draw):  # type: ignore[no-untyped-def]
    """A roster of 1-8 students in 1-3 classes, up to 60 incidents, a ladder of 1-5 steps."""
    top = draw(st.integers(1, 5))
    n_students = draw(st.integers(1, 8))
    students = {f"s{i}": f"{1 + draw(st.integers(0, 2))}A" for i in range(n_students)}
    events = draw(
        st.lists(
            st.tuples(
                st.integers(0, n_students - 1),
                st.integers(1, 12),
                st.sampled_from(RULE_NAMES),
                st.integers(1, top),
            ),
            max_size=60,
        )
    )
    incidents = [
        (f"s{s}", lesson * 10 + int(students[f"s{s}"][0]), rule, step) for s, lesson, rule, step in events
    ]
    attrs = {sid: {"plan": draw(st.sampled_from(["ja", "nee", ""]))} for sid in students}
    ladder = [(f"stap {i}", "warning" if i < 2 else "consequence") for i in range(1, top + 1)]
    return make_tables(incidents, students, attributes=attrs, ladder=ladder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_logs())
def test_small_odd_logs_give_clean_reports(tables) -> None:  # type: ignore[no-untyped-def]
    report = audit(tables)
    assert_clean(report)
    assert report.n_incidents == len(tables["incidents"])
    doc = report.to_json()
    assert len(doc["estimates"]) == len(report.estimates)
