"""The Store: one SQLite file, opened with migrations applied, every write in one transaction."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.errors import StoreError
from app.i18n import t
from app.models.entities import LadderStep, Meta, Rule
from app.models.logbook import LogbookMixin
from app.models.roster import RosterMixin
from app.models.rulebook import RulebookMixin
from app.models.tables import TablesMixin


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file with WAL, foreign keys and full sync on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def _touch_private(path: Path) -> None:
    """Create the file readable by its owner only (0600), if it does not exist."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


class Store(RosterMixin, RulebookMixin, LogbookMixin, TablesMixin):
    """The teacher's log on disk. Hands out plain records, never ORM objects."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str | None = None, *, seed_defaults: bool = True) -> Store:
        """Open (or create) the store at ``path``, apply migrations and seed the default ladder/rules."""
        db_path = Path(path).expanduser() if path else config.default_db_path()
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _touch_private(db_path)
        except OSError as exc:
            raise StoreError(
                t(
                    "Kan het bestand {path} niet aanmaken: {err}",
                    "Cannot create the file {path}: {err}",
                    path=db_path,
                    err=exc.strerror,
                )
            ) from exc
        engine = make_engine(db_path)
        from app.models.migrate import upgrade

        upgrade(engine, db_path)
        store = cls(db_path, engine)
        if seed_defaults:
            store.seed_defaults()
        return store

    def close(self) -> None:
        """Checkpoint the WAL and release the file."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back on any error; bumps the revision."""
        with self._sessions.begin() as session:
            yield session
            self._bump_revision(session)

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
            row.value = str(int(row.value or "0") + 1)

    @property
    def revision(self) -> int:
        """A counter that grows with every write: results can be cached per revision."""
        with self.reading() as session:
            row = session.get(Meta, "revision")
            return int(row.value) if row is not None else 0

    def seed_defaults(self) -> None:
        """Put the default ladder and rules from resources/ in an empty store."""
        with self.transaction() as session:
            has_ladder = session.scalar(select(func.count()).select_from(LadderStep))
            has_rules = session.scalar(select(func.count()).select_from(Rule))
            if has_ladder and has_rules:
                return
            defaults = json.loads((config.RESOURCES / "defaults.json").read_text(encoding="utf-8"))
            if not has_ladder:
                for step in defaults["ladder"]:
                    session.add(LadderStep(level=step["level"], name=step["name"], kind=step["kind"]))
            if not has_rules:
                for position, rule in enumerate(defaults["rules"], start=1):
                    session.add(
                        Rule(
                            name=rule["name"],
                            category=rule["category"],
                            start_step=rule["start_step"],
                            position=position,
                        )
                    )
