"""Issue #18.2: restoring a plain backup over an encrypted store never leaves it (or its backups) readable."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.safety import restore
from app.safety.backup import list_backups
from app.safety.integrity import PassphraseRequiredError, WrongPassphraseError, file_kind
from app.store.store import Store

pytest.importorskip("sqlcipher3")

PASS = "een lang genoeg wachtwoord"
NAME = "Zoë Jansen"


def _encrypted_store_and_plain_backup(db: Path, tmp_path: Path) -> Path:
    plain = tmp_path / "plain.db"
    with Store.open(plain) as store:
        store.auto_backup = False
        ann = store.add_student("3005", NAME, "1A")
        store.log_incident(ann.id, store.rules()[0].id, occurred_at=datetime(2026, 10, 1, 9))
    with Store.open(db, passphrase=PASS) as store:
        store.add_student("1", "Bob Bakker", "1A")
    return plain


def _no_plaintext(folder: Path) -> None:
    for path in folder.rglob("*.db"):
        if path.name != "plain.db":
            assert file_kind(path) != "plain", path
            assert NAME.encode() not in path.read_bytes(), path


def test_restore_force_without_the_passphrase_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.db"
    plain = _encrypted_store_and_plain_backup(db, tmp_path)
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    before = db.read_bytes()
    backups_before = sorted(b.path.name for b in list_backups(db))
    assert main(["--db", str(db), "restore", str(plain), "--force"]) == 2
    err = capsys.readouterr().err
    assert "is versleuteld" in err and "FAIR_STRICTNESS_PASSPHRASE" in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert sorted(b.path.name for b in list_backups(db)) == backups_before
    _no_plaintext(tmp_path)


def test_restore_force_with_the_passphrase_keeps_the_store_and_its_backups_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.db"
    plain = _encrypted_store_and_plain_backup(db, tmp_path)
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", PASS)
    assert main(["--db", str(db), "restore", str(plain), "--force"]) == 0
    assert "blijft versleuteld" in capsys.readouterr().out
    assert main(["--db", str(db), "verify"]) == 0  # opens (and closes: an automatic backup)
    with Store.open(db, passphrase=PASS) as store:
        assert [s.name for s in store.students()] == [NAME]
    assert list_backups(db)
    _no_plaintext(tmp_path)


def test_restore_file_refuses_a_missing_or_wrong_store_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    plain = _encrypted_store_and_plain_backup(db, tmp_path)
    before = db.read_bytes()
    with pytest.raises(PassphraseRequiredError, match="Er is niets gewijzigd"):
        restore.restore_file(db, plain, None, force=True)
    with pytest.raises(WrongPassphraseError):
        restore.restore_file(db, plain, None, force=True, current_passphrase="niet het wachtwoord")
    assert db.read_bytes() == before


def test_a_terminal_asks_the_store_passphrase_for_a_plain_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    db = tmp_path / "log.db"
    plain = _encrypted_store_and_plain_backup(db, tmp_path)
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or PASS)
    assert main(["--db", str(db), "restore", str(plain), "--force"]) == 0
    assert "Wachtwoord van het logbestand" in prompts[0]
    assert file_kind(db) == "opaque"
    _no_plaintext(tmp_path)
