"""Alembic migrations applied on open (batch mode for SQLite)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from app.errors import StoreError
from app.i18n import t

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An alembic configuration pointing at the package's migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, db_path: Path) -> None:
    """Bring the store's schema to the newest version, in one transaction."""
    cfg = alembic_config()
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except DatabaseError as exc:
        raise StoreError(
            t(
                "{path} is geen leesbaar fair-strictness-bestand (beschadigd of van een ander programma).",
                "{path} is not a readable fair-strictness file (damaged or from another program).",
                path=db_path,
            )
        ) from exc
