"""The audit on hand-built logs: like with like, small numbers, edge cases, and the report's contract."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from app.analysis.audit import budget
from app.analysis.audit.run import audit
from app.analysis.frame import build_frame
from app.analysis.results import AuditReport
from app.analysis.stats import weighted_bh_adjust
from app.core.errors import UserError
from app.simulation.simulate import Planted, simulate_year
from app.store.store import Store

LADDER = [("1e waarschuwing", "warning"), ("2e waarschuwing", "warning"), ("Time-out", "consequence")]
LADDER += [("Gesprek", "consequence"), ("Eruit", "consequence")]
RULES = [("Telefoon weg", "routine", 1), ("Respect", "respect", 2), ("Veiligheid", "safety", 3)]


def make_tables(
    incidents: list[tuple[str, int, str, int]],
    students: dict[str, str],
    *,
    attributes: dict[str, dict[str, str]] | None = None,
    ladder: list[tuple[str, str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Raw tables from (student, lesson number, rule name, step) in order of occurrence."""
    ladder = LADDER if ladder is None else ladder
    rule_ids = {name: i + 1 for i, (name, _, _) in enumerate(RULES)}
    lessons = sorted({lesson for _, lesson, _, _ in incidents} | {1})
    group_of_lesson = {}
    for sid, lesson, _, _ in incidents:
        group_of_lesson.setdefault(lesson, students[sid])
    start = date(2025, 9, 1)
    les = pd.DataFrame(
        {
            "lesson_id": lessons,
            "group": [group_of_lesson.get(x, next(iter(students.values()))) for x in lessons],
            "date": [start + timedelta(days=7 * (x // 5) + x % 5) for x in lessons],
            "period": [1 + x % 6 for x in lessons],
            "start_time": [None] * len(lessons),
            "mood": [None] * len(lessons),
            "energy": [None] * len(lessons),
        }
    )
    day = dict(zip(les["lesson_id"], les["date"], strict=True))
    rows = [
        {
            "incident_id": i + 1,
            "lesson_id": lesson,
            "student_id": sid,
            "rule_id": rule_ids[rule],
            "step": step,
            "occurred_at": datetime.combine(day[lesson], datetime.min.time()) + timedelta(hours=9, minutes=i),
            "note": "",
        }
        for i, (sid, lesson, rule, step) in enumerate(incidents)
    ]
    attrs = [
        {"student_id": sid, "attribute": name, "value": value}
        for sid, values in (attributes or {}).items()
        for name, value in values.items()
    ]
    return {
        "incidents": pd.DataFrame(
            rows, columns=["incident_id", "lesson_id", "student_id", "rule_id", "step", "occurred_at", "note"]
        ),
        "lessons": les,
        "students": pd.DataFrame(
            {
                "student_id": list(students),
                "name": [f"Naam {s}" for s in students],
                "group": list(students.values()),
            }
        ).assign(archived=False),
        "attributes": pd.DataFrame(attrs, columns=["student_id", "attribute", "value"]),
        "rules": pd.DataFrame(
            {
                "rule_id": [rule_ids[r[0]] for r in RULES],
                "rule": [r[0] for r in RULES],
                "category": [r[1] for r in RULES],
                "start_step": [min(r[2], len(ladder)) for r in RULES],
                "position": range(1, len(RULES) + 1),
                "active": True,
            }
        ),
        "phase_downs": pd.DataFrame({"rule_id": [], "effective_from": [], "start_step": []}),
        "ladder": pd.DataFrame(
            {
                "level": range(1, len(ladder) + 1),
                "name": [s[0] for s in ladder],
                "kind": [s[1] for s in ladder],
            }
        ),
        "praise": pd.DataFrame({"praise_id": [], "lesson_id": [], "student_id": [], "occurred_at": []}),
    }


def assert_clean(report: AuditReport) -> None:
    """No NaN or infinity anywhere a user could see it, and never a zero-width interval."""
    for e in report.estimates:
        for value in (e.effect, e.ci_low, e.ci_high, e.p, e.p_adjusted):
            assert math.isfinite(value), e
        assert e.ci_low < e.effect < e.ci_high, e
        assert e.ci_high / e.ci_low > 1.01, e
        assert 0 <= e.p <= 1 and e.p <= e.p_adjusted <= 1
        assert "nan" not in e.explanation.lower() and e.explanation.strip()
    for s in report.students:
        assert math.isfinite(s.score) and s.ci_low < s.score < s.ci_high


def _fair_class(rng: np.random.Generator, n_students: int = 24, lessons: int = 60, group: str = "2A"):  # type: ignore[no-untyped-def]
    """A class answered by the ladder with a little symmetric noise: incidents and the roster."""
    students = {f"{group}-{i:02d}": group for i in range(n_students)}
    incidents = []
    for lesson in range(1, lessons + 1):
        for sid in students:
            for strike in range(1, 1 + int(rng.poisson(0.25))):
                rule = RULES[int(rng.choice(3, p=[0.7, 0.2, 0.1]))]
                agreed = min(rule[2] + strike - 1, 5)
                step = agreed + int(rng.choice([-1, 0, 1], p=[0.1, 0.8, 0.1]))
                incidents.append((sid, lesson + 1000 * (group == "2B"), rule[0], int(np.clip(step, 1, 5))))
    return incidents, students


def test_frequent_is_not_strict() -> None:
    rng = np.random.default_rng(3)
    incidents, students = _fair_class(rng)
    # One student breaks the phone rule four times in every third lesson, always answered as agreed.
    students["freq"] = "2A"
    for lesson in range(1, 61, 3):
        incidents += [("freq", lesson, "Telefoon weg", step) for step in (1, 2, 3, 4)]
    tables = make_tables(incidents, students)
    inc = build_frame(tables).incidents
    assert inc.loc[inc["student_id"] == "freq", "step"].mean() > inc["step"].mean() + 0.5
    report = audit(tables)
    mine = [e for e in report.estimates if e.subject == "freq"]
    assert mine and not mine[0].flagged and mine[0].counts.stricter == 0
    assert_clean(report)


def test_a_student_answered_stricter_at_the_same_rule_and_strike_is_flagged() -> None:
    rng = np.random.default_rng(5)
    incidents, students = _fair_class(rng)
    students["hard"] = "2A"
    for lesson in range(2, 60, 2):
        incidents.append(("hard", lesson, "Telefoon weg", 2 if lesson % 6 else 1))  # 2 of 3 times a step up
    report = audit(make_tables(incidents, students))
    found = [e for e in report.findings if e.subject == "hard"]
    assert found and found[0].direction == "stricter" and found[0].kind == "student"
    assert "leerling hard" in found[0].explanation and "zwaardere stap" in found[0].explanation
    assert not [e for e in report.findings if e.subject != "hard" and e.kind != "rule"]


def test_a_handful_of_incidents_is_never_flagged_and_uses_the_exact_test() -> None:
    rng = np.random.default_rng(8)
    incidents, students = _fair_class(rng)
    students["few"] = "2A"
    incidents += [("few", lesson, "Telefoon weg", 3) for lesson in (3, 9, 15)]  # 3 of 3 two steps up
    students["six"] = "2A"
    incidents += [("six", lesson, "Telefoon weg", 2) for lesson in (4, 10, 16, 22, 28, 34)]
    report = audit(make_tables(incidents, students))
    assert not [e for e in report.estimates if e.subject == "few"]  # too few to test at all
    six = next(e for e in report.estimates if e.subject == "six")
    assert "exact" in six.method and six.counts.stricter == 6
    assert six.ci_low > 1 and math.isfinite(six.ci_high)  # separation: finite, wide interval
    assert_clean(report)


def test_p_adjusted_is_one_weighted_benjamini_hochberg_over_every_test_and_fdr_moves_flags() -> None:
    year = simulate_year(11, planted=Planted(stricter_student=1.8, group=0.9))
    strict = audit(year.tables, fdr=0.01)
    loose = audit(year.tables, fdr=0.5)
    ps = [e.p for e in strict.estimates]
    parts = [budget.part_of(e.kind, e.dimension) for e in strict.estimates]
    expected = np.maximum(ps, weighted_bh_adjust(ps, budget.weights(parts)))  # never below its own p
    assert [e.p_adjusted for e in strict.estimates] == pytest.approx(list(expected))
    # the shares: students 70 %, groups 20 %, weekday 4 %, period 2 %, the rest 4 % of the budget
    w = budget.weights(parts)
    share = {part: w[[p == part for p in parts]].sum() / len(w) for part in budget.SHARES}
    assert share == pytest.approx(budget.SHARES)
    shipped = {"student": 0.7, "group": 0.2, "weekday": 0.04, "period": 0.02, "context": 0.04}
    assert share == pytest.approx(shipped)
    assert {e.kind for e in strict.estimates} == {"student", "group", "context", "rule"}
    assert len(loose.findings) > len(strict.findings)
    assert all(e.p_adjusted <= 0.01 for e in strict.findings)
    assert_clean(strict)


def test_an_adjusted_p_equal_to_the_fdr_is_not_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    # Flagged means p_adjusted < q (issue 4), so the JSON's findings are exactly the estimates below q.
    year = simulate_year(11, planted=Planted(stricter_student=1.8, group=0.9))
    monkeypatch.setattr("app.analysis.audit.budget.adjust", lambda ps, parts: np.full(len(ps), 0.05))
    report = audit(year.tables, fdr=0.05)
    assert report.estimates and not report.findings
    assert all(e.p_adjusted == 0.05 and not e.flagged for e in report.estimates)


def test_dimensions_limit_the_tests_but_not_the_model() -> None:
    year = simulate_year(12)
    report = audit(year.tables, dimensions=["weekday", "student"])
    assert {e.dimension for e in report.estimates} == {"weekday", "student"}
    with pytest.raises(UserError, match="Onbekende dimensie: colour"):
        audit(year.tables, dimensions=["colour"])


def test_bad_fdr_is_a_user_error() -> None:
    tables = make_tables([], {"a": "1A"})
    for bad in (0, 1, -0.1, float("nan"), "x"):
        with pytest.raises(UserError, match="--fdr"):
            audit(tables, fdr=bad)  # type: ignore[arg-type]


def test_empty_store_gives_an_empty_report_with_a_note(store: Store) -> None:
    report = audit(store.read_tables())
    assert report.estimates == () and report.findings == () and report.n_incidents == 0
    assert report.notes and "geen incidenten" in report.notes[0]
    assert report.to_json()["schema"] == "fair-strictness/audit/v1"


def test_one_class_without_attributes_and_all_agreed_gives_no_flags() -> None:
    students = {f"s{i}": "1A" for i in range(10)}
    incidents = [(f"s{i}", lesson, "Telefoon weg", 1) for lesson in range(1, 30) for i in range(0, 10, 3)]
    report = audit(make_tables(incidents, students))
    assert report.findings == ()
    assert not [e for e in report.estimates if e.dimension == "group"]
    assert_clean(report)


def test_a_one_step_ladder_leaves_nothing_to_compare() -> None:
    students = {"a": "1A", "b": "1A"}
    incidents = [(s, lesson, "Telefoon weg", 1) for lesson in range(1, 10) for s in students]
    report = audit(make_tables(incidents, students, ladder=[("Waarschuwing", "warning")]))
    assert report.estimates == () and report.n_incidents == 18
    assert any("ladder" in note for note in report.notes)


def test_separation_everyone_in_a_group_stricter_stays_finite() -> None:
    rng = np.random.default_rng(9)
    incidents, students = _fair_class(rng, group="2A")
    more, extra = _fair_class(rng, n_students=16, group="2B")
    students.update(extra)
    incidents += [
        (s, lesson, rule, 5) if s.startswith("2B") else (s, lesson, rule, step)
        for s, lesson, rule, step in more
    ]
    report = audit(make_tables(incidents, students))
    assert_clean(report)
    found = [e for e in report.findings if e.dimension == "group"]
    assert found and found[0].subject == "2B" and found[0].direction == "stricter"


def test_audit_accepts_a_frame_and_reports_the_period() -> None:
    year = simulate_year(13)
    frame = build_frame(year.tables, date_from="2025-10-01", date_to="2025-12-31")
    report = audit(frame)
    assert report.date_from == date(2025, 10, 1) and report.date_to == date(2025, 12, 31)
    assert report.n_incidents == len(frame.incidents) > 0
    assert report.adherence and report.weekly and report.students


def test_json_items_carry_the_documented_fields() -> None:
    report = audit(simulate_year(14, planted=Planted(stricter_student=1.8)).tables)
    doc = report.to_json()
    assert doc["schema"] == "fair-strictness/audit/v1"
    assert len(doc["estimates"]) == len(report.estimates) and len(doc["findings"]) == len(report.findings)
    keys = {
        "kind",
        "dimension",
        "subject",
        "direction",
        "effect",
        "ci_low",
        "ci_high",
        "n",
        "p",
        "p_adjusted",
    }
    for item in doc["estimates"]:
        assert keys | {"explanation"} <= set(item)
        assert item["direction"] in ("stricter", "milder")
        if item["dimension"] == "weekday":
            assert item["subject"] in ("monday", "tuesday", "wednesday", "thursday", "friday")


def test_a_student_who_moved_class_is_audited_once() -> None:
    rng = np.random.default_rng(21)
    incidents, students = _fair_class(rng, group="2A")
    more, extra = _fair_class(rng, n_students=20, group="2B")
    students.update(extra)
    incidents += more
    students["mover"] = "2A"
    incidents += [("mover", lesson, "Telefoon weg", 1) for lesson in range(2, 40, 4)]
    incidents += [("mover", 1000 + lesson, "Telefoon weg", 1) for lesson in range(1, 20, 3)]
    report = audit(make_tables(incidents, students))
    assert [e.subject for e in report.estimates].count("mover") == 1
    assert_clean(report)


def test_a_rule_that_starts_at_the_top_can_only_be_answered_milder() -> None:
    rng = np.random.default_rng(31)
    students = {f"s{i:02d}": "1A" for i in range(20)}
    incidents = []
    for lesson in range(1, 80):
        for sid in rng.choice(list(students), size=3, replace=False):
            step = 3 if rng.random() < 0.85 or sid == "s00" else 2  # s00 never gets the lighter step
            incidents.append((str(sid), lesson, "Veiligheid", step))
    ladder = [("Waarschuwing", "warning"), ("Time-out", "consequence"), ("Eruit", "consequence")]
    report = audit(make_tables(incidents, students, ladder=ladder))
    assert report.estimates and all(
        e.counts.stricter == 0 and e.counts.rest_stricter == 0 for e in report.estimates
    )
    assert_clean(report)


def test_one_students_effect_is_not_reported_as_their_small_groups() -> None:
    # One student of a three-student support group is answered stricter (2 of 3 times a step up); the
    # other two like everyone. The joint model gave the pattern to the group (plan = ja flagged,
    # the student not): a group accused for one student. The group must not be flagged; the student must.
    rng = np.random.default_rng(21)
    incidents, students = _fair_class(rng, n_students=24, lessons=60)
    incidents = [x for x in incidents if x[0] not in ("2A-05", "2A-06", "2A-07")]
    for i, lesson in enumerate(range(1, 61, 3)):
        incidents.append(("2A-05", lesson, "Telefoon weg", 2 if i % 3 else 1))
    for i, lesson in enumerate(range(2, 60, 6)):
        incidents.append(("2A-06", lesson, "Telefoon weg", 2 if i % 3 == 0 else 1))
        incidents.append(("2A-07", lesson + 1, "Telefoon weg", 1))
    plan = {sid: {"plan": "ja" if sid in ("2A-05", "2A-06", "2A-07") else "nee"} for sid in students}
    report = audit(make_tables(incidents, students, attributes=plan))
    group = next(e for e in report.estimates if e.dimension == "plan")
    student = next(e for e in report.estimates if e.subject == "2A-05")
    assert not group.flagged and "without its dominant student" in group.method
    assert student.flagged and student.direction == "stricter" and student.ci_low > 1
    assert "rests on this student" in student.method
    assert_clean(report)


def test_a_class_that_is_also_the_plan_group_and_the_friday_gets_a_note() -> None:
    # 2B is the only class with a plan and is taught only on Fridays (lesson numbers 4 mod 5): the
    # model cannot separate the three, and the report says so instead of leaving the teacher to guess.
    rng = np.random.default_rng(4)
    incidents, students = _fair_class(rng, n_students=10, lessons=40)
    incidents = [(s, lesson * 5 + lesson % 4, r, step) for s, lesson, r, step in incidents]  # never Friday
    more, more_students = _fair_class(rng, n_students=8, lessons=20, group="2B")
    incidents += [(s, 5 * lesson + 4, r, step) for s, lesson, r, step in more]  # every lesson a Friday
    students |= more_students
    plan = {sid: {"plan": "ja" if group == "2B" else "nee"} for sid, group in students.items()}
    report = audit(make_tables(incidents, students, attributes=plan))
    notes = [n for n in report.notes if n.startswith("Dezelfde incidenten")]
    assert any("klas 2B" in n and "plan 'ja'" in n and "op vrijdag" in n for n in notes), report.notes
    assert not any("klas 2A" in n and "op vrijdag" in n for n in notes)


def test_a_pattern_the_log_cannot_place_is_flagged_once_and_names_the_rest() -> None:
    # As above, but 2B (= plan ja = every Friday) is answered a step heavier half of the time: one
    # finding, with the other two named as what the log cannot tell it apart from.
    rng = np.random.default_rng(4)
    incidents, students = _fair_class(rng, n_students=10, lessons=40)
    incidents = [(s, lesson * 5 + lesson % 4, r, step) for s, lesson, r, step in incidents]
    more, more_students = _fair_class(rng, n_students=10, lessons=60, group="2B")
    heavier = [(s, lesson, r, min(step + int(rng.random() < 0.5), 5)) for s, lesson, r, step in more]
    incidents += [(s, 5 * lesson + 4, r, step) for s, lesson, r, step in heavier]
    students |= more_students
    plan = {sid: {"plan": "ja" if group == "2B" else "nee"} for sid, group in students.items()}
    report = audit(make_tables(incidents, students, attributes=plan))
    same = {("group", "2B"), ("plan", "ja"), ("weekday", "friday")}
    flagged = [e for e in report.findings if (e.dimension, e.subject) in same]
    assert len(flagged) == 1, [(e.dimension, e.subject) for e in report.findings]
    finding = flagged[0]
    assert finding.direction == "stricter"
    assert same - {(finding.dimension, finding.subject)} <= set(finding.aliases)
    assert "niet van elkaar scheiden" in finding.explanation
    others = [e for e in report.estimates if (e.dimension, e.subject) in same and e is not finding]
    assert all(not e.flagged for e in others)
