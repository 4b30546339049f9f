"""The demo school year: size, dates, protocol, planted patterns, refusal, speed."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.simulation.demo import fill_demo, is_holiday, school_year
from app.store.store import Store

TODAY = date(2026, 3, 18)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, object, float]:
    """One demo year for the module's tests, with the time it took."""
    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.db")
    started = time.perf_counter()
    summary = fill_demo(store, today=TODAY)
    elapsed = time.perf_counter() - started
    yield store, summary, elapsed
    store.close()


def test_size_and_dates(demo: tuple[Store, object, float]) -> None:
    store, summary, elapsed = demo
    assert elapsed < 5
    assert len(store.classes()) == 4
    students = store.students()
    assert len(students) == 100
    assert {s.attributes["geslacht"] for s in students} == {"jongen", "meisje"}
    assert {s.attributes["ondersteuningsplan"] for s in students} == {"ja", "nee"}
    incidents = store.incidents()
    assert 1300 <= len(incidents) <= 1700
    assert len(store.praise_list()) > 100
    lessons = store.lessons()
    assert min(lesson.date for lesson in lessons) >= date(2025, 9, 1)
    assert max(lesson.date for lesson in lessons) >= TODAY - timedelta(days=7)
    assert max(lesson.date for lesson in lessons) < TODAY
    assert {lesson.period for lesson in lessons} == set(range(1, 9))
    assert {lesson.mood for lesson in lessons} == {"calm", "restless", "tense"}
    assert not any(is_holiday(lesson.date) or lesson.date.weekday() > 4 for lesson in lessons)
    assert store.reflection_weeks()
    assert any(rule.phase_downs for rule in store.rules())
    assert summary.incidents == len(incidents)  # type: ignore[attr-defined]


def test_names_are_dutch_flemish_and_diverse(demo: tuple[Store, object, float]) -> None:
    names = " ".join(s.name for s in demo[0].students())
    assert any(ch in names for ch in "ëéöüçşı")
    assert len({s.name for s in demo[0].students()}) == 100


def test_most_incidents_follow_the_protocol(demo: tuple[Store, object, float]) -> None:
    incidents = demo[0].incidents()
    agreed = sum(i.step == i.agreed_step for i in incidents)
    assert agreed / len(incidents) > 0.8


def test_planted_patterns_are_in_the_data(demo: tuple[Store, object, float]) -> None:
    import pandas as pd

    from app.analysis.frame import build_frame

    store, summary, _ = demo
    frame = build_frame(store.read_tables()).incidents
    deviation = pd.to_numeric(frame["deviation"])
    planted = summary.planted  # type: ignore[attr-defined]
    mild_id = planted[0].split("(")[1].split(",")[0]
    strict_id = planted[1].split("(")[1].split(",")[0]
    rest = deviation[~frame["student_id"].isin([mild_id, strict_id])]
    mild = deviation[frame["student_id"] == mild_id]
    strict = deviation[frame["student_id"] == strict_id]
    assert len(mild) >= 15 and len(strict) >= 15
    assert (mild < 0).mean() > 3 * (rest < 0).mean()
    assert (strict > 0).mean() > 3 * (rest > 0).mean()
    plan = frame["attr:ondersteuningsplan"] == "ja"
    assert (deviation[plan] > 0).mean() > 2 * (deviation[~plan] > 0).mean()
    late = frame["weekday"] == "friday"
    assert set(frame.loc[late, "period"].astype(int)) >= {5, 6, 7, 8}
    assert (deviation[late] < 0).mean() > 2 * (deviation[~late] < 0).mean()


def test_the_audit_finds_the_planted_patterns_and_little_else(demo: tuple[Store, object, float]) -> None:
    from app.analysis.audit.run import audit

    store, summary, _ = demo
    planted = summary.planted  # type: ignore[attr-defined]
    mild_id = planted[0].split("(")[1].split(",")[0]
    strict_id = planted[1].split("(")[1].split(",")[0]
    found = {(f.dimension, f.subject, f.direction) for f in audit(store.read_tables()).findings}
    expected = {
        ("student", mild_id, "milder"),
        ("student", strict_id, "stricter"),
        ("ondersteuningsplan", "ja", "stricter"),
        ("weekday", "friday", "milder"),
    }
    assert expected <= found
    assert len(found - expected) <= 1


def test_same_seed_same_year(tmp_path: Path) -> None:
    runs = []
    for name in ("a.db", "b.db"):
        with Store.open(tmp_path / name) as store:
            fill_demo(store, seed=7, today=TODAY)
            runs.append(
                [(i.student_external_id, i.rule_name, i.step, i.occurred_at) for i in store.incidents()]
            )
    assert runs[0] == runs[1]


def test_refuses_a_store_with_students(store: Store) -> None:
    store.add_student("1", "Ann", "1A")
    revision = store.revision
    with pytest.raises(UserError, match="al leerlingen"):
        fill_demo(store)
    assert store.revision == revision and len(store.students()) == 1


def test_school_year_bounds() -> None:
    assert school_year(date(2026, 11, 26)) == (date(2026, 9, 1), date(2026, 11, 25))
    assert school_year(date(2026, 3, 18)) == (date(2025, 9, 1), date(2026, 3, 17))
    # early in a school year the demo shows the whole previous one
    assert school_year(date(2026, 9, 10)) == (date(2025, 9, 1), date(2026, 9, 9))


def test_the_demo_year_has_a_timetable_with_calm_lessons(demo: tuple[Store, object, float]) -> None:
    store, _summary, _seconds = demo
    lessons = store.lessons_between(scheduled_only=True)
    assert store.has_timetable() and len(lessons) == len(store.lessons_between())
    calm = [x for x in lessons if x.incidents == 0]
    assert 0 < len(calm) < len(lessons)
    assert all(x.end_time is not None and x.status == "taught" for x in lessons)
