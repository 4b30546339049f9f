"""Issue 15.4: agreements from a date never rewrite the past; the agreements file round-trips."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from app.analysis.frame import build_frame
from app.cli import main
from app.store.agreements import read_agreements, write_agreements
from app.store.agreements_import import apply_import, plan_import
from app.store.store import Store

BEFORE, CHANGE, AFTER = date(2026, 10, 5), date(2026, 11, 2), date(2026, 11, 16)


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=10)


def _agreed(store: Store) -> dict[int, int]:
    from_store = {i.id: i.agreed_step for i in store.incidents()}
    frame = build_frame(store.read_tables()).incidents
    assert from_store == dict(zip(frame["incident_id"], frame["agreed_step"], strict=True))  # one answer
    return from_store


def test_a_start_step_changed_from_a_date_leaves_earlier_incidents_alone(store: Store) -> None:
    ann = store.add_student("1", "Ann Claes", "2B")
    rule = store.rules()[0]
    store.update_rule(rule.id, start_step=2)
    early = store.log_incident(ann.id, rule.id, occurred_at=_at(BEFORE))
    assert early.agreed_step == 2
    store.update_rule(rule.id, start_step=1, from_date=CHANGE)
    late = store.log_incident(ann.id, rule.id, occurred_at=_at(AFTER))
    assert _agreed(store) == {early.id: 2, late.id: 1}
    assert store.rule_by_name(rule.name).start_on(BEFORE) == 2  # type: ignore[union-attr]
    assert store.rule_by_name(rule.name).start_on(AFTER) == 1  # type: ignore[union-attr]


def test_a_shorter_ladder_from_a_date_leaves_earlier_agreed_steps_alone(store: Store) -> None:
    ann = store.add_student("1", "Ann Claes", "2B")
    rule = store.rules()[0]
    store.update_rule(rule.id, start_step=1)
    lesson = store.lesson_for(store.classes()[0].id, BEFORE, period=1)
    early = [store.log_incident(ann.id, rule.id, 1, lesson_id=lesson.id) for _ in range(4)]
    assert [store.incident(i.id).agreed_step for i in early] == [1, 2, 3, 4]  # type: ignore[union-attr]
    steps = [(s.name, s.kind) for s in store.ladder()]
    assert len(steps) >= 4
    store.set_ladder(steps[:3], from_date=CHANGE)  # three steps from CHANGE on
    top_now = len(store.ladder())
    later_lesson = store.lesson_for(store.classes()[0].id, AFTER, period=1)
    late = [store.log_incident(ann.id, rule.id, 1, lesson_id=later_lesson.id) for _ in range(6)]
    agreed = _agreed(store)
    assert [agreed[i.id] for i in early] == [1, 2, 3, 4]
    assert top_now == 3 and [agreed[i.id] for i in late] == [1, 2, 3, 3, 3, 3]
    fourth = store.incident(early[3].id)
    assert fourth is not None and fourth.agreed_step_name == steps[3][0]  # the old step keeps its name


def test_the_file_round_trips_and_holds_no_student_data(store: Store, tmp_path: Path) -> None:
    store.add_student("1", "Zoë Jansen", "2B", {"zorgplan": "ja"})
    rule = store.rules()[1]
    store.set_phase_down(rule.id, [(date(2030, 1, 6), 1)])
    path = tmp_path / "afspraken.json"
    n = write_agreements(store, path, on=date(2026, 12, 5))
    text = path.read_text(encoding="utf-8")
    assert n == len(store.rules(active_only=True))
    assert "Zoë" not in text and "Jansen" not in text and "zorgplan" not in text and '"1"' not in text
    data = json.loads(text)
    assert data["schema"] == "fair-strictness/agreements/v1"
    assert {"name", "category", "start_step"} <= set(data["rules"][0])
    colleague = Store.open(tmp_path / "collega.db")
    try:
        colleague.update_rule(colleague.rules()[0].id, start_step=3)
        plan = plan_import(colleague, read_agreements(path), date(2026, 12, 7))
        assert plan.changes and any("startstap 3 → " in c.text for c in plan.changes)
        apply_import(colleague, plan)
        again = tmp_path / "terug.json"
        write_agreements(colleague, again, on=date(2026, 12, 5))
        assert json.loads(again.read_text(encoding="utf-8")) == data
        assert plan_import(colleague, read_agreements(path), date(2026, 12, 7)).changes == ()
    finally:
        colleague.close()


def test_only_the_ticked_items_are_applied(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    data = {
        "schema": "fair-strictness/agreements/v1",
        "ladder": [{"level": i + 1, "name": s.name, "kind": s.kind} for i, s in enumerate(store.ladder())],
        "rules": [
            {"name": "Nieuwe afspraak", "category": "respect", "start_step": 2},
            {"name": store.rules()[0].name, "category": "safety", "start_step": 1},
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    plan = plan_import(store, read_agreements(path), date.today())
    new = next(c for c in plan.changes if "Nieuwe afspraak" in c.text)
    apply_import(store, plan, {new.key})
    assert store.rule_by_name("nieuwe  AFSPRAAK") is not None
    assert store.rules()[0].category != "safety"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "geen JSON"),
        (json.dumps({"schema": "iets anders"}).encode(), "schema"),
        (
            json.dumps({"schema": "fair-strictness/agreements/v1", "ladder": [], "rules": []}).encode(),
            "ladder",
        ),
        (
            json.dumps(
                {
                    "schema": "fair-strictness/agreements/v1",
                    "ladder": [{"name": "a", "kind": "warning"}],
                    "rules": [{"name": "x", "category": "routine", "start_step": 4}],
                }
            ).encode(),
            "startstap",
        ),
        (b"{" + b" " * 1_100_000 + b"}", "1 MB"),
    ],
)
def test_import_agreements_refuses_a_file_that_is_not_one_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    with Store.open(db_path) as store:
        before = (store.rules(), store.ladder())
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main(["--db", str(db_path), "import-agreements", str(bad)]) != 0
    assert message in capsys.readouterr().err
    with Store.open(db_path) as store:
        assert (store.rules(), store.ladder()) == before


def test_export_and_import_agreements_commands(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.update_rule(store.rules()[0].id, start_step=2)
    out = tmp_path / "team.json"
    assert main(["--db", str(db_path), "export-agreements", str(out)]) == 0
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import-agreements", str(out), "--from", "2026-12-07"]) == 0
    printed = capsys.readouterr().out
    assert "Overgenomen vanaf 2026-12-07:" in printed and "startstap 1 → 2" in printed
    with Store.open(other) as store:
        rule = store.rules()[0]
        assert rule.start_on(date(2026, 12, 7)) == 2


def test_migration_0006_brings_an_existing_store_along(db_path: Path) -> None:
    from alembic import command

    from app.schema.migrate import alembic_config

    store = Store.open(db_path)
    cfg = alembic_config()
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0005")
    store.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'ladder_change'").fetchone() is None
    reopened = Store.open(db_path)
    try:
        steps = [(s.name, s.kind) for s in reopened.ladder()]
        reopened.set_ladder(steps[:-1], from_date=CHANGE)
        assert len(reopened.ladder()) == len(steps) - 1
    finally:
        reopened.close()


def test_a_rules_file_changes_start_steps_from_today_only(store: Store, tmp_path: Path) -> None:
    from app.importers import import_rules

    ann = store.add_student("1", "Ann Claes", "2B")
    rule = store.rules()[0]
    store.update_rule(rule.id, start_step=1)
    early = store.log_incident(ann.id, rule.id, occurred_at=_at(BEFORE))
    csv = tmp_path / "rules.csv"
    csv.write_text(f"name,category,start_step\n{rule.name},{rule.category},2\n", encoding="utf-8")
    import_rules(store, csv)
    assert store.incident(early.id).agreed_step == 1  # type: ignore[union-attr]
    assert store.rule_by_name(rule.name).current_start == 2  # type: ignore[union-attr]
