"""Backups: online copies (0600), one automatic backup a day, pruning, validated restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core import config
from app.core.errors import UserError
from app.safety import backup, restore
from app.safety.integrity import DamagedStoreError, check_store
from app.schema.migrate import known_revisions
from app.store.store import Store


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT display_name FROM student ORDER BY id")]
    finally:
        conn.close()


def test_backup_is_a_valid_private_copy(store: Store, tmp_path: Path) -> None:
    store.add_student("1", "Ann", "1A")
    dest = backup.backup_store(store, tmp_path / "copy.db")
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600
    assert check_store(dest).revision == known_revisions()[1]
    assert _names(dest) == ["Ann"]
    assert not dest.with_name("copy.db-wal").exists()


def test_backup_refuses_to_overwrite_the_store(store: Store) -> None:
    with pytest.raises(UserError):
        backup.backup_store(store, store.path)


def test_close_makes_one_automatic_backup_a_day_and_only_after_changes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    autos = backup.list_backups(db_path)
    assert [b.kind for b in autos] == ["auto"]
    first = autos[0].path.stat().st_mtime_ns
    with Store.open(db_path):
        pass  # nothing changed: no new backup
    assert backup.list_backups(db_path)[0].path.stat().st_mtime_ns == first
    with Store.open(db_path) as store:
        store.add_student("2", "Bob", "1A")
    after = backup.list_backups(db_path)
    assert len(after) == 1  # today's backup was refreshed, not added
    assert _names(after[0].path) == ["Ann", "Bob"]
    assert after[0].path.parent == config.backup_dir(db_path)


def test_prune_keeps_handmade_and_the_newest_backup(store: Store) -> None:
    store.add_student("1", "Ann", "1A")
    old_auto = backup.backup_store(store, backup.backup_name(store.path, "auto", datetime(2026, 1, 1)))
    old_safety = backup.backup_store(
        store, backup.backup_name(store.path, "voor-herstel", datetime(2026, 1, 2))
    )
    manual = backup.backup_store(store, backup.backup_name(store.path, "handmatig", datetime(2026, 1, 3)))
    recent = backup.backup_store(store, backup.backup_name(store.path, "auto", datetime.now()))
    long_ago = (datetime.now() - timedelta(days=90)).timestamp()
    for path in (old_auto, old_safety, manual):
        os.utime(path, (long_ago, long_ago))
    removed = backup.prune(store.path, 30)
    assert sorted(removed) == sorted([old_auto, old_safety])
    assert {b.path for b in backup.list_backups(store.path)} == {manual, recent}


def test_keep_days_is_stored_and_checked(store: Store) -> None:
    assert backup.keep_days(store) == 30
    backup.set_keep_days(store, 7)
    assert backup.keep_days(store) == 7
    with pytest.raises(UserError):
        backup.set_keep_days(store, 0)


def test_restore_refuses_a_store_with_data_without_force(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
        saved = backup.backup_store(store, tmp_path / "saved.db")
        store.add_student("2", "Bob", "1A")
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="--force"):
        restore.restore_file(db_path, saved, None)
    assert db_path.read_bytes() == before
    previous = restore.restore_file(db_path, saved, None, force=True)
    assert previous is not None and previous.name.startswith("log-voor-herstel-")
    assert _names(previous) == ["Ann", "Bob"]
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Ann"]


def test_restore_into_an_empty_store_needs_no_force(db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with Store.open(other) as store:
        store.add_student("7", "Cas", "2B")
        saved = backup.backup_store(store, tmp_path / "saved.db")
    Store.open(db_path).close()
    restore.restore_file(db_path, saved, None)
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Cas"]


def test_a_damaged_backup_is_refused_and_the_store_kept(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = db_path.read_bytes()
    with pytest.raises(DamagedStoreError):
        restore.restore_file(db_path, bad, None, force=True)
    assert db_path.read_bytes() == before


def test_a_damaged_store_can_be_replaced_and_is_kept_raw(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
        saved = backup.backup_store(store, tmp_path / "saved.db")
    db_path.write_bytes(b"garbage" * 1000)
    previous = restore.restore_file(db_path, saved, None, force=True)
    assert previous is not None and previous.read_bytes() == b"garbage" * 1000
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Ann"]


def test_restore_into_an_open_store_rebinds_it(store: Store, tmp_path: Path) -> None:
    store.add_student("1", "Ann", "1A")
    saved = backup.backup_store(store, tmp_path / "saved.db")
    store.add_student("2", "Bob", "1A")
    restore.restore_into(store, saved, None, force=True)
    assert [s.name for s in store.students()] == ["Ann"]
    store.add_student("3", "Cor", "1A")  # still writable after the swap
    assert len(store.students()) == 2


def test_folders_the_app_creates_are_private(tmp_path: Path) -> None:
    db_path = tmp_path / "new" / "log.db"
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(config.backup_dir(db_path)).st_mode) == 0o700


def test_a_backup_is_due_after_a_day(store: Store) -> None:
    assert backup.backup_due(store)
    made = backup.backup_store(store, backup.backup_name(store.path, "auto"))
    assert not backup.backup_due(store)
    assert backup.backup_due(store, datetime.now() + timedelta(days=1, minutes=1))
    assert made.exists()


def test_a_plain_backup_restored_over_an_encrypted_store_stays_encrypted(
    db_path: Path, tmp_path: Path
) -> None:
    pytest.importorskip("sqlcipher3")
    from app.safety.crypto import encrypt_store

    secret = "een lang wachtwoord"
    with Store.open(db_path) as store:
        store.auto_backup = False
        store.add_student("1", "Ann Leesbaar", "1A")
        saved = backup.backup_store(store, tmp_path / "plain-copy.db")  # a plain copy kept elsewhere
        store.add_student("2", "Bob Later", "1A")
        encrypt_store(store, secret)
    restore.restore_file(db_path, saved, secret, force=True)
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Leesbaar" not in raw
    with Store.open(db_path, passphrase=secret) as store:
        assert store.encrypted and [s.name for s in store.students()] == ["Ann Leesbaar"]
    # the same through an open store (the Data panel)
    store = Store.open(db_path, passphrase=secret)
    try:
        restore.restore_into(store, saved, secret, force=True)
        assert store.encrypted and [s.name for s in store.students()] == ["Ann Leesbaar"]
        store.add_student("3", "Cas Nieuw", "1A")
    finally:
        store.close()
    assert b"Cas Nieuw" not in db_path.read_bytes()


def test_a_backup_to_a_place_that_cannot_be_written_is_a_dutch_user_error(
    store: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "gewoon-bestand.txt"
    blocker.write_text("geen map")
    with pytest.raises(UserError, match=r"Kan .*x\.db niet schrijven: .*Kies een andere plek"):
        backup.backup_store(store, blocker / "x.db")
    assert blocker.read_text() == "geen map"


def test_restoring_a_folder_says_it_is_a_folder(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "map.db"
    folder.mkdir()
    with pytest.raises(UserError, match="is een map, geen back-up"):
        restore.restore_file(db_path, folder, None)
    assert not db_path.exists()


def test_restoring_onto_a_folder_or_a_read_only_store_is_refused(store: Store, tmp_path: Path) -> None:
    saved = backup.backup_store(store, tmp_path / "saved.db")
    folder = tmp_path / "map.db"
    folder.mkdir()
    with pytest.raises(UserError, match="is een map, geen logboek"):
        restore.restore_file(folder, saved, None)
    locked = tmp_path / "alleen-lezen.db"
    locked.write_bytes(saved.read_bytes())
    locked.chmod(0o400)
    with pytest.raises(UserError, match="is alleen-lezen"):
        restore.restore_file(locked, saved, None, force=True)
    assert locked.read_bytes() == saved.read_bytes()
