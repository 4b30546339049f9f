"""Before a store is opened or replaced: refuse one that cannot be written, or that is still in use."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from app.core.errors import StoreError
from app.core.i18n import t
from app.safety.integrity import (
    ReadOnlyStoreError,
    file_kind,
    file_salt,
    quote_literal,
    raw_key,
    sqlcipher_module,
)


def _owner_writable(path: Path) -> bool:
    """Writable by this process and not marked read-only (the owner's write bit, which root ignores)."""
    try:
        return os.access(path, os.W_OK) and bool(path.stat().st_mode & stat.S_IWUSR)
    except OSError:
        return False


def ensure_writable(path: Path) -> None:
    """Refuse a store file or folder that is read-only, before SQLite opens it (no -wal/-shm left).

    A store in WAL mode needs to write the file and to create its -wal and -shm beside it.
    """
    folder = path.parent
    if path.is_dir():
        raise StoreError(
            t(
                "{path} is een map, geen logboek. Kies een bestand.",
                path=path,
            )
        )
    read_only_file = path.exists() and not _owner_writable(path)
    read_only_folder = folder.is_dir() and not (_owner_writable(folder) and os.access(folder, os.X_OK))
    if read_only_file or read_only_folder:
        raise ReadOnlyStoreError(
            t(
                "{path} is alleen-lezen (het bestand of de map {folder}). fair-strictness moet in het "
                "logboek kunnen schrijven. Het bestand is niet gewijzigd. Geef schrijfrechten, of kopieer "
                "het naar een map waarin je mag schrijven.",
                path=path,
                folder=folder.resolve(),
            )
        )


def ensure_not_in_use(path: Path, key: str | None = None) -> None:
    """Refuse to replace a store that another process (a window, a command) still has open.

    Asks SQLite for an exclusive lock without waiting: every connection to a WAL store holds a shared
    lock on it. A file SQLite cannot read (damaged) counts as not in use.
    """
    if file_kind(path) == "new":
        return
    salt = file_salt(path)
    if key is not None and salt is not None:
        key = raw_key(key, salt)  # no slow key derivation for a lock check
    if key is None:
        conn: Any = sqlite3.connect(str(path), timeout=0)
        errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
    else:
        module = sqlcipher_module()
        conn = module.connect(str(path), timeout=0)
        errors = (module.DatabaseError,)
    try:
        if key is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {quote_literal(key)}")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except errors as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise StoreError(
                t(
                    "{path} is nog geopend in een ander venster of programma. Sluit dat eerst.",
                    path=path,
                )
            ) from exc
    finally:
        conn.close()
