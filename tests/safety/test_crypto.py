"""Encryption at rest: SQLCipher store, wrong passphrase refused, encrypted backups, re-keying."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.safety import backup, crypto, restore
from app.safety.integrity import PassphraseRequiredError, WrongPassphraseError, check_store
from app.schema.migrate import known_revisions
from app.store.store import Store

pytest.importorskip("sqlcipher3")

NAME = b"Zwaantje Geheimnaam"
PASS = "correct horse 'battery\" staple"


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _plain_store_with_backup(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", NAME.decode(), "1A")
    assert NAME in _all_bytes(db_path.parent)  # the plain store and its backup show the name


def test_encrypting_hides_every_byte_of_the_name(db_path: Path) -> None:
    _plain_store_with_backup(db_path)
    store = Store.open(db_path)
    result = crypto.encrypt_store(store, PASS)
    assert len(result.converted) == 1
    assert store.encrypted and store.students()[0].name == NAME.decode()
    store.add_student("2", "Bob", "1A")
    store.close()
    assert NAME not in _all_bytes(db_path.parent)
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    for info in backup.list_backups(db_path):
        assert stat.S_IMODE(os.stat(info.path).st_mode) == 0o600
        assert check_store(info.path, PASS).encrypted


def test_without_or_with_a_wrong_passphrase_the_store_is_refused(db_path: Path) -> None:
    _plain_store_with_backup(db_path)
    with Store.open(db_path) as store:
        crypto.encrypt_store(store, PASS)
    before = db_path.read_bytes()
    with pytest.raises(PassphraseRequiredError, match="wachtwoord"):
        Store.open(db_path)
    with pytest.raises(WrongPassphraseError, match="klopt niet"):
        Store.open(db_path, passphrase="not the passphrase")
    assert db_path.read_bytes() == before
    with Store.open(db_path, passphrase=PASS) as store:
        assert [s.name for s in store.students()] == [NAME.decode()]


def test_the_passphrase_can_come_from_the_environment(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAIR_STRICTNESS_PASSPHRASE", PASS)
    with Store.open(db_path) as store:  # a new store with a passphrase is created encrypted
        assert store.encrypted
        store.add_student("1", NAME.decode(), "1A")
    assert NAME not in _all_bytes(db_path.parent)
    monkeypatch.delenv("FAIR_STRICTNESS_PASSPHRASE")
    with pytest.raises(PassphraseRequiredError):
        Store.open(db_path)


def test_changing_the_passphrase_rekeys_store_and_backups(db_path: Path) -> None:
    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", "Ann", "1A")
    store = Store.open(db_path, passphrase=PASS)
    with pytest.raises(WrongPassphraseError):
        crypto.change_passphrase(store, "wrong old one", "a new passphrase")
    result = crypto.change_passphrase(store, PASS, "a new passphrase")
    assert len(result.converted) == 1 and result.skipped == ()
    store.close()
    with pytest.raises(WrongPassphraseError):
        Store.open(db_path, passphrase=PASS)
    with Store.open(db_path, passphrase="a new passphrase") as again:
        assert again.students()[0].name == "Ann"
    for info in backup.list_backups(db_path):
        with pytest.raises(WrongPassphraseError):
            check_store(info.path, PASS)
        assert check_store(info.path, "a new passphrase").revision == known_revisions()[1]


def test_short_passphrases_and_double_encryption_are_refused(store: Store) -> None:
    with pytest.raises(UserError, match="minstens 8"):
        crypto.encrypt_store(store, "kort")
    crypto.encrypt_store(store, PASS)
    with pytest.raises(UserError, match="al versleuteld"):
        crypto.encrypt_store(store, PASS)


def test_an_encrypted_backup_restores_only_with_its_passphrase(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", NAME.decode(), "1A")
        saved = backup.backup_store(store, tmp_path / "saved.db")
    assert NAME not in saved.read_bytes()
    target = tmp_path / "elsewhere.db"
    with pytest.raises(PassphraseRequiredError):
        restore.restore_file(target, saved, None)
    restore.restore_file(target, saved, PASS)
    with Store.open(target, passphrase=PASS) as store:
        assert store.students()[0].name == NAME.decode()


def test_backups_share_the_store_salt_so_one_key_derivation_opens_all(db_path: Path, tmp_path: Path) -> None:
    from app.safety.integrity import file_salt

    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", "Ann", "1A")
        copy = backup.backup_store(store, tmp_path / "copy.db")
    salt = file_salt(db_path)
    assert salt is not None and file_salt(copy) == salt
    assert all(file_salt(b.path) == salt for b in backup.list_backups(db_path))
    assert check_store(copy, PASS).key == check_store(db_path, PASS).key != PASS  # a raw key


def test_when_the_derived_key_does_not_fit_the_passphrase_is_used(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.safety import integrity as keys

    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", "Ann", "1A")
        store.auto_backup = False
    # as if SQLCipher's defaults changed: the key derived here no longer matches the file
    monkeypatch.setattr(keys, "_derive", lambda passphrase, salt: b"\x01" * 32)
    check = check_store(db_path, PASS)
    assert check.key == PASS
    with Store.open(db_path, passphrase=PASS) as store:
        store.auto_backup = False
        assert store.students()[0].name == "Ann"
    with pytest.raises(WrongPassphraseError):
        check_store(db_path, "not it at all")


def test_a_damaged_encrypted_store_is_called_damaged_not_a_wrong_passphrase(db_path: Path) -> None:
    from app.safety.integrity import DamagedStoreError

    with Store.open(db_path, passphrase=PASS) as store:
        store.auto_backup = False
        for n in range(200):
            store.add_student(str(n), f"Leerling met een lange naam nummer {n}", "1A")
    data = db_path.read_bytes()
    cut = db_path.with_name("afgekapt.db")
    cut.write_bytes(data[: len(data) // 2])  # whole pages, so it still looks encrypted
    with pytest.raises(DamagedStoreError, match="beschadigd"):
        Store.open(cut, passphrase=PASS)
    with pytest.raises(WrongPassphraseError, match="klopt niet"):  # a wrong one stays 'wrong'
        Store.open(cut, passphrase="not the passphrase")
    assert cut.read_bytes() == data[: len(data) // 2]
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith("afgekapt")) == [
        "afgekapt.db"
    ]
