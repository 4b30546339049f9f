"""The gettext catalog of the texts outside Qt widgets: complete in English, up to date, and used."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from app.core.i18n import nt, set_language, t, translate

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_catalog", ROOT / "tools" / "update_catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_text_has_english_and_the_compiled_catalog_is_up_to_date() -> None:
    tool = _tool()
    catalog = tool.update(tool.extract(), "en")
    assert tool.problems(catalog) == []
    assert tool.main(["--check"]) == 0, "run `make translations`"


def test_a_missing_translation_is_found() -> None:
    tool = _tool()
    catalog = tool.update(tool.extract(), "en")
    catalog.add("een tekst die nog niemand vertaalde {x}", "")
    catalog.add("met een plaats {a}", "with a place {b}")
    assert tool.problems(catalog) == [
        "untranslated: 'een tekst die nog niemand vertaalde {x}'",
        "placeholders differ: 'met een plaats {a}'",
    ]


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    set_language("en")
    yield
    set_language("nl")


def test_texts_words_and_plurals_follow_the_language(english: None) -> None:
    assert t("Back-up gemaakt: {path}", path="x.db") == "Backup written: x.db"
    assert translate("vrijdag") == "Friday" and translate("vrijdag", "nl") == "vrijdag"
    assert nt("{n} les", "{n} lessen", 1) == "1 lesson"
    assert nt("{n} les", "{n} lessen", 3) == "3 lessons"
    set_language("nl")
    assert nt("{n} les", "{n} lessen", 3) == "3 lessen"
