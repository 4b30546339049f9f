"""Database and disk errors as messages a teacher can act on, without SQL or its parameters.

SQLAlchemy's error text holds the statement and its bound parameters: a full disk while logging
printed the incident's private note in the traceback. Here only SQLite's own short reason is looked
at, and the message says what happened and what was kept (a failed write transaction is rolled back).
"""

from __future__ import annotations

import errno
import sqlite3

from app.core.errors import StoreError
from app.core.i18n import t

#: OS errors that mean the disk cannot take more
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _is_database_error(exc: BaseException) -> bool:
    """sqlite3's errors, and sqlcipher3's (the same names in another module)."""
    if isinstance(exc, sqlite3.Error):
        return True
    return type(exc).__module__.split(".")[0] == "sqlcipher3" and isinstance(exc, Exception)


def _reason(exc: BaseException) -> BaseException | None:
    """The driver's own error inside a SQLAlchemy one (or pandas' wrapper, whose cause it is), or the
    error itself; None if not a database one."""
    from sqlalchemy.exc import DBAPIError

    seen: BaseException | None = exc
    for _ in range(5):  # the chain of causes, a few links deep
        if seen is None:
            return None
        if isinstance(seen, DBAPIError):
            return seen.orig if seen.orig is not None else seen
        if _is_database_error(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def store_error_for(exc: BaseException, *, known_only: bool = False) -> StoreError | None:
    """A StoreError for a database or full-disk error (never with SQL or values in it); else None.

    ``known_only``: only for conditions outside the program (full disk, busy, damaged, read-only, I/O);
    a constraint violation, a programming error, stays what it is.
    """
    if isinstance(exc, OSError) and exc.errno in _FULL:
        return StoreError(disk_full())
    reason = _reason(exc)
    if reason is None:
        return None
    text = str(reason.args[0] if reason.args else "").lower()
    if "full" in text:
        return StoreError(disk_full())
    if "locked" in text or "busy" in text:
        return StoreError(
            t(
                "Het logbestand is bezet (een ander venster of programma schrijft erin). Er is niets "
                "opgeslagen van deze opdracht; probeer het zo opnieuw.",
            )
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(
            t(
                "Het logbestand is beschadigd. Controleer het met 'verify' en zet zo nodig een back-up "
                "terug ('backups', 'restore').",
            )
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            t(
                "Het logbestand kan niet beschreven worden (alleen-lezen). Er is niets opgeslagen.",
            )
        )
    if "i/o" in text:
        return StoreError(
            t(
                "De schijf gaf een lees- of schrijffout. Er is niets opgeslagen van deze opdracht; "
                "controleer de schijf en probeer het opnieuw.",
            )
        )
    if known_only:
        return None
    return StoreError(
        t(
            "Het logbestand gaf een fout ({kind}). Er is niets opgeslagen van deze opdracht.",
            kind=type(reason).__name__,
        )
    )


def disk_full() -> str:
    """The message for a full disk."""
    return t(
        "De schijf is vol. Er is niets opgeslagen van deze opdracht; maak ruimte vrij en probeer het "
        "opnieuw.",
    )
