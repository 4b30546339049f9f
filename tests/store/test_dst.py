"""Issue #18, item 12: when the clocks go back (Europe/Amsterdam, last Sunday of October, 02:00-03:00
happens twice) two incidents an hour apart stayed one: an import took the second for the first."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core.local_time import instant, is_ambiguous, offset_of
from app.importers import import_incidents
from app.importers.exporting import export_incidents
from app.store.store import Store

SUMMER = timezone(timedelta(hours=2))  # CEST, the first 02:30
WINTER = timezone(timedelta(hours=1))  # CET, the second 02:30, an hour later


@pytest.fixture(autouse=True)
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_student("1001", "Zoë de Vries", "2A")
    return store


def _write(path: Path, *stamps: str) -> Path:
    path.write_text(
        "timestamp,student_id,rule,severity\n" + "".join(f"{s},1001,Telefoon weg,1\n" for s in stamps),
        encoding="utf-8",
    )
    return path


def test_the_repeated_hour_is_known() -> None:
    local = datetime(2026, 10, 25, 2, 30)
    assert is_ambiguous(local) and not is_ambiguous(datetime(2026, 10, 25, 3, 30))
    assert (offset_of(local), offset_of(local, fold=1)) == (120, 60)
    assert instant(local, 60) - instant(local, 120) == timedelta(hours=1)


def test_the_second_two_thirty_is_not_taken_for_the_first(filled: Store, tmp_path: Path) -> None:
    student = filled.students()[0]
    rule = next(r for r in filled.rules() if r.name == "Telefoon weg")
    first = filled.log_incident(
        student.id, rule.id, 1, occurred_at=datetime(2026, 10, 25, 2, 30, tzinfo=SUMMER)
    )
    assert first.occurred_at == datetime(2026, 10, 25, 2, 30)  # stored as the local clock showed it

    later = _write(tmp_path / "later.csv", "2026-10-25T02:30:00+01:00")
    summary = import_incidents(filled, later)
    assert (summary.added, summary.unchanged) == (1, 0)
    assert len(filled.incidents()) == 2
    again = import_incidents(filled, later)  # the same file twice changes nothing
    assert (again.added, again.unchanged) == (0, 1)
    same = import_incidents(filled, _write(tmp_path / "same.csv", "2026-10-25T00:30:00Z"))  # = 02:30+02:00
    assert (same.added, same.unchanged) == (0, 1)


def test_an_export_of_both_round_trips_and_keeps_two(filled: Store, tmp_path: Path, db_path: Path) -> None:
    both = _write(tmp_path / "both.csv", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00")
    assert import_incidents(filled, both).added == 2
    out = tmp_path / "export.csv"
    export_incidents(filled, out)
    back = import_incidents(filled, out)  # local times without offset: either pass matches
    assert (back.added, back.unchanged) == (0, 2)
    other = Store.open(tmp_path / "other.db")
    try:
        other.add_student("1001", "Zoë de Vries", "2A")
        assert import_incidents(other, out).added == 2  # two moments stay two incidents
    finally:
        other.close()


def test_log_and_edit_keep_the_offset(filled: Store) -> None:
    student = filled.students()[0]
    rule = filled.rules()[0]
    second = filled.log_incident(student.id, rule.id, 1, occurred_at=datetime(2026, 10, 25, 2, 10, fold=1))
    with filled.reading() as session:
        from app.schema.entities import Incident

        row = session.get(Incident, second.id)
        assert row is not None and row.utc_offset == 60
    filled.update_incident(second.id, occurred_at=datetime(2026, 10, 25, 2, 40, tzinfo=SUMMER))
    with filled.reading() as session:
        row = session.get(Incident, second.id)
        assert row is not None and (row.occurred_at, row.utc_offset) == (datetime(2026, 10, 25, 2, 40), 120)
