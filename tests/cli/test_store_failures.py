"""Issue #18, item 12: a damaged large backup, a full disk, a backup named like SQLite's side files and
a killed manual backup: a message and a clean folder, never a traceback or private notes on screen."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.safety import backup, integrity, restore
from app.safety.integrity import DamagedStoreError
from app.store import store as store_module
from app.store.store import Store

NOTE = "geheime notitie over thuissituatie"


def _run(db_path: Path, *argv: str) -> int:
    return main(["--db", str(db_path), *argv])


def _fill(db_path: Path, n: int = 300) -> None:
    with Store.open(db_path) as store:
        store.auto_backup = False
        for i in range(n):
            store.add_student(f"S{i}", f"Leerling nummer {i} met een lange naam", f"klas {i % 7}")


def _damage_the_student_table(path: Path) -> None:
    """Overwrite the student table's root page: the schema still reads, the rows do not."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'student'").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def test_a_damaged_backup_over_the_scan_limit_is_refused(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db_path)
    with Store.open(db_path) as store:
        store.auto_backup = False
        saved = backup.backup_store(store, tmp_path / "saved.db")
    _damage_the_student_table(saved)
    # as if the backup were larger than 64 MiB: opening it does not scan its pages
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 1024)
    integrity.check_store(saved)  # the quick look on open passes
    before = db_path.read_bytes()
    with pytest.raises(DamagedStoreError, match="beschadigd"):
        restore.restore_file(db_path, saved, None, force=True)
    assert db_path.read_bytes() == before
    assert _run(db_path, "restore", str(saved), "--force") == 2
    assert "is beschadigd" in capsys.readouterr().err


def test_commands_on_a_damaged_store_say_so_instead_of_crashing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db_path)
    with Store.open(db_path) as store:
        store.auto_backup = False
        rule = store.rules()[0].id
        for student in store.students()[:40]:
            store.log_incident(student.id, rule, note=NOTE)
    _damage_the_student_table(db_path)
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 1024)
    for argv in (["export-incidents", str(tmp_path / "out.csv")], ["audit"]):
        assert _run(db_path, *argv) == 2
        err = capsys.readouterr().err
        assert "Het logbestand is beschadigd" in err and "restore" in err
        assert "Traceback" not in err


def _full_disk_after_open(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """Every new connection may not grow the file: SQLite answers as on a full disk (SQLITE_FULL)."""
    conn = sqlite3.connect(db_path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    original = store_module._on_connect

    def limited(dbapi_connection: Any, record: Any) -> None:
        original(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(store_module, "_on_connect", limited)


def test_a_full_disk_while_logging_prints_no_private_note(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Zoë de Vries", "2A")
    _full_disk_after_open(monkeypatch, db_path)
    note = NOTE + " " + "x" * 40_000  # needs pages the file may not get
    assert _run(db_path, "log", "--student", "1", "--rule", "Telefoon weg", "--note", note) == 2
    captured = capsys.readouterr()
    assert "De schijf is vol" in captured.err
    assert "geheime" not in captured.err + captured.out
    assert "INSERT" not in captured.err and "Traceback" not in captured.err
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert store.incidents() == []  # nothing half-written


def test_an_import_that_committed_is_reported_as_done_when_closing_fails(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(db_path).close()
    roster = tmp_path / "klas.csv"
    roster.write_text("stamnr,naam,klas\n1,Zoë de Vries,2A\n2,Daan Bakker,2A\n", encoding="utf-8")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "copy_pages", disk_full)  # the automatic backup on close
    monkeypatch.setattr(Store, "checkpoint", disk_full)  # and the checkpoint after it
    assert _run(db_path, "import-roster", str(roster)) == 0
    captured = capsys.readouterr()
    assert "Leerlingen: 2 toegevoegd" in captured.out
    assert "Traceback" not in captured.err and "Fout" not in captured.err
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert len(store.students()) == 2


@pytest.mark.parametrize("name", ["s.db-wal", "s.db-shm", "s.db-journal"])
def test_a_backup_named_like_an_sqlite_side_file_is_refused(
    db_path: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(db_path).close()
    target = tmp_path / name
    assert _run(db_path, "backup", str(target)) == 2
    assert "hulpbestand van SQLite" in capsys.readouterr().err
    assert not target.exists()


def test_a_killed_manual_backup_leaves_nothing_behind_after_the_cleanup(
    db_path: Path, tmp_path: Path
) -> None:
    _fill(db_path, 20)
    usb = tmp_path / "usb"
    usb.mkdir()
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from app.safety import backup
        from app.store.store import Store

        original = backup._connect_plain_or_cipher

        def killed(*args, **kwargs):
            original(*args, **kwargs)
            os._exit(9)  # the process dies in the middle of the copy

        backup._connect_plain_or_cipher = killed
        store = Store.open(Path({str(db_path)!r}))
        backup.backup_store(store, Path({str(usb / "x.db")!r}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 9, done.stderr.decode()[-2000:]
    left = usb / ".x.db.tmp"
    assert left.exists()  # hidden, with the students in it
    old = time.time() - 3600
    os.utime(left, (old, old))
    removed = backup.remove_stale_copies(db_path)
    assert left in removed and not left.exists()
    assert list(usb.iterdir()) == []
    assert not any(p.name.endswith(".copies") for p in db_path.parent.iterdir())


def test_a_copy_in_progress_is_left_alone(db_path: Path, tmp_path: Path) -> None:
    _fill(db_path, 5)
    with Store.open(db_path) as store:
        store.auto_backup = False
        dest = backup.backup_store(store, tmp_path / "usb.db")
    assert dest.exists() and not (tmp_path / ".usb.db.tmp").exists()
    assert not any(p.name.endswith(".copies") for p in db_path.parent.iterdir())
    shutil.rmtree(tmp_path / "xdg-data", ignore_errors=True)
