"""Backups with SQLite's online backup API: automatic (one a day, rotated), on request, and restore.

Backups live in ``config.backup_dir(db_path)`` as ``<store>-<kind>-<time>.db``, readable by the owner
only; a backup of an encrypted store is encrypted with the same passphrase. Kinds: ``auto`` (made on
close, one per day, pruned after the configured number of days), ``handmatig`` (made on request, kept
until deleted) and ``voor-...`` (made before an update, a restore or a conversion; pruned like auto).
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import config
from app.core.errors import StoreError, UserError
from app.core.i18n import t
from app.safety import copies
from app.safety.integrity import (
    connect_read_only,
    file_kind,
    file_salt,
    quote_literal,
    raw_key,
    sqlcipher_module,
)
from app.safety.page_check import refuse_side_file_name

if TYPE_CHECKING:
    from app.store.store import Store

DEFAULT_KEEP_DAYS = 30
KEEP_DAYS_KEY = "backup_keep_days"
LAST_BACKUP_KEY = "backup_last_revision"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>auto|handmatig|voor-[a-z-]+)-(?P<stamp>\d{8}(?:-\d{6})?)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a store."""

    path: Path
    kind: str
    created: datetime
    size: int


def _connect_plain_or_cipher(path: Path, passphrase: str | None, salt: bytes | None) -> Any:
    """A writable DB-API connection for a new backup file: sqlite3, or sqlcipher3 keyed by the passphrase.

    With the source's ``salt`` the backup gets the same salt and key, so one key derivation opens both.
    """
    if passphrase is None:
        return sqlite3.connect(path)
    conn = sqlcipher_module().connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    key = raw_key(passphrase, salt, with_salt=True) if salt else passphrase
    conn.execute(f"PRAGMA key = {quote_literal(key)}")
    return conn


def write_error(path: Path, exc: OSError) -> StoreError:
    """A Dutch message for a file that cannot be written (no system English for the usual causes)."""
    import errno

    reasons = {
        errno.EACCES: t("geen toestemming om daar te schrijven"),
        errno.EPERM: t("geen toestemming om daar te schrijven"),
        errno.EROFS: t("de schijf is alleen-lezen"),
        errno.ENOSPC: t("de schijf is vol"),
        errno.ENOENT: t("de map bestaat niet"),
        errno.EISDIR: t("dat is een map"),
        errno.ENOTDIR: t("een deel van het pad is geen map"),
        errno.EEXIST: t(
            "een bestand met die naam staat in de weg (een deel van het pad is geen map)",
        ),
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return StoreError(
        t(
            "Kan {path} niet schrijven: {reason}. Kies een andere plek.",
            path=path,
            reason=reason,
        )
    )


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_pages(source: Any, dest: Path, passphrase: str | None, salt: bytes | None = None) -> Path:
    """Copy an open connection's database into ``dest`` atomically (temp file, fsync, rename), 0600."""
    tmp = copies.temp_path(dest)
    try:
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise write_error(dest, exc) from exc
    try:
        target = _connect_plain_or_cipher(tmp, passphrase, salt)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise write_error(dest, exc) from exc
        raise
    return dest


def backup_store(store: Store, dest: Path) -> Path:
    """Write a consistent copy of an open store to ``dest`` (encrypted like the store)."""
    dest = Path(dest).expanduser()
    if dest.resolve() == store.path.resolve():
        raise UserError(
            t(
                "Een back-up kan het logbestand zelf niet overschrijven.",
            )
        )
    refuse_side_file_name(dest)  # SQLite would delete a backup named like its -wal or -journal
    raw = store.engine.raw_connection()
    try:
        salt = file_salt(store.path) if store.passphrase else None
        with copies.remembered(store.path, copies.temp_path(dest)):  # a kill leaves nothing unlisted
            return copy_pages(raw.driver_connection, dest, store.passphrase, salt)
    except sqlite3.Error as exc:
        raise StoreError(t("De back-up is mislukt: {err}", err=exc)) from exc
    finally:
        raw.close()


def backup_file(path: Path, dest: Path, passphrase: str | None) -> Path:
    """Copy a store file (not open in this process) into ``dest`` with the online backup API."""
    with closing(connect_read_only(path, passphrase)) as source:
        return copy_pages(source, dest, passphrase, file_salt(path) if passphrase else None)


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def backup_name(db_path: Path, kind: str, now: datetime | None = None) -> Path:
    """The path of a new backup of this kind in the store's backup folder."""
    now = now or datetime.now()
    stamp = now.strftime("%Y%m%d") if kind == "auto" else _stamp(now)
    return config.backup_dir(db_path) / f"{db_path.stem}-{kind}-{stamp}.db"


def safety_backup(db_path: Path, passphrase: str | None, reason: str) -> Path:
    """A backup of the file as it is now, made before an update, restore or conversion."""
    dest = backup_name(db_path, reason)
    kind = file_kind(db_path)
    if kind == "plain":
        return backup_file(db_path, dest, None)
    if kind == "opaque" and passphrase is not None:
        return backup_file(db_path, dest, passphrase)
    raise StoreError(t("Kan geen back-up maken van {path}.", path=db_path))


#: a half-written copy older than this was left by a crash (a copy takes seconds)
STALE_AFTER_SECONDS = 15 * 60


def remove_stale_copies(db_path: Path, now: float | None = None) -> list[Path]:
    """Delete half-written copies a crash left beside the store or among its backups.

    A kill during a backup, restore or conversion leaves ``.<name>.tmp``, ``.<name>.restore`` or
    ``.<name>.convert``: hidden files with the students in them that no listing, pruning or erasure
    would otherwise find. Only files older than a quarter of an hour go, so a copy in progress in
    another window is left alone.
    """
    import time

    now = time.time() if now is None else now
    folder = config.backup_dir(db_path)
    candidates = [
        *db_path.parent.glob(f".{glob.escape(db_path.name)}.*"),
        *(folder.glob(f".{glob.escape(db_path.stem)}-*.db.*") if folder.is_dir() else ()),
        *copies.listed(db_path),  # manual backups elsewhere, half-written when the process was killed
    ]
    removed: list[Path] = []
    for path in candidates:
        if not path.name.endswith((".tmp", ".restore", ".convert")):
            continue
        with suppress(OSError):
            if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.unlink()
                removed.append(path)
    copies.forget_gone(db_path)
    return removed


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this store, newest first."""
    folder = config.backup_dir(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{db_path.stem}-*.db"):
        match = _NAME.match(path.name)
        if match is None or match.group("stem") != db_path.stem:
            continue
        stat = path.stat()
        found.append(
            BackupInfo(path, match.group("kind"), datetime.fromtimestamp(stat.st_mtime), stat.st_size)
        )
    return sorted(found, key=lambda b: b.created, reverse=True)


def keep_days(store: Store) -> int:
    """How many days automatic and safety backups are kept (default 30)."""
    try:
        return max(1, int(store.meta(KEEP_DAYS_KEY, str(DEFAULT_KEEP_DAYS))))
    except ValueError:
        return DEFAULT_KEEP_DAYS


def set_keep_days(store: Store, days: int) -> None:
    """Keep automatic backups this many days (1 to 3650)."""
    if not 1 <= days <= 3650:
        raise UserError(t("Kies 1 tot 3650 dagen."))
    store.set_meta(KEEP_DAYS_KEY, str(days))


def prune(db_path: Path, days: int, today: date | None = None) -> list[Path]:
    """Delete automatic and safety backups older than ``days``; the newest backup always stays."""
    remove_stale_copies(db_path)
    today = today or date.today()
    limit = today - timedelta(days=days)
    backups = list_backups(db_path)
    removed: list[Path] = []
    for info in backups[1:]:
        if info.kind != "handmatig" and info.created.date() < limit:
            for suffix in ("", "-wal", "-shm"):  # a raw copy of a damaged store may have a -wal
                with suppress(FileNotFoundError):
                    info.path.with_name(info.path.name + suffix).unlink()
            removed.append(info.path)
    return removed


def auto_backup(store: Store, now: datetime | None = None) -> Path | None:
    """Today's automatic backup, made or refreshed when the store changed since the last one; prunes."""
    revision = store.revision
    last = store.meta(LAST_BACKUP_KEY, "")
    dest = backup_name(store.path, "auto", now)
    if last == str(revision) and list_backups(store.path):
        return None
    backup_store(store, dest)
    store.set_meta(LAST_BACKUP_KEY, str(revision), bump_revision=False)
    prune(store.path, keep_days(store), (now or datetime.now()).date())
    return dest


def remove_side_files(db_path: Path) -> None:
    """Delete the store's -wal and -shm files (only when no connection is open)."""
    for suffix in ("-wal", "-shm"):
        with suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()


def backup_due(store: Store, now: datetime | None = None) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    backups = list_backups(store.path)
    now = now or datetime.now()
    return not backups or now - backups[0].created > timedelta(days=1)
