"""Issue 16 on the Log page: a consequence puts a follow-up on the 'nog te doen' list; one click marks it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QToolButton

from app.store.store import Store
from tests.ui.pages.log.test_log_page import make_page, press


@pytest.fixture
def students(store: Store) -> dict[str, int]:
    return {
        "daan": store.add_student("1", "Daan Bakker", "2B").id,
        "sem": store.add_student("2", "Sem van den Berg", "2B").id,
    }


def test_a_consequence_saved_by_keyboard_lands_on_the_list_and_the_focus_stays(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    page = make_page(qtbot, store, tmp_path)
    assert not page.followups.isVisible()  # nothing open: no list
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_3)  # step 3: a time-out, a consequence
    press(qtbot, Qt.Key.Key_Return)
    assert page.followups.isVisible()
    (row,) = page.followups.findChildren(QLabel, "followup_label")
    assert row.text().startswith("Daan Bakker (2B) · ")
    assert page.picker.search.hasFocus()  # the list never takes the keyboard


def test_a_warning_leaves_the_list_as_it_is_and_a_consequence_adds_a_row(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    store.log_incident(students["sem"], store.rules()[0].id, 4)
    page = make_page(qtbot, store, tmp_path)
    (before,) = page.followups.findChildren(QLabel, "followup_label")
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)  # the agreed first warning: nothing to follow up
    assert page.followups.findChildren(QLabel, "followup_label") == [before]  # not rebuilt
    qtbot.keyClicks(page.picker.search, "daan")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_Return)
    rows = page.followups.findChildren(QLabel, "followup_label")
    assert len(rows) == 2 and any(r.text().startswith("Daan Bakker") for r in rows)


def test_the_student_first_then_the_parents_in_one_click_each(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged = store.log_incident(students["sem"], store.rules()[0].id, 4)
    page = make_page(qtbot, store, tmp_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    page.followups.findChild(QToolButton, "parents_informed").menu().actions()[0].trigger()
    assert store.follow_up(logged.id).parents_at is None  # type: ignore[union-attr]
    assert "eerst met de leerling" in page.followups.message.message()
    page.followups.findChild(QPushButton, "student_told").click()
    assert store.follow_up(logged.id).student_told_at is not None  # type: ignore[union-attr]
    page.followups.findChild(QToolButton, "parents_informed").menu().actions()[1].trigger()  # e-mail
    done = store.follow_up(logged.id)
    assert done is not None and done.parents_how == "email" and done.done
    assert not page.followups.isVisible()


def test_an_old_follow_up_is_highlighted(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    old = datetime.now() - timedelta(days=10)
    store.log_incident(students["daan"], store.rules()[0].id, 3, occurred_at=old)
    page = make_page(qtbot, store, tmp_path)
    late = page.followups.findChildren(QLabel, "followup_late")
    assert len(late) == 1 and "Daan Bakker" in late[0].text()
    page.followups.ctx.settings.setValue("followup/days", 30)
    page.followups.refresh()
    assert page.followups.findChildren(QLabel, "followup_late") == []


def test_a_drafted_text_for_the_parents_to_copy(  # type: ignore[no-untyped-def]
    qtbot, store: Store, students: dict[str, int], tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPlainTextEdit

    logged = store.log_incident(students["daan"], store.rules()[2].id, 3, note="privé: gedoe thuis")
    store.mark_student_told(logged.id, note="ook privé")
    page = make_page(qtbot, store, tmp_path)
    page.followups.findChild(QPushButton, "parent_text").click()
    dialog = page.followups.draft_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "draft_text").toPlainText()
    assert text.startswith("Beste ouder(s)/verzorger(s) van Daan,")
    assert "'Telefoon weg'" in text and "Time-out in de klas" in text and "besproken" in text
    assert "privé" not in text and "gedoe" not in text  # the teacher's notes never go in
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Kopiëren")
    copy.click()
    assert QGuiApplication.clipboard().text() == text


def test_the_draft_speaks_english() -> None:
    from datetime import datetime

    from app.store.parent_message import parent_message
    from app.store.records import FollowUpInfo

    item = FollowUpInfo(
        1, 1, "Daan Bakker", "2B", "Telefoon weg", "Time-out in de klas", datetime(2026, 12, 3, 10),
        None, "", None, None, "",
    )  # fmt: skip
    text = parent_message(item, teacher="Mevr. Jansen", lang="en")
    assert text.startswith("Dear parent(s)/carer(s) of Daan,")
    assert "03-12-2026" in text and text.rstrip().endswith("Mevr. Jansen")
