"""Language for messages made outside Qt (store, importers, analysis texts, team export, CLI).

Source texts are Dutch. The English is in a gettext catalog,
``resources/locale/en/LC_MESSAGES/fair_strictness.po`` (compiled to ``.mo``), extracted from the code
with Babel's standard tools (``make translations``; see docs/translating.md). A text is marked by being
the first argument of ``t``, ``nt`` or ``translate``-free ``N_`` (a fixed word in a table, named where
it is defined and translated where it is shown). A third language is a new catalog, not a code change.
Qt widgets translate their own strings with Qt's tools (``tr()`` and the ``.ts`` files).
"""

from __future__ import annotations

import gettext
from functools import cache

from app.core import config

DOMAIN = "fair_strictness"
LOCALE_DIR = config.RESOURCES / "locale"
#: the languages the app speaks; Dutch is the source language
LANGUAGES = ("nl", "en")

_language: str | None = None


def set_language(lang: str) -> None:
    """Choose 'nl' or 'en' for messages from now on."""
    global _language
    _language = "en" if lang.lower().startswith("en") else "nl"


def current_language() -> str:
    """The language in force: the one set, else the environment's, else Dutch."""
    return _language or config.language()


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The translations into ``lang`` (Dutch, the source language, needs none)."""
    if lang == "nl":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def translate(text: str, lang: str | None = None) -> str:
    """``text`` (Dutch) in ``lang`` (default: the language in force); unchanged when not translated."""
    return catalog(lang or current_language()).gettext(text)


def t(text: str, /, **values: object) -> str:
    """The Dutch ``text`` in the language in force, formatted with ``values``."""
    out = translate(text)
    return out.format(**values) if values else out


def nt(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Singular or plural by ``n`` (as the language counts), formatted with ``n`` and ``values``."""
    out = catalog(current_language()).ngettext(singular, plural, n)
    return out.format(n=n, **values)


def N_(text: str) -> str:
    """Mark a fixed Dutch word for the catalog where it is defined; ``translate`` it where shown."""
    return text
