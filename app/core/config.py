"""Paths, environment variables and language: every option declared once."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "fair-strictness"
APP_AUTHOR = "fair-strictness"
ENV_DB = "FAIR_STRICTNESS_DB"
ENV_PASSPHRASE = "FAIR_STRICTNESS_PASSPHRASE"
ENV_LANG = "FAIR_STRICTNESS_LANG"
DB_FILENAME = "fair-strictness.db"
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
if not RESOURCES.exists():  # installed without the source tree
    RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def data_dir() -> Path:
    """The user's data directory for this app (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """The store location: FAIR_STRICTNESS_DB, or the user's data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    """Where automatic backups of a store are kept: a folder beside it."""
    return db_path.parent / "backups"


def language() -> str:
    """The interface language: 'nl' (default) or 'en', from FAIR_STRICTNESS_LANG or LANG."""
    lang = (
        os.environ.get(ENV_LANG)
        or os.environ.get("LC_ALL")
        or os.environ.get("LC_MESSAGES")
        or os.environ.get("LANG")
        or ""
    )
    if lang.lower().startswith("en"):
        return "en"
    if lang.lower().startswith("nl"):
        return "nl"
    return "nl"
