"""Encryption at rest with SQLCipher: encrypt a plain store, change the passphrase, copy encrypted.

Conversions write a new file beside the store with ``sqlcipher_export`` and rename it into place, so a
crash leaves either the old or the new file. The store's engine (stdlib sqlite3) is released before
sqlcipher3 touches the same file: two SQLite libraries in one process must not share a file's locks.
Backups are converted along with the store, so no readable copy stays behind.
"""

from __future__ import annotations

import glob
import os
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import config
from app.core.errors import UserError
from app.core.i18n import t
from app.safety.backup import fsync_dir, list_backups, remove_side_files
from app.safety.file_access import ensure_not_in_use
from app.safety.integrity import (
    StoreError,
    WrongPassphraseError,
    check_store,
    cipher_connect,
    file_kind,
    file_salt,
    quote_literal,
    raw_key,
    read_only_uri,
    sqlcipher_module,
)

if TYPE_CHECKING:
    from app.store.store import Store

MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class ConversionResult:
    """What a conversion did to the backups beside the store."""

    converted: tuple[Path, ...]
    #: backups that could not be opened with the old key (left as they were)
    skipped: tuple[Path, ...]
    #: readable backups (or half-written copies) of an encrypted store that could not be encrypted: deleted
    removed: tuple[Path, ...] = ()


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
    """Re-encrypt the store's backups with ``new_key``, sharing the (new) store's salt.

    Backups that ``old_key`` does not open are skipped; with ``old_key`` None (encrypting a plain
    store) every readable backup is encrypted, or deleted when that fails (a full disk).
    """
    converted: list[Path] = []
    skipped: list[Path] = []
    removed: list[Path] = []
    salt = file_salt(db_path)
    sealed = raw_key(new_key, salt, with_salt=True) if salt else new_key
    for info in list_backups(db_path):
        plain = file_kind(info.path) == "plain"
        if plain != (old_key is None):
            continue  # readable ones are encrypted (old_key None), encrypted ones re-keyed
        try:
            check = check_store(info.path, old_key)
            replace_with_export(info.path, check.key, sealed, new_key)
            converted.append(info.path)
        except (StoreError, OSError, sqlcipher_module().DatabaseError):
            if plain:  # never leave a readable copy of an encrypted store behind
                removed.extend(delete_files(info.path))
            else:
                skipped.append(info.path)
    return ConversionResult(tuple(converted), tuple(skipped), tuple(removed))


def delete_files(path: Path) -> list[Path]:
    """Delete a copy and the -wal/-shm beside it; returns [path] when it was there."""
    gone: list[Path] = []
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with suppress(FileNotFoundError):
            candidate.unlink()
            if candidate == path:
                gone.append(path)
    return gone


def _readable_leftovers(db_path: Path) -> list[Path]:
    """Half-written hidden copies (.tmp, .convert, .restore) beside the store or its backups, unencrypted."""
    folder = config.backup_dir(db_path)
    candidates = [
        *db_path.parent.glob(f".{glob.escape(db_path.name)}.*"),
        *(folder.glob(f".{glob.escape(db_path.stem)}-*.db.*") if folder.is_dir() else ()),
    ]
    return [p for p in candidates if p.name.endswith((".tmp", ".convert", ".restore")) and _is_plain(p)]


def _is_plain(path: Path) -> bool:
    try:
        return file_kind(path) == "plain"
    except StoreError:
        return False


#: the key of the backups while a change of passphrase is not finished (kept in the encrypted store)
REKEY_FROM_KEY = "rekey_backups_from"


def seal_backups(store: Store) -> ConversionResult:
    """Leave no backup of an encrypted store readable, nor under an earlier passphrase.

    Runs after ``encrypt`` and ``change-passphrase`` and on every open of an encrypted store, so a
    conversion that a crash or a full disk interrupted is finished later: readable backups are
    encrypted (deleted when that fails), readable half-written copies deleted, and backups still
    under the passphrase before an unfinished change re-keyed. Cheap when there is nothing to do.
    """
    if store.passphrase is None:
        return ConversionResult((), ())
    result = _convert_backups(store.path, None, store.passphrase)
    removed = [*result.removed]
    for leftover in _readable_leftovers(store.path):
        removed.extend(delete_files(leftover))
    converted, skipped = list(result.converted), list(result.skipped)
    previous = store.meta(REKEY_FROM_KEY, "")
    if previous:
        salt = file_salt(store.path)
        current = raw_key(store.passphrase, salt) if salt else store.passphrase
        for info in list_backups(store.path):
            if info.path in converted or file_kind(info.path) != "opaque":
                continue
            try:
                check_store(info.path, current)
                continue  # already under the current passphrase
            except StoreError:
                pass
            again = _convert_one(store.path, info.path, previous, store.passphrase)
            (converted if again else skipped).append(info.path)
        _forget_meta(store, REKEY_FROM_KEY)
    return ConversionResult(tuple(converted), tuple(skipped), tuple(removed))


def _convert_one(db_path: Path, path: Path, old_key: str, new_key: str) -> bool:
    salt = file_salt(db_path)
    sealed = raw_key(new_key, salt, with_salt=True) if salt else new_key
    try:
        check = check_store(path, old_key)
        replace_with_export(path, check.key, sealed, new_key)
    except (StoreError, OSError, sqlcipher_module().DatabaseError):
        return False
    return True


def _forget_meta(store: Store, key: str) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM meta WHERE key = ?", (key,))


def _sealed_new(passphrase: str) -> str:
    """A raw key with a fresh random salt for a new file: derived once, reused by the checks after it."""
    return raw_key(passphrase, os.urandom(16), with_salt=True)


def encrypt_store(store: Store, passphrase: str) -> ConversionResult:
    """Encrypt a plain store (and its plain backups) with ``passphrase``; the store stays usable."""
    if store.encrypted:
        sealed = seal_backups(store)  # a re-run after a crash still finishes the backups
        raise UserError(
            t(
                "Dit logbestand is al versleuteld. Leesbare back-ups ervan: {n} versleuteld, {r} gewist.",
                n=len(sealed.converted),
                r=len(sealed.removed),
            )
        )
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
    return seal_backups(store)


def change_passphrase(store: Store, old: str, new: str) -> ConversionResult:
    """Re-encrypt an encrypted store (and its backups under the old key) with a new passphrase."""
    if not store.encrypted:
        raise UserError(
            t(
                "Dit logbestand is niet versleuteld; versleutel het eerst.",
            )
        )
    if old != store.passphrase:
        raise WrongPassphraseError(t("Het huidige wachtwoord klopt niet."))
    check_new_passphrase(new)
    salt = file_salt(store.path)
    # the backups' key goes along inside the (encrypted) store until they are re-keyed: a crash in
    # between is finished by the next open with the new passphrase (seal_backups)
    store.set_meta(REKEY_FROM_KEY, raw_key(old, salt) if salt else old, bump_revision=False)
    store.checkpoint()
    store.engine.dispose()
    try:
        replace_with_export(store.path, old, _sealed_new(new), new)
    except BaseException:
        store.rebind(old)
        _forget_meta(store, REKEY_FROM_KEY)
        raise
    store.rebind(new)
    result = _convert_backups(store.path, old, new)
    _forget_meta(store, REKEY_FROM_KEY)
    sealed = seal_backups(store)  # and any readable backup a crash left (none, normally)
    return ConversionResult((*result.converted, *sealed.converted), result.skipped, sealed.removed)
