"""The safety commands through the CLI entry: backup, restore, backups, verify, encrypt, erase, retention."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.safety.backup import list_backups
from app.store.store import Store

PASS = "een lang genoeg wachtwoord"


def _store_with(db_path: Path, *names: str) -> None:
    with Store.open(db_path) as store:
        for n, name in enumerate(names, start=1):
            student = store.add_student(str(n), name, "1A")
            store.log_incident(student.id, store.rules()[0].id, occurred_at=datetime(2025, 10, n, 9))


def _run(db_path: Path, *argv: str) -> int:
    return main(["--db", str(db_path), *argv])


def test_backup_and_restore_with_force(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _store_with(db_path, "Ann")
    copy = tmp_path / "copy.db"
    assert _run(db_path, "backup", str(copy)) == 0
    assert "Back-up gemaakt" in capsys.readouterr().out
    assert _run(db_path, "backup", str(copy)) == 2  # never overwrites a file
    assert "bestaat al" in capsys.readouterr().err
    with Store.open(db_path) as store:
        store.add_student("9", "Bob", "1A")
    assert _run(db_path, "restore", str(copy)) == 2
    assert "--force" in capsys.readouterr().err
    assert _run(db_path, "restore", str(copy), "--force") == 0
    out = capsys.readouterr().out
    assert "Teruggezet" in out and "voor-herstel" in out
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Ann"]


def test_restore_of_a_foreign_file_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    assert _run(db_path, "restore", str(junk)) == 2
    assert "beschadigd of geen fair-strictness-bestand" in capsys.readouterr().err
    assert not db_path.exists()


def test_backups_lists_and_sets_keep_days(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_with(db_path, "Ann")
    assert _run(db_path, "backups", "--keep-days", "10") == 0
    out = capsys.readouterr().out
    assert "10 dagen" in out and "auto" in out
    assert _run(db_path, "backups", "--keep-days", "0") == 2


def test_verify(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_with(db_path, "Ann")
    assert _run(db_path, "verify") == 0
    assert "in orde" in capsys.readouterr().out


def test_encrypt_then_change_passphrase(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    _store_with(db_path, "Ann Achternaam")
    assert _run(db_path, "encrypt") == 2  # no new passphrase given (and no terminal)
    assert "FAIR_STRICTNESS_NEW_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("FAIR_STRICTNESS_NEW_PASSPHRASE", PASS)
    assert _run(db_path, "encrypt") == 0
    assert "versleuteld" in capsys.readouterr().out
    assert b"Achternaam" not in db_path.read_bytes()
    assert _run(db_path, "verify") == 2
    assert "FAIR_STRICTNESS_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", "verkeerd wachtwoord")
    assert _run(db_path, "verify") == 2
    assert "klopt niet" in capsys.readouterr().err
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", PASS)
    monkeypatch.setenv("FAIR_STRICTNESS_NEW_PASSPHRASE", "nog een ander wachtwoord")
    assert _run(db_path, "change-passphrase") == 0
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", "nog een ander wachtwoord")
    assert _run(db_path, "verify") == 0


def test_forget_student_lists_then_deletes_backups(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store_with(db_path, "Vera Vergeten", "Karel Blijft")
    assert any(b"Vergeten" in b.path.read_bytes() for b in list_backups(db_path))
    assert _run(db_path, "forget-student", "1") == 0
    out = capsys.readouterr().out
    assert "Gewist: leerling 1 met 1 incident(en)" in out and "bevatten de leerling nog" in out
    assert b"Vergeten" not in db_path.read_bytes()
    assert _run(db_path, "forget-student", "2", "--delete-backups") == 0
    assert "Back-up gewist" in capsys.readouterr().out
    assert list_backups(db_path) == []
    assert _run(db_path, "forget-student", "2") == 2


def test_archive_and_purge_a_year(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    _store_with(db_path, "Ann", "Bob")
    monkeypatch.setenv("FAIR_STRICTNESS_NEW_PASSPHRASE", PASS)
    archive = tmp_path / "2025.db"
    assert _run(db_path, "archive-year", "--year", "2025", "--out", str(archive)) == 0
    assert "2 incidenten" in capsys.readouterr().out
    assert _run(db_path, "purge-year", "--year", "2025") == 2
    assert "Bevestig met --yes" in capsys.readouterr().err
    assert _run(db_path, "purge-year", "--from", "2025-08-01", "--to", "2025-07-01", "--yes") == 2
    assert _run(db_path, "purge-year", "--year", "2025", "--students", "--yes") == 0
    assert "2 incidenten" in capsys.readouterr().out
    with Store.open(db_path) as store:
        assert store.incidents() == [] and store.students() == []
    with Store.open(archive, passphrase=PASS) as store:
        assert len(store.incidents()) == 2


def test_restore_and_encrypt_refuse_a_store_open_elsewhere(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    _store_with(db_path, "Ann")
    copy = tmp_path / "copy.db"
    assert _run(db_path, "backup", str(copy)) == 0
    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from app.store.store import Store; s = Store.open(sys.argv[1]); "
            "s.students(); print('OPEN', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
        before = db_path.read_bytes()
        assert _run(db_path, "restore", str(copy), "--force") == 2
        assert "nog geopend" in capsys.readouterr().err
        if importlib.util.find_spec("sqlcipher3"):
            monkeypatch.setenv("FAIR_STRICTNESS_NEW_PASSPHRASE", PASS)
            assert _run(db_path, "encrypt") == 2
            assert "nog geopend" in capsys.readouterr().err
        assert db_path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert _run(db_path, "restore", str(copy), "--force") == 0


class _Terminal:
    """stdin as an interactive terminal, and getpass answering from a list (recording the prompts)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
        import getpass
        import sys

        self.prompts: list[str] = []
        self._answers = list(answers)
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
        monkeypatch.setattr(getpass, "getpass", self._ask)

    def _ask(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self._answers.pop(0)


def test_an_encrypted_store_asks_its_passphrase_in_a_terminal(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE", raising=False)
    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", "Ann Achternaam", "1A")
    before = db_path.read_bytes()
    terminal = _Terminal(monkeypatch, ["fout", PASS])
    assert _run(db_path, "verify") == 0
    assert len(terminal.prompts) == 2 and "Wachtwoord voor" in terminal.prompts[0]
    assert "klopt niet" in capsys.readouterr().err
    terminal = _Terminal(monkeypatch, ["fout", "nog fout", "weer fout"])
    assert _run(db_path, "verify") == 2  # three wrong answers: refused, nothing changed
    assert "geen juist wachtwoord" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    # an encrypted backup restored from a terminal: its passphrase is asked too
    backup_path = tmp_path / "kopie.db"
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", PASS)
    assert _run(db_path, "backup", str(backup_path)) == 0
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE")
    terminal = _Terminal(monkeypatch, [PASS])
    assert _run(tmp_path / "elders.db", "restore", str(backup_path)) == 0
    assert "Wachtwoord van de back-up" in terminal.prompts[0]


def test_without_a_terminal_the_passphrase_is_not_asked(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE", raising=False)
    Store.open(db_path, passphrase=PASS).close()
    import sys

    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert _run(db_path, "verify") == 2
    assert "FAIR_STRICTNESS_PASSPHRASE" in capsys.readouterr().err


def test_one_day_is_singular(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(db_path, "backups", "--keep-days", "1") == 0
    assert "worden 1 dag bewaard." in capsys.readouterr().out
