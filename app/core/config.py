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


#: environment variables that name the user's language, strongest first (POSIX order, ours in front)
LANGUAGE_VARIABLES = (ENV_LANG, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_code(name: str) -> str | None:
    """'nl' or 'en' for a locale name ('nl_BE.UTF-8', 'en-GB', 'Dutch_Netherlands'), else None."""
    name = name.strip().lower()
    if name.startswith(("nl", "dutch")):
        return "nl"
    if name.startswith(("en", "english")):
        return "en"
    return None


def language_from_environment() -> str | None:
    """The language the environment names: the first of ``LANGUAGE_VARIABLES`` that is set decides.

    None when none is set or the one set names neither Dutch nor English (``C.UTF-8``, ``de_DE``): then
    the window asks the operating system (``QLocale.system()``), the command line Python's locale.
    """
    for variable in LANGUAGE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return language_code(value.split(":")[0])  # LANGUAGE may be a list: "nl:en"
    return None


def system_language() -> str | None:
    """'nl' or 'en' from Python's view of the system locale (Windows: the user's locale), else None."""
    import locale

    try:  # the raw setting: getlocale() would "normalise" C.UTF-8 into en_US
        name = locale.setlocale(locale.LC_CTYPE)
    except locale.Error:
        return None
    return language_code(name)


def language() -> str:
    """The language for text made outside Qt: the environment's, else the system locale's, else Dutch."""
    return language_from_environment() or system_language() or "nl"


#: where the documentation is, beside ``resources`` (the bundle ships docs/privacy.md there too)
DOCS = RESOURCES.parent / "docs"
