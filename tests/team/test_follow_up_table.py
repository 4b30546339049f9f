"""Issue 16 item 4 in the team handout: parents informed per group, counts only, suppressed as every table."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.store.store import Store
from app.team.anonymise import OTHER, ExportOptions
from app.team.files import export_package
from app.team.report import build_summary


def _consequences(store: Store, cls: str, n_students: int, n: int, informed: int) -> None:
    """``n`` consequences (step 3) in class ``cls``, the first ``informed`` with the parents informed."""
    students = [
        store.add_student(f"{cls}-{i:02d}x", f"Leerling{cls}{i} Testnaam", cls) for i in range(n_students)
    ]
    rule = store.rules()[0]
    class_id = next(c.id for c in store.classes() if c.name == cls)
    for k in range(n):
        on = date(2025, 9, 1) + timedelta(days=k)
        lesson = store.lesson_for(class_id, on, period=1, new=True)
        at = datetime.combine(on, time(9, 0))
        logged = store.log_incident(
            students[k % n_students].id, rule.id, 3, lesson_id=lesson.id, occurred_at=at
        )
        store.mark_student_told(logged.id, when=at + timedelta(hours=3), note=f"privé notitie {cls}{k}")
        if k < informed:
            store.mark_parents_informed(logged.id, "telefoon", when=at + timedelta(days=1))


def test_counts_per_class_with_expected_and_suppression(store: Store) -> None:
    _consequences(store, "2A", 6, 10, 8)
    _consequences(store, "2B", 6, 10, 2)
    _consequences(store, "2C", 6, 9, 5)
    _consequences(store, "3C", 5, 3, 3)  # 3 consequences: merged into 'overig' with the next smallest
    late = store.add_student("9999", "Laatkomer Testnaam", "2A")
    store.log_incident(late.id, store.rules()[0].id, 1, occurred_at=datetime(2025, 11, 1, 9, 0))
    summary = build_summary(store.read_tables(), None, ExportOptions())
    table = summary.table("followup")
    assert table is not None
    rows = {r[1]: dict(zip(table.columns, r, strict=True)) for r in table.rows if r[0] == "klas"}
    assert set(rows) == {"2A", "2B", OTHER}
    # one rule and step for all: expected = a class's consequences x the overall share (18 of 32)
    assert (rows["2A"]["n"], rows["2A"]["informed"], rows["2A"]["expected"]) == (10, 8, 5.6)
    assert (rows["2B"]["n"], rows["2B"]["informed"], rows["2B"]["pct"]) == (10, 2, 20.0)
    assert (rows[OTHER]["n"], rows[OTHER]["informed"]) == (12, 8)  # 3C, and 2C so 3C cannot be worked out
    assert all(int(r[2]) >= 5 for r in table.rows)  # no cell below the threshold
    files = export_package(summary).files
    csv = next(v for k, v in files.items() if "followup" in k).decode("utf-8")
    assert csv.splitlines()[0].endswith("dimension,value,n,informed,expected,pct")
    everything = b"".join(files.values()).decode("utf-8", errors="ignore")
    for secret in ("Testnaam", "privé notitie", "2025-09", "telefoon"):
        assert secret not in everything


def test_the_teacher_can_leave_the_section_out(store: Store) -> None:
    _consequences(store, "2A", 6, 10, 8)
    _consequences(store, "2B", 6, 10, 2)
    options = ExportOptions(sections=frozenset({"rules"}))
    summary = build_summary(store.read_tables(), None, options)
    assert summary.table("followup") is None
    assert any("Nazorg na een consequentie" in note for note in summary.notes)
