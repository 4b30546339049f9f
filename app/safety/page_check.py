"""A backup is checked page by page before it replaces the store, whatever its size.

Opening a large store scans it only after an unclean shutdown (``integrity.needs_quick_check``), so a
damaged backup over 64 MiB was restored unchecked and ``audit`` and ``export-incidents`` crashed on it
later. SQLite's ``quick_check`` reads one page at a time: its memory does not grow with the file.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.core.errors import UserError
from app.core.i18n import t
from app.safety.integrity import DamagedStoreError, connect_read_only

#: names SQLite gives the files beside a database: a backup written under such a name is deleted or
#: overwritten by SQLite the next time the database beside it is opened
SQLITE_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def damaged_backup(path: Path) -> DamagedStoreError:
    """The message for a backup whose pages do not pass the check."""
    return DamagedStoreError(
        t(
            "Back-up {path} is beschadigd (de controle van alle pagina's faalt); er is niets teruggezet. "
            "Kies een andere back-up.",
            path=path,
        )
    )


def check_every_page(path: Path, key: str | None) -> None:
    """Raise DamagedStoreError unless SQLite's quick_check passes on every page of ``path``."""
    try:
        with closing(connect_read_only(path, key)) as conn:
            result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except UserError:
        raise
    except Exception as exc:  # sqlite3 or sqlcipher3: a file that cannot be scanned is damaged
        if not isinstance(exc, sqlite3.Error) and type(exc).__module__.split(".")[0] != "sqlcipher3":
            raise
        raise damaged_backup(path) from exc
    if result != ["ok"]:
        raise damaged_backup(path)


def refuse_side_file_name(dest: Path) -> None:
    """Raise UserError when ``dest`` is named like a file SQLite keeps beside a database."""
    if dest.name.endswith(SQLITE_SIDE_SUFFIXES):
        raise UserError(
            t(
                "{name} is de naam van een hulpbestand van SQLite (eindigt op -wal, -shm of -journal): "
                "SQLite zou de back-up wissen. Kies een naam die eindigt op .db.",
                name=dest.name,
            )
        )
