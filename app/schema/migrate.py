"""Alembic migrations applied on open (batch mode for SQLite).

Opening an up-to-date store must be fast (it is on the start-up path), so the stored revision is
compared with the newest one first, read from the migration files without importing alembic;
alembic itself is loaded only when there is something to migrate.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from app.core.errors import StoreError
from app.core.i18n import t

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def alembic_config() -> Config:
    """An alembic configuration pointing at the package's migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """All revisions of this version of the app, and the newest (head), read from the files."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if match := _REVISION.search(text):
            revisions.add(match.group(1))
        if match := _DOWN.search(text):
            parents.add(match.group(1))
    heads = sorted(revisions - parents)
    return frozenset(revisions), heads[-1] if heads else ""


def current_revision(engine: Engine) -> str | None:
    """The store's alembic revision, or None for a new (empty) store."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, db_path: Path) -> None:
    """Bring the store's schema to the newest version, in one transaction."""
    try:
        current = current_revision(engine)
        _, head = known_revisions()
        if current == head:
            return
        from alembic import command

        cfg = alembic_config()
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except DatabaseError as exc:
        raise StoreError(
            t(
                "{path} is geen leesbaar fair-strictness-bestand (beschadigd of van een ander programma).",
                path=db_path,
            )
        ) from exc
