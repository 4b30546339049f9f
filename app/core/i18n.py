"""Language for messages made outside Qt (store, importers, analysis texts, CLI).

The UI translates its own strings with Qt's tools; messages built below the UI use ``t(nl, en)``
and follow the language set here (Dutch by default).
"""

from __future__ import annotations

from app.core import config

_language: str | None = None


def set_language(lang: str) -> None:
    """Choose 'nl' or 'en' for messages from now on."""
    global _language
    _language = "en" if lang.lower().startswith("en") else "nl"


def current_language() -> str:
    """The language in force: the one set, else the environment's, else Dutch."""
    return _language or config.language()


def t(nl: str, en: str, /, **values: object) -> str:
    """The Dutch or English text, formatted with ``values``."""
    text = en if current_language() == "en" else nl
    return text.format(**values) if values else text
