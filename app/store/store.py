"""The Store: one SQLite file, opened with migrations applied, every write in one transaction.

Opening validates the file read-only first (``app.safety.integrity``): a damaged, foreign or newer
file is refused without a byte changed. An older schema is migrated after an automatic backup. The
file may be encrypted with SQLCipher (``sqlite+pysqlcipher``); the passphrase comes from the caller or
from ``FAIR_STRICTNESS_PASSPHRASE``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.core import config
from app.core.errors import StoreError
from app.core.i18n import current_language, t
from app.schema.entities import LadderStep, Meta, Rule
from app.store.choices import ChoicesMixin
from app.store.followups import FollowUpsMixin
from app.store.incidents import IncidentsMixin
from app.store.lessons import LessonsMixin
from app.store.praise import PraiseMixin
from app.store.reflections import ReflectionsMixin
from app.store.roster import RosterMixin
from app.store.rulebook import RulebookMixin
from app.store.tables import TablesMixin
from app.store.timetable import TimetableMixin

log = logging.getLogger(__name__)

#: files SQLite keeps beside the store in WAL mode
SIDE_SUFFIXES = ("-wal", "-shm")


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA trusted_schema=OFF")  # SQL stored in a file is never trusted with side effects
    cursor.close()


#: execution option of the write sessions: their transaction starts with BEGIN IMMEDIATE
WRITE_OPTION = "fair_strictness_write"


def _on_begin(conn: Connection) -> None:
    """A write transaction takes SQLite's write lock before its first read.

    pysqlite begins a transaction only at the first INSERT/UPDATE/DELETE, so a find-or-create (look for
    today's lesson, make it when there is none) read outside any lock: two processes logging at once
    both made a lesson. With BEGIN IMMEDIATE the second writer waits (busy_timeout) until the first has
    committed and then finds its lesson. Reads keep SQLite's own lazy transactions.
    """
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _short(exc: BaseException) -> str:
    """An error in a few words for the log: the store's own message, never SQL or values."""
    from app.core.db_errors import store_error_for

    problem = store_error_for(exc)
    return str(problem) if problem is not None else type(exc).__name__


def make_engine(path: Path, key: str | None = None) -> Engine:
    """An engine on the store file with WAL, foreign keys, full sync and secure delete.

    With a key (a passphrase, or the raw key derived from it) the file is opened through SQLCipher
    (``sqlite+pysqlcipher``), which sends ``PRAGMA key`` before anything else on every connection.
    """
    if key is None:
        url = URL.create("sqlite", database=str(path))
    else:
        from app.safety.integrity import sqlcipher_module

        sqlcipher_module()  # a clear message when the wheels are missing
        url = URL.create("sqlite+pysqlcipher", password=key, database=str(path))
    # hide_parameters: an error's text never holds the values of a statement (notes are private)
    engine = create_engine(
        url, poolclass=QueuePool, connect_args={"check_same_thread": False}, hide_parameters=True
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def private_create(path: Path) -> None:
    """Create the file readable by its owner only (0600), if it does not exist."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _remove_if_empty(path: Path) -> None:
    """Delete a store file (and its side files) that holds no data yet, after a failed creation."""
    with suppress(OSError):
        if path.stat().st_size == 0:
            for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
                with suppress(FileNotFoundError):
                    candidate.unlink()


def make_private(path: Path) -> None:
    """Restrict the store and its -wal/-shm files to their owner (0600), where they exist."""
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        with suppress(FileNotFoundError, PermissionError):
            if candidate.stat().st_mode & 0o077:
                os.chmod(candidate, 0o600)


def _counter(value: str | None) -> int:
    """The revision counter from the meta table; a mangled value (a file from elsewhere) counts as 0."""
    try:
        return max(0, int(value or "0"))
    except ValueError:
        return 0


def resolve_passphrase(passphrase: str | None) -> str | None:
    """The passphrase given, else the one in FAIR_STRICTNESS_PASSPHRASE, else None."""
    if passphrase is not None:
        return passphrase or None
    return os.environ.get(config.ENV_PASSPHRASE) or None


class Store(
    RosterMixin,
    RulebookMixin,
    LessonsMixin,
    IncidentsMixin,
    PraiseMixin,
    ReflectionsMixin,
    TablesMixin,
    TimetableMixin,
    FollowUpsMixin,
    ChoicesMixin,
):
    """The teacher's log on disk. Hands out plain records, never ORM objects."""

    def __init__(self, path: Path, engine: Engine, passphrase: str | None = None) -> None:
        self.path = path
        self.engine = engine
        #: the teacher's passphrase (None: a plain store); connections use a raw key derived from it
        self.passphrase = passphrase
        #: make an automatic backup when the store is closed
        self.auto_backup = True
        self._bind_sessions()

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        seed_defaults: bool = True,
        passphrase: str | None = None,
    ) -> Store:
        """Open (or create) the store at ``path``: validate, migrate (after a backup), seed defaults.

        A new store is created encrypted when a passphrase is given (or in FAIR_STRICTNESS_PASSPHRASE).
        """
        from app.safety.file_access import ensure_writable
        from app.safety.integrity import check_store

        db_path = Path(path).expanduser() if path else config.default_db_path()
        key = resolve_passphrase(passphrase)
        ensure_writable(db_path)
        check = check_store(db_path, key)
        encrypted = check.encrypted or (check.kind == "new" and key is not None)
        try:
            db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            private_create(db_path)
        except OSError as exc:
            raise StoreError(
                t(
                    "Kan het bestand {path} niet aanmaken: {err}",
                    path=db_path,
                    err=exc.strerror,
                )
            ) from exc
        from app.schema.migrate import known_revisions, upgrade

        _known, head = known_revisions()
        if check.revision is not None and check.revision != head:
            from app.safety.backup import safety_backup

            safety_backup(db_path, key if encrypted else None, "voor-update")
        engine = make_engine(db_path, (check.key or key) if encrypted else None)
        try:
            upgrade(engine, db_path)
        except BaseException:
            engine.dispose()
            if check.kind == "new":  # a file this call created: never leave an empty one behind
                _remove_if_empty(db_path)
            raise
        make_private(db_path)
        store = cls(db_path, engine, key if encrypted else None)
        if seed_defaults:
            store.seed_defaults()
        if encrypted:
            store.seal_backups()
        return store

    def seal_backups(self) -> None:
        """Finish a conversion a crash interrupted: no readable backup, none under an old passphrase."""
        from app.safety.crypto import seal_backups

        try:
            result = seal_backups(self)
        except (OSError, StoreError) as exc:
            log.warning("could not secure the backups: %s", exc)
            return
        if result.converted or result.removed:
            log.warning(
                "backups secured: %d encrypted, %d deleted", len(result.converted), len(result.removed)
            )

    def _bind_sessions(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: sessions of write transactions: BEGIN IMMEDIATE, so concurrent writers take turns
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def encrypted(self) -> bool:
        """True when the store is protected with a passphrase (SQLCipher)."""
        return self.passphrase is not None

    def rebind(self, passphrase: str | None) -> None:
        """Reopen the same file (after it was replaced, encrypted or re-keyed) in this object."""
        from app.safety.integrity import check_store

        self.engine.dispose()
        key = check_store(self.path, passphrase).key if passphrase is not None else None
        self.passphrase = passphrase
        self.engine = make_engine(self.path, key or passphrase)
        self._bind_sessions()
        make_private(self.path)

    def checkpoint(self) -> None:
        """Move the WAL into the store file and truncate the WAL to zero bytes."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Make the automatic backup (at most one a day), checkpoint the WAL and release the file."""
        try:
            if self.auto_backup:
                from app.safety.backup import auto_backup

                try:
                    auto_backup(self)
                except Exception as exc:  # a full disk: everything is committed, only the copy failed
                    log.warning("automatic backup failed: %s", _short(exc))
            try:
                self.checkpoint()
            except Exception as exc:  # the WAL keeps what was committed; SQLite moves it in next time
                log.warning("checkpoint failed: %s", _short(exc))
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back on any error; bumps the revision.

        It holds SQLite's write lock from its start (BEGIN IMMEDIATE): what it reads cannot change before
        it commits, so a find-or-create inside it is safe against another process doing the same.
        """
        try:
            with self._write_sessions.begin() as session:
                yield session
                self._bump_revision(session)
        except DBAPIError as exc:  # a full disk or a damaged file: rolled back, said in words
            from app.core.db_errors import store_error_for

            problem = store_error_for(exc, known_only=True)
            if problem is None:
                raise
            raise problem from None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session."""
        with self._sessions() as session:
            yield session

    @staticmethod
    def _bump_revision(session: Session) -> None:
        row = session.get(Meta, "revision")
        if row is None:
            session.add(Meta(key="revision", value="1"))
        else:
            row.value = str(_counter(row.value) + 1)

    @property
    def revision(self) -> int:
        """A counter that grows with every write: results can be cached per revision."""
        with self.reading() as session:
            row = session.get(Meta, "revision")
            return _counter(row.value) if row is not None else 0

    def meta(self, key: str, default: str = "") -> str:
        """A value from the store's own key/value table."""
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row is not None else default

    def set_meta(self, key: str, value: str, *, bump_revision: bool = True) -> None:
        """Set a value in the store's own key/value table (one transaction).

        ``bump_revision=False`` for bookkeeping that is not a change of the teacher's data.
        """
        with self._write_sessions.begin() as session:
            row = session.get(Meta, key)
            if row is None:
                session.add(Meta(key=key, value=value))
            else:
                row.value = value
            if bump_revision:
                self._bump_revision(session)

    def seed_defaults(self) -> None:
        """Put the default ladder and rules from resources/ in an empty store (no write otherwise).

        Their names are in the language in force when the store is made (a store made in English gets
        English rules and ladder); renaming them later is the teacher's, in Set-up.
        """
        with self.reading() as session:
            has_ladder = session.scalar(select(func.count()).select_from(LadderStep))
            has_rules = session.scalar(select(func.count()).select_from(Rule))
        if has_ladder and has_rules:
            return
        with self.transaction() as session:
            has_ladder = session.scalar(select(func.count()).select_from(LadderStep))
            has_rules = session.scalar(select(func.count()).select_from(Rule))
            if has_ladder and has_rules:
                return
            defaults = json.loads((config.RESOURCES / "defaults.json").read_text(encoding="utf-8"))
            name = "name_en" if current_language() == "en" else "name"
            if not has_ladder:
                for step in defaults["ladder"]:
                    session.add(LadderStep(level=step["level"], name=step[name], kind=step["kind"]))
            if not has_rules:
                for position, rule in enumerate(defaults["rules"], start=1):
                    session.add(
                        Rule(
                            name=rule[name],
                            category=rule["category"],
                            start_step=rule["start_step"],
                            position=position,
                        )
                    )
