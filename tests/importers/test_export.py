"""Incident export, and the exact round trip export -> import into a store with the same roster and rules."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from app.importers import import_incidents
from app.importers.exporting import COLUMNS, export_incidents
from app.store.store import Store

DAY = date.today() - timedelta(days=20)
NOTES = ('zei "nee"; liep weg', "twee\nregels, met komma", "Zoë: ‘smartphone’ 📱", "", "a;b;c\r\nd")


def at(day: date, hh: int, mm: int, ss: int = 0, us: int = 0) -> datetime:
    """A timestamp on ``day``."""
    return datetime.combine(day, time(hh, mm, ss, us))


def same_roster_and_rules(path: Path) -> Store:
    """A store with the roster and rules the round-trip source has."""
    store = Store.open(path)
    store.add_student("0012", "Zoë Ünal-de Wit", "2A")
    store.add_student("13", "Łukasz Nowak", "2A")
    store.add_student("14", "Anne-Fleur van 't Hek", "2B")
    store.add_rule("Kauwgom uit", "routine", 1)
    return store


def fill(store: Store) -> None:
    """Incidents in lessons of every shape: plain, several periods on a day, labelled, a deleted one."""
    zoe, lukasz, anne = (store.student_by_external_id(i) for i in ("0012", "13", "14"))
    phone, gum, safety = (
        store.rule_by_name(n) for n in ("Telefoon weg", "Kauwgom uit", "Niemand in gevaar brengen")
    )
    assert zoe and lukasz and anne and phone and gum and safety
    g2a = zoe.class_id
    plain = store.lesson_for(g2a, DAY)
    store.log_incident(zoe.id, phone.id, lesson_id=plain.id, occurred_at=at(DAY, 9, 0), note=NOTES[0])
    store.log_incident(zoe.id, gum.id, 3, lesson_id=plain.id, occurred_at=at(DAY, 9, 0), note=NOTES[1])
    store.log_incident(lukasz.id, safety.id, lesson_id=plain.id, occurred_at=at(DAY, 9, 4, 7, 250000))
    day2 = DAY + timedelta(days=1)
    first = store.lesson_for(g2a, day2, period=2, new=True)
    eighth = store.lesson_for(g2a, day2, period=8, new=True)
    store.update_lesson(eighth.id, mood="restless", note="na de gymles")
    store.log_incident(zoe.id, phone.id, 1, lesson_id=first.id, occurred_at=at(day2, 9, 30), note=NOTES[2])
    store.log_incident(zoe.id, phone.id, lesson_id=eighth.id, occurred_at=at(day2, 15, 20), note=NOTES[4])
    store.log_incident(zoe.id, phone.id, 1, lesson_id=eighth.id, occurred_at=at(day2, 15, 25))
    gone = store.log_incident(lukasz.id, phone.id, lesson_id=eighth.id, occurred_at=at(day2, 15, 30))
    store.delete_incident(gone.id)
    labelled = store.lesson_for(anne.class_id, day2, new=True)
    with store.transaction() as session:
        from app.schema.entities import Lesson

        row = session.get(Lesson, labelled.id)
        assert row is not None
        row.label = "mentoruur; extra"
    store.log_incident(anne.id, gum.id, 2, lesson_id=labelled.id, occurred_at=at(day2, 12, 0), note=NOTES[3])


def facts(store: Store) -> list[tuple[object, ...]]:
    """Everything the round trip must keep, per incident, without database ids."""
    lessons = {lesson.id: lesson for lesson in store.lessons()}
    out = []
    for i in store.incidents():
        lesson = lessons[i.lesson_id]
        out.append(
            (
                i.occurred_at, i.student_external_id, i.rule_name, i.step, i.note, i.strike, i.agreed_step,
                lesson.class_name, lesson.date, lesson.label, lesson.period,
            )
        )  # fmt: skip
    return sorted(out, key=repr)


def partition(store: Store) -> set[frozenset[tuple[object, ...]]]:
    """Which incidents share a lesson."""
    groups: dict[int, set[tuple[object, ...]]] = {}
    for i in store.incidents():
        groups.setdefault(i.lesson_id, set()).add((i.occurred_at, i.student_external_id, i.rule_name, i.note))
    return {frozenset(g) for g in groups.values()}


def test_export_has_the_import_columns_plus_name_and_group(tmp_path: Path) -> None:
    with same_roster_and_rules(tmp_path / "a.db") as store:
        fill(store)
        assert export_incidents(store, tmp_path / "out.csv") == 7
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert (
        rows[0]["name"] == "Zoë Ünal-de Wit" and rows[0]["group"] == "2A" and rows[0]["student_id"] == "0012"
    )
    assert {r["note"] for r in rows} >= set(NOTES)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_export_then_import_round_trips_exactly(tmp_path: Path, delimiter: str) -> None:
    with same_roster_and_rules(tmp_path / "a.db") as source:
        fill(source)
        export_incidents(source, tmp_path / "out.csv", delimiter=delimiter)
        expected, expected_groups = facts(source), partition(source)
    with same_roster_and_rules(tmp_path / "b.db") as target:
        summary = import_incidents(target, tmp_path / "out.csv")
        assert (summary.added, summary.rules_created) == (7, ())
        assert facts(target) == expected
        assert partition(target) == expected_groups
        export_incidents(target, tmp_path / "again.csv", delimiter=delimiter)
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "out.csv").read_bytes()


def test_lessons_that_share_class_date_label_and_period_stay_apart(tmp_path: Path) -> None:
    with same_roster_and_rules(tmp_path / "a.db") as source:
        zoe, phone = source.student_by_external_id("0012"), source.rule_by_name("Telefoon weg")
        assert zoe and phone
        for hour in (9, 11):
            lesson = source.lesson_for(zoe.class_id, DAY, new=True)
            source.log_incident(zoe.id, phone.id, lesson_id=lesson.id, occurred_at=at(DAY, hour, 0))
        export_incidents(source, tmp_path / "out.csv")
        groups = partition(source)
        steps = sorted((i.strike, i.step) for i in source.incidents())
    with same_roster_and_rules(tmp_path / "b.db") as target:
        import_incidents(target, tmp_path / "out.csv")
        assert partition(target) == groups
        assert sorted((i.strike, i.step) for i in target.incidents()) == steps == [(1, 1), (1, 1)]


def test_export_to_an_unwritable_place_is_a_user_error(store: Store, tmp_path: Path) -> None:
    from app.core.errors import UserError

    with pytest.raises(UserError, match="niet schrijven"):
        export_incidents(store, tmp_path / "no" / "such" / "dir" / "x.csv")
    with pytest.raises(UserError, match="bestaat niet") as info:
        export_incidents(store, tmp_path / "no" / "x.csv")
    assert "No such file" not in str(info.value)
    with pytest.raises(UserError, match="dat is een map"):
        export_incidents(store, tmp_path)


def test_export_never_overwrites_the_store_or_another_database(tmp_path: Path) -> None:
    from app.core.errors import UserError

    store = same_roster_and_rules(tmp_path / "store.db")
    fill(store)
    own = Path(store.path)
    before = own.read_bytes()[:16]
    for target in (own, own.with_name(own.name + "-wal")):
        with pytest.raises(UserError, match="logbestand"):
            export_incidents(store, target)
    assert own.read_bytes()[:16] == before == b"SQLite format 3\x00"
    other = Store.open(tmp_path / "other.db")
    other.close()
    with pytest.raises(UserError, match="logbestand"):
        export_incidents(store, tmp_path / "other.db")
    assert len(store.incidents()) > 0
    store.close()
