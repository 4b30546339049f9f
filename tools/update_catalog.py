"""Refresh the gettext catalog of the texts made outside Qt widgets (Babel's extractor, update, compile).

Source texts are Dutch. ``resources/locale/fair_strictness.pot`` is extracted from ``app/`` (markers:
``t``, ``nt`` (singular, plural), ``_t`` (second argument), ``N_``); each language's
``resources/locale/<lang>/LC_MESSAGES/fair_strictness.po`` is updated from it (new texts get an empty
translation, vanished ones are dropped) and compiled to ``.mo``, which the app reads.

    python tools/update_catalog.py           # extract, update, compile
    python tools/update_catalog.py --check   # exit 1 when a text has no translation or the .mo is stale

The texts use ``str.format`` placeholders (``{name}``), never ``%``: Babel's python-format flag (which
it sets for headers like "% strenger") is removed, and the placeholders are checked instead.
See docs/translating.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import warnings
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "fair_strictness"
POT = LOCALE / f"{DOMAIN}.pot"
KEYWORDS = {"t": None, "N_": None, "nt": (1, 2), "_t": (2,)}
LANGUAGES = ("en",)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
#: fixed header dates, so that an unchanged catalog is byte for byte the same file
_STAMP = datetime(2026, 1, 1, tzinfo=UTC)
_HEADER = "# {lang} for the texts fair-strictness makes outside Qt widgets (source language: Dutch).\n#"


def _catalog(lang: str | None) -> Catalog:
    catalog = Catalog(
        locale=lang,
        domain=DOMAIN,
        project="fair-strictness",
        version="",
        fuzzy=False,
        creation_date=_STAMP,
        revision_date=_STAMP,
        header_comment=_HEADER.format(lang=lang or "Template"),
    )
    return catalog


def extract() -> Catalog:
    """Every marked text in app/, as a template."""
    template = _catalog(None)
    with warnings.catch_warnings():  # f-strings given as values (not texts) are no concern here
        warnings.simplefilter("ignore")
        found = list(
            extract_from_dir(
                ROOT / "app",
                method_map=[("**.py", "python")],
                keywords=KEYWORDS,
                comment_tags=("Translators:",),
            )
        )
    for filename, _lineno, message, _comments, _context in found:
        template.add(message, None, [(f"app/{filename}", 0)])
    for message in template:
        message.flags.discard("python-format")
    return template


def update(template: Catalog, lang: str) -> Catalog:
    """The language's catalog brought up to the template (kept translations, empty new ones)."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    old = read_po(path.open("rb"), locale=lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
    new = _catalog(lang)
    for message in template:
        if not message.id:
            continue
        known = old.get(message.id)
        new.add(message.id, known.string if known is not None else ("", "") if message.pluralizable else "")
    return new


def problems(catalog: Catalog) -> list[str]:
    """Texts without a translation, or whose placeholders differ from the Dutch."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            out.append(f"untranslated: {ids[0]!r}")
        elif {p for i in ids for p in _PLACEHOLDER.findall(i)} - {"{n}"} != {
            p for s in strings for p in _PLACEHOLDER.findall(s)
        } - {"{n}"}:
            out.append(f"placeholders differ: {ids[0]!r}")
    return out


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=110, sort_output=True, no_location=True, omit_header=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when something is off")
    args = parser.parse_args(argv)
    template = extract()
    status = 0
    for lang in LANGUAGES:
        catalog = update(template, lang)
        folder = LOCALE / lang / "LC_MESSAGES"
        po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
        found = problems(catalog)
        for problem in found:
            print(f"{lang}: {problem}", file=sys.stderr)
        if args.check:
            stale = not po.exists() or po.read_bytes() != _po_bytes(catalog)
            stale = stale or not mo.exists() or mo.read_bytes() != _mo_bytes(catalog)
            if stale:
                print(f"{lang}: the catalog is not up to date: run `make translations`", file=sys.stderr)
            status = status or int(bool(found) or stale)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        po.write_bytes(_po_bytes(catalog))
        mo.write_bytes(_mo_bytes(catalog))
        print(f"{lang}: {len(catalog)} texts, {len(found)} to translate in {po.relative_to(ROOT)}")
    if not args.check:
        POT.write_bytes(_po_bytes(template))
    return status


if __name__ == "__main__":
    sys.exit(main())
