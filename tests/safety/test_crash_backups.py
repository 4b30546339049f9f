"""Issue #18.3: a crash or a full disk during encrypt/change-passphrase leaves no readable backup for good.

A kill between re-encrypting the store and converting its backups is simulated by an exception raised
at the first step of the backup conversion (the process dies there: nothing after it runs). The next
open of the encrypted store must finish the job.
"""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core import config
from app.safety import backup, crypto
from app.safety.integrity import StoreError, check_store, file_kind
from app.store.store import Store

pytest.importorskip("sqlcipher3")

PASS = "een lang genoeg wachtwoord"
NEW = "een ander lang wachtwoord"
NAME = "Zoë Jansen"


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no cleanup of ours catches it."""


def _store_with_backups(db: Path, passphrase: str | None = None) -> None:
    with Store.open(db, passphrase=passphrase) as store:  # closing makes today's automatic backup
        ann = store.add_student("3005", NAME, "1A")
        store.log_incident(ann.id, store.rules()[0].id, occurred_at=datetime(2026, 10, 1, 9))
        backup.backup_store(store, backup.backup_name(db, "handmatig"))
        backup.backup_store(store, backup.backup_name(db, "voor-update"))


def _kill_at_backup_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(_db_path: Path) -> list[backup.BackupInfo]:
        raise Killed

    monkeypatch.setattr(crypto, "list_backups", killed)


def _readable(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and NAME.encode() in p.read_bytes()]


def test_a_kill_during_encrypt_leaves_plain_backups_only_until_the_next_open(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_backups(db_path)
    assert len(backup.list_backups(db_path)) == 3
    leftover = config.backup_dir(db_path) / f".{db_path.stem}-auto-20261001.db.tmp"
    leftover.write_bytes(backup.list_backups(db_path)[0].path.read_bytes())  # a half-written copy
    store = Store.open(db_path)
    store.auto_backup = False
    with monkeypatch.context() as patch:
        _kill_at_backup_conversion(patch)
        with pytest.raises(Killed):
            crypto.encrypt_store(store, PASS)
    store.engine.dispose()  # the process is gone
    assert file_kind(db_path) == "opaque"
    assert _readable(db_path.parent)  # the crash state of the issue: readable backups beside it
    Store.open(db_path, passphrase=PASS).engine.dispose()  # the next start
    assert _readable(db_path.parent) == []
    for info in backup.list_backups(db_path):
        assert check_store(info.path, PASS).revision is not None
    assert not leftover.exists()


def test_rerunning_encrypt_after_a_kill_finishes_the_backups(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _store_with_backups(db_path)
    store = Store.open(db_path)
    store.auto_backup = False
    with monkeypatch.context() as patch:
        _kill_at_backup_conversion(patch)
        with pytest.raises(Killed):
            crypto.encrypt_store(store, PASS)
    store.engine.dispose()
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", PASS)
    monkeypatch.setenv("FAIR_STRICTNESS_NEW_PASSPHRASE", PASS)
    assert main(["--db", str(db_path), "encrypt"]) == 2
    assert "al versleuteld" in capsys.readouterr().err
    assert _readable(db_path.parent) == []


def test_a_full_disk_while_encrypting_the_backups_deletes_them_rather_than_leave_them_readable(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_backups(db_path)
    real_export = crypto.export_file

    def full_disk(source: Path, source_key: str | None, dest: Path, dest_key: str | None) -> None:
        if dest.parent == config.backup_dir(db_path):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_export(source, source_key, dest, dest_key)

    monkeypatch.setattr(crypto, "export_file", full_disk)
    with Store.open(db_path) as store:
        result = crypto.encrypt_store(store, PASS)
        store.auto_backup = False
    assert len(result.removed) == 3 and result.converted == ()
    assert _readable(db_path.parent) == []


def test_a_kill_during_change_passphrase_rekeys_the_backups_at_the_next_open(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_backups(db_path, PASS)
    store = Store.open(db_path, passphrase=PASS)
    store.auto_backup = False
    with monkeypatch.context() as patch:
        _kill_at_backup_conversion(patch)
        with pytest.raises(Killed):
            crypto.change_passphrase(store, PASS, NEW)
    store.engine.dispose()
    assert check_store(db_path, NEW).revision is not None  # the store has the new passphrase
    Store.open(db_path, passphrase=NEW).engine.dispose()  # the next start
    backups = backup.list_backups(db_path)
    assert len(backups) == 3
    for info in backups:
        assert check_store(info.path, NEW).revision is not None
        with pytest.raises(StoreError):
            check_store(info.path, PASS)
    with Store.open(db_path, passphrase=NEW) as again:
        again.auto_backup = False
        assert again.meta(crypto.REKEY_FROM_KEY) == ""  # the old key is gone once the backups moved


def test_a_kill_before_the_store_was_rekeyed_keeps_the_old_passphrase_working(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with_backups(db_path, PASS)
    store = Store.open(db_path, passphrase=PASS)
    store.auto_backup = False

    def killed(*_args: object) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(crypto, "export_file", killed)
        with pytest.raises(Killed):
            crypto.change_passphrase(store, PASS, NEW)
    store.engine.dispose()
    with Store.open(db_path, passphrase=PASS) as again:
        again.auto_backup = False
        assert again.meta(crypto.REKEY_FROM_KEY) == ""
    for info in backup.list_backups(db_path):
        assert check_store(info.path, PASS).revision is not None


def test_a_backup_conversion_killed_halfway_leaves_no_hidden_copy_for_long(db_path: Path) -> None:
    import os
    import time

    _store_with_backups(db_path)
    first = backup.list_backups(db_path)[0].path
    half = first.with_name(f".{first.name}.convert")  # what a kill during replace_with_export leaves
    half.write_bytes(first.read_bytes())
    old = time.time() - backup.STALE_AFTER_SECONDS - 60
    os.utime(half, (old, old))
    assert backup.remove_stale_copies(db_path) == [half]
    assert not half.exists()
