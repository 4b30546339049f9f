"""Dutch and English through Qt's own tools: the .ts is complete, the .qm loads, pages follow the language."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.core import config
from app.core.i18n import set_language
from app.store.store import Store
from app.ui.app import install_translators
from app.ui.context import AppContext
from app.ui.main_window import MainWindow, available_pages
from app.ui.workers import SyncTaskRunner

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n_scan  # noqa: E402
import update_translations as ut  # noqa: E402

EN_TS = config.RESOURCES / "i18n" / "fair_strictness_en.ts"
EN_QM = config.RESOURCES / "i18n" / "fair_strictness_en.qm"
NL_QM = config.RESOURCES / "i18n" / "fair_strictness_nl.qm"
#: modules whose owners have finished them: every string there must be in the .ts, none may bypass tr()
FINISHED = ("app/ui/main_window.py", "app/ui/pages/log/")


def _ts_entries(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], None]]:  # type: ignore[no-untyped-def]
    """Switch the running application to a language the way start-up does; undone afterwards."""
    installed: list[object] = []
    default = QLocale()

    def use(lang: str) -> None:
        for old in installed:
            qapp.removeTranslator(old)
        installed.clear()
        set_language(lang)
        installed.extend(install_translators(qapp, lang))

    yield use
    for old in installed:
        qapp.removeTranslator(old)
    QLocale.setDefault(default)


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    return AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)


def visible_texts(widget: QWidget) -> set[str]:
    """Every text a user sees or hears on a widget tree: labels, buttons, titles, tabs, headers, tips."""
    texts: set[str] = set()
    for w in [widget, *widget.findChildren(QWidget)]:
        texts.update({w.toolTip(), w.accessibleName(), w.accessibleDescription()})
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.add(w.text())
        if isinstance(w, QGroupBox):
            texts.add(w.title())
        if isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        if isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QListWidget):
            texts.update(w.item(i).text() for i in range(w.count()))
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            texts.update(
                str(w.model().headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())
            )
    return {t for t in texts if t}


def _window(qtbot, ctx: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_compiled_files_load_and_translate(qapp) -> None:  # type: ignore[no-untyped-def]
    en = QTranslator()
    assert en.load(str(EN_QM))
    assert en.translate("MainWindow", "Loggen") == "Log"
    assert en.translate("LessonBar", "Hoe voelde de les?") == "How did the lesson feel?"
    nl = QTranslator()
    assert nl.load(str(NL_QM))
    assert nl.translate("BlindSpotCard", "Toon de incidenten (%n)", "", 1) == "Toon het incident (%n)"
    assert nl.translate("BlindSpotCard", "Toon de incidenten (%n)", "", 4) == "Toon de incidenten (%n)"


def test_no_unfinished_or_mismatched_entries() -> None:
    text = EN_TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert ut.problems(EN_TS) == []
    assert ut.problems(ut.NL_TS) == []
    assert len(_ts_entries(EN_TS)) > 400


def test_the_check_catches_a_lost_placeholder_and_shortcut(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en_GB"><context><name>C</name>'
        "<message><source>Klas {name} toegevoegd.</source><translation>Class added.</translation></message>"
        "<message><source>&amp;Klas</source><translation>Class</translation></message>"
        '<message><source>Nog niet</source><translation type="unfinished"></translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    reasons = sorted(p.reason.split(" ")[0] for p in ut.problems(broken))
    assert reasons == ["'&'", "placeholders", "unfinished"]


def test_finished_pages_have_every_string_in_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    ut.run_lupdate(fresh)
    committed = _ts_entries(EN_TS)
    missing = [
        key
        for key, msg in _ts_entries(fresh).items()
        if key not in committed
        and any(
            loc.get("filename", "").replace("../", "").startswith(FINISHED) for loc in msg.iter("location")
        )
    ]
    assert missing == [], "run `make translations` and translate these"


def test_wrapper_strings_reach_the_ts() -> None:
    """Strings passed through a module's own ``_tr`` helper are extracted with that helper's context."""
    entries = _ts_entries(EN_TS)
    assert ("LessonBar", "Hoe voelde de les?") in entries
    assert ("MainWindow", "Navigatie") in entries
    assert ("FeedbackBar", "Ongedaan maken") in entries
    assert ("PreviewPanel", "Teamoverzicht") in entries  # self.tr inside an f-string


def test_the_scan_finds_strings_lupdate_cannot_read() -> None:
    source = (
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Bar', text)\n"
        "class Page:\n"
        "    def f(self):\n"
        "        label = _tr('Klas')\n"
        "        html = f'<h2>{self.tr(\"Overzicht\")}</h2>'\n"
    )
    found = {(m.context, m.text, m.line) for m in i18n_scan.wrapper_messages(source)}
    found |= {(m.context, m.text, m.line) for m in i18n_scan.fstring_messages(source)}
    assert found == {("Bar", "Klas", 5), ("Page", "Overzicht", 6)}


def test_finished_pages_pass_every_visible_string_through_tr() -> None:
    found = [
        b
        for path in sorted((ROOT / "app" / "ui").rglob("*.py"))
        if path.relative_to(ROOT).as_posix().startswith(FINISHED)
        for b in i18n_scan.bypasses(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    ]
    assert found == []


def test_the_scan_finds_literal_and_formatted_bypasses() -> None:
    source = (
        "def f(self):\n"
        "    QLabel('Klas kiezen')\n"
        '    self.button.setToolTip("Sla dit op")\n'
        "    self.tr(f'Hallo {x}')\n"
        "    self.box.addItem(self.tr('Alles'), 'all')\n"
        "    self.message.show_message(self.tr('Klaar'), 'ok')\n"
    )
    assert [(b.line, b.call) for b in i18n_scan.bypasses(source)] == [
        (2, "QLabel"),
        (3, "setToolTip"),
        (4, "tr(f-string)"),
    ]


def test_navigation_follows_the_language(qtbot, ctx: AppContext, language) -> None:  # type: ignore[no-untyped-def]
    titles = {
        "log": "Log",
        "history": "History",
        "reflection": "Reflection",
        "team": "Team",
        "setup": "Set-up",
    }
    language("en")
    window = _window(qtbot, ctx)
    shown = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert shown == [titles[key] for key, *_ in available_pages()]
    assert window.windowTitle() == "Fair strictness"
    assert window.nav.accessibleName() == "Navigation"

    language("nl")
    window = _window(qtbot, ctx)
    shown = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert shown == [title for *_, title in available_pages()]
    assert window.windowTitle() == "Rechtvaardige strengheid"


#: per page: (English texts, Dutch texts) that must be visible on it
PAGE_TEXTS = {
    "log": ({"Find &student", "★ Praise (P)", "How did the lesson feel?", "&Class"}, {"&Leerling zoeken"}),
    "history": ({"When", "Rule", "Clear filters", "All classes"}, {"Wanneer", "Filters wissen"}),
    "reflection": ({"Students", "Moments", "Trend"}, {"Leerlingen", "Verloop"}),
    "team": ({"Make preview", "Share my overview", "Team comparison"}, {"Voorbeeld maken"}),
    "setup": ({"&Classes and students", "&Rules and ladder", "&Language"}, {"&Taal"}),
}


@pytest.mark.parametrize("key", [p[0] for p in available_pages()])
def test_each_page_shows_english_or_dutch(qtbot, ctx: AppContext, language, key: str) -> None:  # type: ignore[no-untyped-def]
    english, dutch = PAGE_TEXTS[key]
    language("en")
    page = _window(qtbot, ctx).page(key)
    shown = visible_texts(page)
    assert english <= shown, english - shown
    assert not dutch & shown

    language("nl")
    page = _window(qtbot, ctx).page(key)
    shown = visible_texts(page)
    assert dutch <= shown, dutch - shown
    assert not english & shown


def test_log_page_in_english_shows_no_dutch_source_string(qtbot, ctx: AppContext, language) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    store.add_student("1", "Zoë de Vries", "2A")
    language("en")
    window = _window(qtbot, ctx)
    dutch = {
        source
        for (_, source), msg in _ts_entries(EN_TS).items()
        if msg.findtext("translation") not in (None, source)
    }
    leftovers = visible_texts(window.page("log")) & dutch
    leftovers |= {window.nav.item(i).text() for i in range(window.nav.count())} & dutch
    assert leftovers == set()


def test_dates_follow_the_locale(qtbot, ctx: AppContext, language) -> None:  # type: ignore[no-untyped-def]
    from app.ui.widgets.table_models import locale_datetime

    zoe = ctx.store.add_student("1", "Zoë de Vries", "2A")
    rule = ctx.store.rules()[0]
    when = datetime(2026, 3, 5, 9, 15)
    ctx.store.log_incident(zoe.id, rule.id, 1, occurred_at=when)

    language("en")
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert locale_datetime(when) == english.toString(QDateTime(when), QLocale.FormatType.ShortFormat)
    page = _window(qtbot, ctx).page("history")
    page.activated()
    shown = visible_texts(page) | {
        str(page.proxy.data(page.proxy.index(r, c)) or "")
        for r in range(page.proxy.rowCount())
        for c in range(page.proxy.columnCount())
    }
    assert "05/03/2026 09:15" in shown  # day first, as in the UK
    today = english.toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
    assert any(today in t for t in visible_texts(_window(qtbot, ctx).page("setup")))

    language("nl")
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    assert locale_datetime(when) == dutch.toString(QDateTime(when), QLocale.FormatType.ShortFormat)
    assert "05-03-2026 09:15" in locale_datetime(when)
    assert QCoreApplication.translate("MainWindow", "Loggen") == "Loggen"
