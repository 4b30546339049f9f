"""Restore a backup in place of the store: validated first, the previous store kept, never a downgrade.

The new file is written beside the store and renamed into place, so a crash leaves the old or the
new store. A plain backup restored over an encrypted store is encrypted with the store's passphrase
(and refused without it): restoring never leaves a readable store where a protected one was.
"""

from __future__ import annotations

import os
from contextlib import closing, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import StoreError, UserError
from app.core.i18n import t
from app.safety.backup import backup_file, backup_name, copy_pages, fsync_dir, remove_side_files
from app.safety.file_access import ensure_not_in_use, ensure_writable
from app.safety.integrity import (
    DamagedStoreError,
    PassphraseRequiredError,
    StoreCheck,
    check_store,
    connect_read_only,
    file_kind,
    file_salt,
    looks_encrypted,
    raw_key,
    store_is_empty,
)
from app.safety.page_check import check_every_page

if TYPE_CHECKING:
    from app.store.store import Store


def validate_backup(path: Path, passphrase: str | None) -> StoreCheck:
    """Check a backup before it is restored: a healthy fair-strictness store of a known revision."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserError(t("{path} is een map, geen back-up.", path=path))
    if not path.is_file():
        raise UserError(t("Back-up {path} bestaat niet.", path=path))
    check = check_store(path, passphrase)
    check_every_page(path, check.key if check.encrypted else None)
    if check.revision is None:
        raise UserError(
            t(
                "{path} is een lege winkel, geen back-up.",
                path=path,
            )
        )
    return check


def restore_file(
    db_path: Path,
    source: Path,
    passphrase: str | None,
    *,
    force: bool = False,
    current_passphrase: str | None = None,
) -> Path | None:
    """Put a validated backup in place of the store at ``db_path`` (not open in this process).

    Refuses to overwrite a store with data unless ``force``; the previous store is kept as a backup
    first (its path is returned). The new file is written beside the store and renamed into place.
    ``passphrase`` opens the backup, ``current_passphrase`` (default: the same) the current store. A
    plain backup restored over an encrypted store is encrypted with the current passphrase: restoring
    never leaves a readable store where a protected one was.
    """
    current = current_passphrase if current_passphrase is not None else passphrase
    db_path = Path(db_path).expanduser()
    ensure_writable(db_path)  # not a folder, not read-only: refused before anything is copied
    check = validate_backup(source, passphrase)
    key = passphrase if check.encrypted else None
    previous: Path | None = None
    if not check.encrypted:
        _refuse_downgrade(db_path, current)
    if file_kind(db_path) != "new":
        try:
            empty = store_is_empty(db_path, current)
        except StoreError:
            empty = False  # damaged or locked: it counts as holding data
        if not empty and not force:
            raise UserError(
                t(
                    "{path} bevat al gegevens. Gebruik --force om het te vervangen "
                    "(het huidige bestand wordt eerst als back-up bewaard).",
                    path=db_path,
                )
            )
        previous = _keep_previous(db_path, current)
    tmp = db_path.with_name(f".{db_path.name}.restore")
    source = Path(source).expanduser()
    if key is None and current is not None and file_kind(db_path) == "opaque":
        # a plain backup over an encrypted store: the restored store stays encrypted (current key)
        from app.safety.crypto import export_file

        salt = file_salt(db_path) or os.urandom(16)
        export_file(source, None, tmp, raw_key(current, salt, with_salt=True))
    else:
        with closing(connect_read_only(source, check.key if check.encrypted else None)) as src:
            copy_pages(src, tmp, key, file_salt(source) if key else None)
    try:
        ensure_not_in_use(db_path, current if file_kind(db_path) == "opaque" else None)
    except StoreError:
        tmp.unlink()
        raise
    remove_side_files(db_path)
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)
    return previous


def _refuse_downgrade(db_path: Path, current: str | None) -> None:
    """A plain backup may replace an encrypted store only with its passphrase (the result stays encrypted).

    Without it the restored store (and every backup made of it afterwards) would be readable: refused
    before anything is written. A wrong passphrase is refused too (``WrongPassphraseError``).
    """
    if file_kind(db_path) != "opaque" or not looks_encrypted(db_path):
        return
    if current is None:
        raise PassphraseRequiredError(
            t(
                "{path} is versleuteld. Geef het wachtwoord van het logbestand (in de terminal via "
                "FAIR_STRICTNESS_PASSPHRASE) om deze onversleutelde back-up terug te zetten: het resultaat "
                "wordt dan met dat wachtwoord versleuteld. Er is niets gewijzigd.",
                path=db_path,
            )
        )
    with suppress(DamagedStoreError):  # a damaged store: its passphrase still keys the restored one
        check_store(db_path, current)


def _keep_previous(db_path: Path, passphrase: str | None) -> Path:
    """Keep the current store file as a 'voor-herstel' backup: a clean copy, or raw bytes if damaged."""
    dest = backup_name(db_path, "voor-herstel")
    try:
        check = check_store(db_path, passphrase)
        return backup_file(db_path, dest, passphrase if check.encrypted else None)
    except StoreError:
        import shutil

        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            src = db_path.with_name(db_path.name + suffix)
            if src.exists():
                target = dest.with_name(dest.name + suffix)
                fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
                os.close(fd)
                shutil.copyfile(src, target)
        return dest


def restore_into(store: Store, source: Path, passphrase: str | None, *, force: bool = False) -> Path | None:
    """Restore a backup into an open store (the UI): release the file, restore, reopen in place."""
    check = validate_backup(source, passphrase)
    store.checkpoint()
    store.engine.dispose()
    try:
        previous = restore_file(
            store.path, source, passphrase, force=force, current_passphrase=store.passphrase
        )
    except BaseException:
        store.rebind(store.passphrase)
        raise
    store.rebind(passphrase if check.encrypted else store.passphrase)
    from app.schema.migrate import upgrade

    upgrade(store.engine, store.path)
    return previous
