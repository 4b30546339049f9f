"""Encryption at rest with SQLCipher: encrypt a plain store, change the passphrase, copy encrypted.

Conversions write a new file beside the store with ``sqlcipher_export`` and rename it into place, so a
crash leaves either the old or the new file. The store's engine (stdlib sqlite3) is released before
sqlcipher3 touches the same file: two SQLite libraries in one process must not share a file's locks.
Backups are converted along with the store, so no readable copy stays behind.
"""

from __future__ import annotations

import os
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserError
from app.i18n import t
from app.models.backup import fsync_dir, list_backups, remove_side_files
from app.models.file_access import ensure_not_in_use
from app.models.integrity import (
    StoreError,
    WrongPassphraseError,
    check_store,
    cipher_connect,
    file_salt,
    quote_literal,
    raw_key,
    read_only_uri,
    sqlcipher_module,
)

if TYPE_CHECKING:
    from app.models.store import Store

MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class ConversionResult:
    """What a conversion did to the backups beside the store."""

    converted: tuple[Path, ...]
    #: backups that could not be opened with the old key (left as they were)
    skipped: tuple[Path, ...]


def available() -> bool:
    """True when SQLCipher (the sqlcipher3 package) can be used here."""
    try:
        sqlcipher_module()
    except StoreError:
        return False
    return True


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is too short (at least 8 characters)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            t(
                "Kies een wachtwoord van minstens {n} tekens.",
                "Choose a passphrase of at least {n} characters.",
                n=MIN_PASSPHRASE,
            )
        )


def open_cipher(path: Path | str, key: str | None, *, read_only: bool = False) -> Any:
    """A sqlcipher3 connection on ``path`` (``key`` None or '' = a plain SQLite file)."""
    module = sqlcipher_module()
    target = read_only_uri(Path(path)) if read_only else str(path)
    conn = module.connect(target, uri=read_only)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key:
        conn.execute(f"PRAGMA key = {quote_literal(key)}")
    return conn


def export_file(source: Path, source_key: str | None, dest: Path, dest_key: str | None) -> None:
    """Write the database in ``source`` to a new file ``dest`` under ``dest_key`` (0600, fsynced)."""
    with suppress(FileNotFoundError):
        dest.unlink()
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        opened = (
            cipher_connect(read_only_uri(source), source, source_key, uri=True)[0]
            if source_key
            else open_cipher(source, None, read_only=True)
        )
        with closing(opened) as conn:
            conn.execute(f"ATTACH DATABASE ? AS target KEY {quote_literal(dest_key or '')}", (str(dest),))
            conn.execute("SELECT sqlcipher_export('target')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA target.user_version = {int(version)}")
            conn.execute("DETACH DATABASE target")
        with open(dest, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(FileNotFoundError):
            dest.unlink()
        raise


def replace_with_export(
    path: Path, source_key: str | None, dest_key: str | None, passphrase: str | None = None
) -> None:
    """Convert the (closed) file at ``path`` in place: export beside it, check, rename over it.

    ``passphrase`` (default ``dest_key``) must open the result: checked before the rename.
    """
    tmp = path.with_name(f".{path.name}.convert")
    export_file(path, source_key, tmp, dest_key)
    try:
        check_store(tmp, passphrase if passphrase is not None else dest_key)
        ensure_not_in_use(path, source_key)
    except BaseException:
        with suppress(FileNotFoundError):
            tmp.unlink()
        raise
    remove_side_files(path)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _convert_backups(db_path: Path, old_key: str | None, new_key: str) -> ConversionResult:
    """Re-encrypt the store's backups with ``new_key``, sharing the (new) store's salt."""
    converted: list[Path] = []
    skipped: list[Path] = []
    salt = file_salt(db_path)
    sealed = raw_key(new_key, salt, with_salt=True) if salt else new_key
    for info in list_backups(db_path):
        try:
            check = check_store(info.path, old_key)
            replace_with_export(info.path, check.key, sealed, new_key)
            converted.append(info.path)
        except StoreError:
            skipped.append(info.path)
    return ConversionResult(tuple(converted), tuple(skipped))


def _sealed_new(passphrase: str) -> str:
    """A raw key with a fresh random salt for a new file: derived once, reused by the checks after it."""
    return raw_key(passphrase, os.urandom(16), with_salt=True)


def encrypt_store(store: Store, passphrase: str) -> ConversionResult:
    """Encrypt a plain store (and its plain backups) with ``passphrase``; the store stays usable."""
    if store.encrypted:
        raise UserError(t("Dit logbestand is al versleuteld.", "This store is already encrypted."))
    check_new_passphrase(passphrase)
    sqlcipher_module()
    store.checkpoint()
    store.engine.dispose()
    try:
        replace_with_export(store.path, None, _sealed_new(passphrase), passphrase)
    except BaseException:
        store.rebind(None)
        raise
    store.rebind(passphrase)
    return _convert_backups(store.path, None, passphrase)


def change_passphrase(store: Store, old: str, new: str) -> ConversionResult:
    """Re-encrypt an encrypted store (and its backups under the old key) with a new passphrase."""
    if not store.encrypted:
        raise UserError(
            t(
                "Dit logbestand is niet versleuteld; versleutel het eerst.",
                "This store is not encrypted; encrypt it first.",
            )
        )
    if old != store.passphrase:
        raise WrongPassphraseError(
            t("Het huidige wachtwoord klopt niet.", "The current passphrase is wrong.")
        )
    check_new_passphrase(new)
    store.checkpoint()
    store.engine.dispose()
    try:
        replace_with_export(store.path, old, _sealed_new(new), new)
    except BaseException:
        store.rebind(old)
        raise
    store.rebind(new)
    return _convert_backups(store.path, old, new)
