"""Right to erasure: a forgotten student leaves no byte of their name in the store's files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.safety import backup
from app.safety.erasure import REDACTED, delete_backups, forget_student, redaction_pattern
from app.store.store import Store

NAME = "Wilhelmina Vergeetmij"


def _side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm")]


def _raw(db_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in _side_files(db_path) if p.exists())


def _log_year(store: Store) -> tuple[int, int]:
    gone = store.add_student("F1", NAME, "3C", {"ondersteuning": "ja"})
    stays = store.add_student("K2", "Karel Blijft", "3C")
    rule = store.rules()[0]
    for minute in range(20):
        store.log_incident(gone.id, rule.id, occurred_at=datetime(2026, 10, 5, 9, minute), note=f"#{minute}")
    store.log_incident(stays.id, rule.id, occurred_at=datetime(2026, 10, 5, 10), note=f"ruzie met {NAME}")
    store.log_praise(gone.id, note="goed geholpen")
    store.save_reflection(date(2026, 10, 5), f"{NAME.upper()} was onrustig", {"q": f"gesprek met {NAME}"})
    return gone.id, stays.id


def test_forgetting_removes_rows_and_every_byte_of_the_name(store: Store) -> None:
    _log_year(store)
    raw_before = _raw(store.path)
    assert NAME.encode() in raw_before  # the test can see the name before it is forgotten
    result = forget_student(store, "F1")
    assert (result.incidents, result.praise, result.attributes) == (20, 1, 1)
    assert result.texts_redacted == 2  # Karel's note and the reflection (journal and answer)
    assert [s.external_id for s in store.students()] == ["K2"]
    assert [i.student_external_id for i in store.incidents(include_deleted=True)] == ["K2"]
    assert store.incidents()[0].note == f"ruzie met {REDACTED}"
    reflection = store.reflection(date(2026, 10, 5))
    assert NAME.lower() not in reflection.journal.lower() and REDACTED in reflection.answers["q"]
    raw = _raw(store.path)
    for needle in (NAME, "Vergeetmij", "Wilhelmina", "VERGEETMIJ"):
        assert needle.encode() not in raw, needle
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_forgetting_lists_and_deletes_backups_that_hold_the_student(store: Store, tmp_path: Path) -> None:
    _log_year(store)
    old = backup.backup_store(store, backup.backup_name(store.path, "handmatig"))
    result = forget_student(store, "F1")
    assert result.backups_holding == (old,)
    clean = backup.backup_store(store, backup.backup_name(store.path, "auto"))
    assert NAME.encode() not in clean.read_bytes()
    assert delete_backups(result.backups_holding) == [old]
    assert not old.exists() and clean.exists()


def test_unknown_student_is_a_user_error(store: Store) -> None:
    store.add_student("1", "Ann", "1A")
    with pytest.raises(UserError, match="geen leerling met nummer 9"):
        forget_student(store, "9")
    assert len(store.students()) == 1


def test_forgetting_in_an_encrypted_store_checks_encrypted_backups(db_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    passphrase = "wachtwoord voor de test"
    with Store.open(db_path, passphrase=passphrase) as store:
        _log_year(store)
    store = Store.open(db_path, passphrase=passphrase)
    try:
        holding = forget_student(store, "F1").backups_holding
        assert [p.name for p in holding] == [b.path.name for b in backup.list_backups(db_path)]
        assert [s.external_id for s in store.students()] == ["K2"]
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.close()
    with Store.open(db_path, passphrase=passphrase) as again:
        assert [s.external_id for s in again.students()] == ["K2"]


def test_the_student_number_is_blanked_out_of_notes_too(store: Store) -> None:
    gone = store.add_student("24169", "Amira Bakker", "2B")
    stays = store.add_student("7", "Karel Blijft", "2B")
    rule = store.rules()[0]
    at = datetime(2026, 10, 5, 9)
    store.log_incident(gone.id, rule.id, occurred_at=at)
    store.log_incident(stays.id, rule.id, occurred_at=at, note="ruzie met lln. 24169, lokaal 124169, uur 7")
    store.save_reflection(date(2026, 10, 5), "gesprek met 24169 gehad", {})
    result = forget_student(store, "24169")
    assert result.texts_redacted == 2
    assert store.incidents()[0].note == f"ruzie met lln. {REDACTED}, lokaal 124169, uur 7"  # whole token only
    assert store.reflection(date(2026, 10, 5)).journal == f"gesprek met {REDACTED} gehad"
    raw = _raw(store.path)
    assert b"lln. 24169" not in raw and b"met 24169" not in raw and b"Amira" not in raw


def test_a_very_short_student_number_is_not_blanked_out_of_ordinary_text() -> None:
    pattern = redaction_pattern("Karel Blijft", "7")
    assert pattern.sub(REDACTED, "karel blijft, uur 7") == f"{REDACTED}, uur 7"


def test_copies_half_written_by_a_crash_are_removed_when_a_student_is_forgotten(store: Store) -> None:
    import os

    _log_year(store)
    folder = backup.config.backup_dir(store.path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stale = [
        folder / f".{store.path.stem}-auto-20261001.db.tmp",
        store.path.with_name(f".{store.path.name}.restore"),
        store.path.with_name(f".{store.path.name}.convert"),
    ]
    fresh = store.path.with_name(f".{store.path.name}.restore.tmp")  # being written right now
    other = store.path.with_name(".iets-anders.tmp")
    for path in (*stale, fresh, other):
        path.write_bytes(NAME.encode() * 10)
    for path in (*stale, other):
        os.utime(path, (1_000_000, 1_000_000))
    forget_student(store, "F1")
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and other.exists()
