"""The 'Gegevens en privacy' tab: backups, restore, encryption, forgetting a student, ending a year."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from app.safety.backup import list_backups
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.data_panel import DataPanel
from app.ui.passphrase_dialog import OFFER_KEY, EncryptionOffer, PassphraseDialog, offer_encryption
from app.ui.workers import SyncTaskRunner

PASS = "een goed wachtwoord"


class Answers:
    """Scripted answers to the panel's questions."""

    def __init__(self) -> None:
        self.confirm = True
        self.passphrase: tuple[str, str] | None = ("", PASS)
        self.path: Path | None = None
        self.asked: list[str] = []


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(store=store, tasks=SyncTaskRunner(), settings=settings)


@pytest.fixture
def panel(qtbot: Any, ctx: AppContext) -> tuple[DataPanel, Answers]:
    answers = Answers()
    widget = DataPanel(ctx)
    widget.confirm = lambda text: answers.asked.append(text) or answers.confirm  # type: ignore[method-assign]
    widget.ask_passphrase = lambda mode: answers.passphrase  # type: ignore[method-assign]
    widget.ask_save_path = lambda suggestion: answers.path  # type: ignore[method-assign]
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    return widget, answers


def _fill(store: Store) -> None:
    ann = store.add_student("A1", "Annelies Vergeet", "1A")
    bob = store.add_student("B2", "Bob Blijft", "1A")
    rule = store.rules()[0]
    store.log_incident(ann.id, rule.id, occurred_at=datetime(2025, 10, 1, 9))
    store.log_incident(bob.id, rule.id, occurred_at=datetime(2025, 10, 1, 9, 5))


def test_make_a_backup_now_and_list_it(panel: tuple[DataPanel, Answers], qtbot: Any) -> None:
    widget, _ = panel
    assert widget.backup_model.rowCount() == 0
    qtbot.mouseClick(widget.backup_button, Qt.MouseButton.LeftButton)
    assert widget.backup_model.rowCount() == 1
    assert widget.backup_model.item(0, 1).text() == "handmatig"
    assert widget.message.kind == "ok"


def test_restore_needs_a_selection_and_a_confirmation(
    panel: tuple[DataPanel, Answers], ctx: AppContext, qtbot: Any
) -> None:
    widget, answers = panel
    _fill(ctx.store)
    widget.make_backup()
    ctx.store.add_student("C3", "Cas Later", "1A")
    widget.restore_selected()
    assert "Kies eerst" in widget.message.text()
    widget.backup_table.selectRow(0)
    answers.confirm = False
    widget.restore_selected()
    assert len(ctx.store.students()) == 3
    answers.confirm = True
    widget.restore_selected()
    assert "vervangt het huidige logboek" in answers.asked[-1]
    assert sorted(s.external_id for s in ctx.store.students()) == ["A1", "B2"]
    assert any(b.kind == "voor-herstel" for b in list_backups(ctx.store.path))


def test_forget_a_student_and_delete_the_backups_that_hold_them(
    panel: tuple[DataPanel, Answers], ctx: AppContext
) -> None:
    widget, answers = panel
    _fill(ctx.store)
    widget.make_backup()
    widget.refresh()
    index = widget.student_combo.findData("A1")
    widget.student_combo.setCurrentIndex(index)
    answers.confirm = False
    widget.forget_selected()
    assert len(ctx.store.students()) == 2
    answers.confirm = True
    widget.forget_selected()
    assert "Annelies Vergeet" in answers.asked[-1]
    assert [s.external_id for s in ctx.store.students()] == ["B2"]
    assert widget.holding_label.isVisible() and len(widget.holding) == 1
    widget.delete_holding()
    assert widget.holding == () and list_backups(ctx.store.path) == []
    assert not widget.delete_holding_button.isVisible()


def test_encrypt_from_the_panel(panel: tuple[DataPanel, Answers], ctx: AppContext) -> None:
    pytest.importorskip("sqlcipher3")
    widget, answers = panel
    _fill(ctx.store)
    assert widget.encrypt_button.isVisible() and not widget.change_button.isVisible()
    answers.passphrase = None
    widget.encrypt()
    assert not ctx.store.encrypted
    answers.passphrase = ("", PASS)
    widget.encrypt()
    assert ctx.store.encrypted and b"Annelies" not in ctx.store.path.read_bytes()
    assert widget.change_button.isVisible() and not widget.encrypt_button.isVisible()
    assert ctx.settings.value(OFFER_KEY) == "done"
    answers.passphrase = ("wrong one", "another passphrase")
    widget.change_passphrase()
    assert widget.message.kind == "error"
    answers.passphrase = (PASS, "another passphrase")
    widget.change_passphrase()
    assert ctx.store.passphrase == "another passphrase"


def test_archive_and_purge_a_year(panel: tuple[DataPanel, Answers], ctx: AppContext, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    widget, answers = panel
    _fill(ctx.store)
    widget.year_spin.setValue(2025)
    assert "2 incidenten" in widget.year_label.text()
    answers.path = tmp_path / "archief.db"
    widget.archive_year()
    assert answers.path.exists() and widget.message.kind == "ok"
    answers.confirm = False
    widget.purge_year()
    assert len(ctx.store.incidents()) == 2
    answers.confirm = True
    widget.purge_year()
    assert ctx.store.incidents() == [] and ctx.store.students() == []
    assert "0 incidenten" in widget.year_label.text()
    with Store.open(answers.path, passphrase=PASS) as archive:
        assert len(archive.incidents()) == 2


def test_keep_days_is_saved(panel: tuple[DataPanel, Answers], ctx: AppContext) -> None:
    from app.safety.backup import keep_days

    widget, _ = panel
    widget.keep_spin.setValue(12)
    widget.keep_spin.editingFinished.emit()
    assert keep_days(ctx.store) == 12


def test_new_passphrase_dialog_checks_length_and_repeat(qtbot: Any) -> None:
    dialog = PassphraseDialog("new")
    qtbot.addWidget(dialog)
    dialog.new_edit.setText("kort")
    dialog.repeat_edit.setText("kort")
    dialog._accept()
    assert "minstens 8" in dialog.message.text() and dialog.result() == 0
    dialog.new_edit.setText("lang genoeg")
    dialog.repeat_edit.setText("lang genoeg!")
    dialog._accept()
    assert "verschillen" in dialog.message.text()
    dialog.repeat_edit.setText("lang genoeg")
    dialog._accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted


def test_first_start_offer_is_skippable_and_remembered(qtbot: Any, ctx: AppContext) -> None:
    pytest.importorskip("sqlcipher3")
    box = offer_encryption(ctx)
    assert box is not None
    qtbot.addWidget(box)
    later = next(b for b in box.buttons() if b.text() == "Later")
    later.click()
    assert ctx.settings.value(OFFER_KEY) == "later"
    box = offer_encryption(ctx)
    assert box is not None
    qtbot.addWidget(box)
    never = next(b for b in box.buttons() if b.text() == "Niet meer vragen")
    never.click()
    assert ctx.settings.value(OFFER_KEY) == "never"
    assert offer_encryption(ctx) is None


def test_start_asks_the_passphrase_until_it_is_right(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3")
    from app.ui import passphrase_dialog

    with Store.open(db_path, passphrase=PASS) as store:
        store.add_student("1", "Ann", "1A")
    typed = iter(["verkeerd wachtwoord", PASS])
    errors: list[str] = []

    def fake_exec(dialog: PassphraseDialog) -> int:
        errors.append(dialog.message.text())
        dialog.new_edit.setText(next(typed))
        return PassphraseDialog.DialogCode.Accepted

    monkeypatch.setattr(PassphraseDialog, "exec", fake_exec)
    store = passphrase_dialog.open_store_with_prompt(db_path)
    assert store is not None
    try:
        assert store.encrypted and store.students()[0].name == "Ann"
        assert errors[0] == "" and "klopt niet" in errors[1]
    finally:
        store.close()


def test_start_on_a_damaged_file_can_stop_without_touching_it(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui import passphrase_dialog

    db_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    before = db_path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert passphrase_dialog.open_store_with_prompt(db_path) is None
    assert "back-up terugzetten" in shown[0]
    assert db_path.read_bytes() == before


def test_start_on_a_damaged_file_restores_the_chosen_backup(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from app.ui import passphrase_dialog

    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)

    def click_restore(box: QMessageBox) -> int:
        next(b for b in box.buttons() if "terugzetten" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (args[3][0], True))
    store = passphrase_dialog.open_store_with_prompt(db_path)
    assert store is not None
    try:
        assert [s.name for s in store.students()] == ["Ann"]
        damaged = [b for b in list_backups(db_path) if b.kind == "voor-herstel"]
        assert len(damaged) == 1 and damaged[0].path.read_bytes().startswith(b"SQLite format 3\x00\x13")
    finally:
        store.close()


def test_the_offer_appears_after_start_without_blocking(qtbot: Any, ctx: AppContext) -> None:
    pytest.importorskip("sqlcipher3")
    from PySide6.QtWidgets import QWidget

    from app.ui.app import _start_safety_timers

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    _start_safety_timers(ctx, window)
    qtbot.waitUntil(lambda: window.property("encryption_offer_shown") is not None, timeout=5000)
    assert window.property("encryption_offer_shown") is True
    offers = window.findChildren(EncryptionOffer)
    assert len(offers) == 1 and offers[0].isVisible()
    offers[0].close()


def test_the_offer_does_not_take_the_keyboard_from_the_log_page(qtbot: Any, ctx: AppContext) -> None:
    """Typing a name right after start must go to the search field, not to the offer."""
    pytest.importorskip("sqlcipher3")
    from PySide6.QtCore import Qt

    from app.ui.main_window import MainWindow

    ctx.store.add_student("1", "Zoë de Vries", "1A")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    offer = offer_encryption(ctx, window)
    assert offer is not None and offer.isVisible() and offer.parent() is not None
    focused = window.focusWidget()
    qtbot.keyClicks(focused, "zoe")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert ctx.settings.value(OFFER_KEY) in (None, "")
    assert offer.isVisible()
    assert not any(b.hasFocus() for b in offer.buttons())


def test_backup_to_a_chosen_file_and_restore_from_one(
    panel: tuple[DataPanel, Answers], ctx: AppContext, tmp_path: Path, qtbot: Any
) -> None:
    widget, answers = panel
    _fill(ctx.store)
    target = tmp_path / "usb" / "kopie.db"
    widget.ask_backup_path = lambda *, save: target  # type: ignore[method-assign]
    qtbot.mouseClick(widget.backup_to_button, Qt.MouseButton.LeftButton)
    assert widget.message.kind == "ok" and target.is_file()
    widget.backup_to_file()  # the same name again: refused, not overwritten
    assert widget.message.kind == "error" and "bestaat al" in widget.message.text()
    ctx.store.add_student("C3", "Cas Later", "1A")
    answers.confirm = False
    qtbot.mouseClick(widget.restore_file_button, Qt.MouseButton.LeftButton)
    assert len(ctx.store.students()) == 3
    answers.confirm = True
    widget.restore_other_file()
    assert "vervangt het huidige logboek" in answers.asked[-1]
    assert sorted(s.external_id for s in ctx.store.students()) == ["A1", "B2"]
    foreign = tmp_path / "vreemd.db"
    foreign.write_bytes(b"geen logboek" * 100)
    widget.ask_backup_path = lambda *, save: foreign  # type: ignore[method-assign]
    widget.restore_other_file()
    assert widget.message.kind == "error" and "beschadigd" in widget.message.text()
    assert sorted(s.external_id for s in ctx.store.students()) == ["A1", "B2"]


def test_start_on_a_damaged_file_can_restore_a_backup_from_elsewhere(
    qtbot: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.safety.backup import backup_store
    from app.ui import passphrase_dialog

    usb = tmp_path / "usb" / "kopie.db"
    with Store.open(db_path) as store:
        store.auto_backup = False  # no backup in the backups folder: only the copy on the stick
        store.add_student("1", "Ann", "1A")
        backup_store(store, usb)
    db_path.write_bytes(b"")  # the store was lost (zero bytes)

    def click_restore(box: QMessageBox) -> int:
        buttons = [b for b in box.buttons() if "terugzetten" in b.text()]
        if buttons:
            buttons[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(usb), ""))
    store = passphrase_dialog.open_store_with_prompt(db_path)
    assert store is not None
    try:
        assert [s.name for s in store.students()] == ["Ann"]
    finally:
        store.close()
