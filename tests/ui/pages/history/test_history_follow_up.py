"""Issue 16 item 1 in History: a selected consequence gets 'Leerling gesproken' and 'Ouders geïnformeerd',
with the same order rule and reason dialog as the Log page; a warning, praise or several lines get none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.store.store import Store
from app.ui.context import AppContext
from tests.ui.pages.history import test_history_page as history_tests
from tests.ui.pages.history.test_history_page import _page

ctx = pytest.fixture(history_tests.ctx.__wrapped__, name="ctx")  # type: ignore[attr-defined]  # the same fixtures
logged = pytest.fixture(history_tests.logged.__wrapped__, name="logged")  # type: ignore[attr-defined]


def test_a_consequence_is_followed_up_from_history(  # type: ignore[no-untyped-def]
    qtbot,
    ctx: AppContext,
    store: Store,
    logged: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, ctx)
    actions = page.follow_up
    page.select_line("incident", logged["b"])  # step 3: a consequence
    assert actions.isVisible() and "leerling nog niet gesproken" in actions.status.text()
    # the parents first: the same question as on the Log page; cancelled, nothing changes
    asked: list[str] = []

    def cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[1])
        return ("", False)

    monkeypatch.setattr(QInputDialog, "getText", cancel)
    actions.parents.menu().actions()[0].trigger()
    assert asked == ["Ouders vóór de leerling"]
    assert store.follow_up(logged["b"]).parents_at is None  # type: ignore[union-attr]
    assert "eerst met de leerling" in page.message.message()
    # with a reason (urgent safety) it is stored, with the reason
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("veiligheid", True))
    actions.parents.menu().actions()[3].trigger()  # persoonlijk
    info = store.follow_up(logged["b"])
    assert info is not None and info.parents_how == "in_person" and info.parents_first_reason == "veiligheid"
    qtbot.mouseClick(actions.told, Qt.MouseButton.LeftButton)
    info = store.follow_up(logged["b"])
    assert info is not None and info.done
    qtbot.waitUntil(lambda: "ouders geïnformeerd (persoonlijk)" in actions.status.text())
    assert not actions.told.isEnabled() and not actions.parents.isEnabled()


def test_the_student_first_then_the_parents_without_a_question(  # type: ignore[no-untyped-def]
    qtbot,
    ctx: AppContext,
    store: Store,
    logged: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["b"])
    qtbot.mouseClick(page.follow_up.told, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("no question after the student"))
    page.follow_up.parents.menu().actions()[1].trigger()
    info = store.follow_up(logged["b"])
    assert info is not None and info.parents_how == "email" and info.parents_first_reason == ""


def test_no_actions_for_a_warning_praise_or_several_lines(  # type: ignore[no-untyped-def]
    qtbot,
    ctx: AppContext,
    logged: dict[str, int],
) -> None:
    page = _page(qtbot, ctx)
    page.select_line("incident", logged["a"])  # a warning
    assert not page.follow_up.isVisible()
    page.select_line("praise", logged["praise"])
    assert not page.follow_up.isVisible()
    page.select_line("incident", logged["b"])
    assert page.follow_up.isVisible()
    page.table.selectAll()
    assert not page.follow_up.isVisible()
