"""Set-up tab 'Taal': the choice is stored in QSettings and announced; the page offers the data tab."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.language_tab import LANGUAGE_KEY, stored_language
from app.ui.pages.setup.page import SetupPage
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    return make_ctx(store, tmp_path)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SetupPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, ctx)


def test_language_choice_is_stored(qtbot, page: SetupPage, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    tab = page.language_tab
    assert tab.buttons["nl"].isChecked()
    with qtbot.waitSignal(ctx.events.language_changed) as blocker:
        tab.buttons["en"].click()
    assert blocker.args == ["en"]
    assert ctx.settings.value(LANGUAGE_KEY) == "en"
    assert stored_language(ctx) == "en"
    assert "opnieuw" in tab.message.message()
    tab.buttons["nl"].click()
    assert ctx.settings.value(LANGUAGE_KEY) == "nl"
    assert "nu draait" in tab.message.message()


def test_language_tab_shows_the_stored_choice_and_a_locale_date(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx.settings.setValue(LANGUAGE_KEY, "en")
    page = SetupPage(ctx)
    qtbot.addWidget(page)
    assert page.language_tab.buttons["en"].isChecked()
    assert "vandaag is" in page.language_tab.dates.text()


def test_tabs_include_the_data_panel(qtbot, page: SetupPage) -> None:  # type: ignore[no-untyped-def]
    titles = [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())]
    assert titles == [
        "Klassen en leerlingen",
        "Afspraken en ladder",
        "Rooster en beltijden",
        "Taal",
        "Gegevens en privacy",
    ]
    assert page.data_panel is not None


def test_page_refreshes_when_another_page_writes(qtbot, page: SetupPage, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ctx.store.add_class("4D")
    ctx.changed()
    texts = [
        page.classes_tab.classes.list.item(i).text() for i in range(page.classes_tab.classes.list.count())
    ]
    assert any(t.startswith("4D") for t in texts)


def test_fits_a_full_hd_screen_at_150_percent(qtbot, page: SetupPage) -> None:  # type: ignore[no-untyped-def]
    """1920×1080 at 150 % leaves 1280×720 logical pixels; the navigation takes 170 of the width."""
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        hint = page.minimumSizeHint()
        assert hint.width() <= 1280 - 170 - 20, page.tabs.tabText(index)
        assert hint.height() <= 720 - 60, page.tabs.tabText(index)
