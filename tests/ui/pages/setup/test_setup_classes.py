"""Set-up tab 'Klassen en leerlingen': classes, students and audit attributes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.setup.page import SetupPage
from tests.ui.pages.setup.setup_helpers import make_ctx, make_page


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    return make_ctx(store, tmp_path)


@pytest.fixture
def page(qtbot, ctx: AppContext) -> SetupPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, ctx)


def _class_names(page: SetupPage) -> list[str]:
    box = page.classes_tab.classes
    return [box.list.item(i).text().split("  ")[0] for i in range(box.list.count())]


def test_add_rename_and_archive_a_class(qtbot, page: SetupPage, store: Store, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    box = page.classes_tab.classes
    assert "Begin met een klas" in page.classes_tab.import_message.message()  # a new user is guided
    qtbot.keyClicks(box.name, "2A")
    with qtbot.waitSignal(ctx.events.store_changed):
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in store.classes()] == ["2A"]
    assert _class_names(page) == ["2A"]
    assert box.message.kind == "ok"
    assert not page.classes_tab.import_message.isVisibleTo(page)
    # a duplicate and an empty name are refused calmly, nothing changes
    qtbot.keyClicks(box.name, "2A")
    box.add_button.click()
    assert box.message.kind == "error" and "al een klas" in box.message.message()
    box.name.clear()
    box.add_button.click()
    assert box.message.kind == "error"
    box.rename_button.click()
    assert box.message.kind == "error" and "nieuwe naam" in box.message.message()
    assert [c.name for c in store.classes()] == ["2A"]
    # rename
    qtbot.keyClicks(box.name, "2A-havo")
    box.rename_button.click()
    assert [c.name for c in store.classes()] == ["2A-havo"]
    assert box.current() is not None and box.current().name == "2A-havo"  # type: ignore[union-attr]
    # archive, show archived, restore
    box.archive_button.click()
    assert store.classes() == []
    assert _class_names(page) == []
    box.show_archived.setChecked(True)
    assert _class_names(page) == ["2A-havo"]
    assert box.archive_button.text() == "Terugzetten"
    box.archive_button.click()
    assert [c.name for c in store.classes()] == ["2A-havo"]


def test_add_edit_and_archive_a_student(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    store.add_class("2A")
    store.add_class("3B")
    store.define_attribute("geslacht")
    page.refresh()
    tab = page.classes_tab
    form = tab.form
    assert form.class_combo.currentText() == "2A"
    assert list(form.attribute_edits) == ["geslacht"]
    qtbot.keyClicks(form.number, "1001")
    form.name.setText("Zoë de Vries")  # QTest types ASCII only
    qtbot.keyClicks(form.attribute_edits["geslacht"], "v")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    zoe = store.student_by_external_id("1001")
    assert zoe is not None and zoe.class_name == "2A" and zoe.attributes == {"geslacht": "v"}
    assert tab.model.rowCount() == 1
    # the form is ready for the next student of the class: typing a list by hand is number, name, Enter
    assert form.student is None and form.number.text() == "" and not form.number.isReadOnly()
    assert form.class_combo.currentText() == "2A"
    assert "Zoë de Vries is toegevoegd aan 2A." in form.message.message()
    qtbot.keyClicks(form.number, "1002")
    qtbot.keyClicks(form.name, "Daan Bakker")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert store.student_by_external_id("1002").class_name == "2A"  # type: ignore[union-attr]
    assert "Daan Bakker is toegevoegd aan 2A." in form.message.message()
    assert tab.model.rowCount() == 2
    # a second student with the same number is refused; nothing changes
    form.new_button.click()
    qtbot.keyClicks(form.number, "1001")
    qtbot.keyClicks(form.name, "Iemand anders")
    form.save_button.click()
    assert form.message.kind == "error" and "1001" in form.message.message()
    assert len(store.students()) == 2
    # edit: name, class and attribute; the form follows the student to the new class
    tab.select_student(zoe.id)
    assert form.number.isReadOnly() and form.name.text() == "Zoë de Vries"
    form.name.setText("Zoë van Dijk")
    form.class_combo.setEditText("3B")
    form.attribute_edits["geslacht"].clear()
    form.save_button.click()
    assert form.message.message().startswith("'Zoë de Vries' heet nu 'Zoë van Dijk' (3B).")
    zoe = store.student(zoe.id)
    assert zoe is not None and (zoe.name, zoe.class_name, zoe.attributes) == ("Zoë van Dijk", "3B", {})
    assert tab.classes.current().name == "3B"  # type: ignore[union-attr]
    assert tab.model.rowCount() == 1
    assert form.student is not None and form.student.id == zoe.id  # the form follows the student
    # an empty name is refused
    form.name.clear()
    form.save_button.click()
    assert form.message.kind == "error"
    assert store.student(zoe.id).name == "Zoë van Dijk"  # type: ignore[union-attr]
    # archive and restore
    tab.select_student(zoe.id)
    form.archive_button.click()
    assert store.student(zoe.id).archived  # type: ignore[union-attr]
    assert tab.model.rowCount() == 0
    assert form.archive_button.text() == "Leerling terugzetten"
    assert "gearchiveerd" in form.message.message()
    tab.show_archived.setChecked(True)
    assert tab.model.rowCount() == 1
    form.archive_button.click()
    assert not store.student(zoe.id).archived  # type: ignore[union-attr]


def test_define_and_remove_attributes(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.classes_tab.attributes
    qtbot.keyClicks(box.name, "ondersteuningsplan")
    qtbot.keyClick(box.name, Qt.Key.Key_Return)
    assert store.attribute_names() == ["ondersteuningsplan"]
    assert box.list.count() == 1
    assert "ondersteuningsplan" in page.classes_tab.form.attribute_edits
    qtbot.keyClicks(box.name, "ondersteuningsplan")
    box.add_button.click()
    assert box.message.kind == "error"
    box.name.clear()
    box.add_button.click()
    assert box.message.kind == "error"
    store.add_student("1", "Daan", "2A", {"ondersteuningsplan": "ja"})
    box.list.setCurrentRow(0)
    box.remove_button.click()  # first click asks to confirm
    assert store.attribute_names() == ["ondersteuningsplan"]
    assert "nogmaals" in box.message.message()
    box.remove_button.click()
    assert store.attribute_names() == []
    assert store.students()[0].attributes == {}


def test_every_control_is_labelled_and_reachable_by_tab(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QHeaderView, QLineEdit

    store.add_class("2A")
    page.refresh()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        tab = page.tabs.widget(index)
        controls = [
            w for kind in (QAbstractButton, QComboBox, QAbstractItemView) for w in tab.findChildren(kind)
        ]
        controls += [w for w in tab.findChildren(QLineEdit) if not isinstance(w.parent(), QComboBox)]
        visible = [
            w
            for w in controls
            if w.isVisibleTo(tab) and "qt_" not in w.objectName() and not isinstance(w, QHeaderView)
        ]
        assert visible
        assert [w for w in visible if not w.accessibleName()] == [], index
        assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in visible)


def _tab_sequence(start, count: int) -> list:  # type: ignore[no-untyped-def]
    """The widgets Tab visits after ``start``: what QWidget.focusNextChild follows."""
    out, widget = [], start
    while len(out) < count:
        widget = widget.nextInFocusChain()
        tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(widget.window())
        if tabbable and widget.focusProxy() is None and not isinstance(widget.parent(), QComboBox):
            out.append(widget)
    return out


def test_tab_follows_the_layout_in_the_student_form(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    store.add_class("2A")
    store.define_attribute("geslacht")
    page.refresh()
    tab = page.classes_tab
    form = tab.form
    qtbot.waitUntil(lambda: form.attribute_edits["geslacht"].isVisible())  # new rows show on the next pass
    assert _tab_sequence(tab.import_button, 2) == [tab.table, form.number]
    assert _tab_sequence(form.class_combo, 2) == [form.attribute_edits["geslacht"], form.new_button]


def test_class_list_counts_one_student_in_the_singular(
    page: SetupPage, store: Store, ctx: AppContext
) -> None:
    store.add_student("1", "Zoë de Vries", "2A")
    store.add_student("2", "Daan Bakker", "2B")
    store.add_student("3", "Sem Yilmaz", "2B")
    ctx.changed()
    box = page.classes_tab.classes
    assert [box.list.item(i).text() for i in range(box.list.count())] == [
        "2A  (1 leerling)",
        "2B  (2 leerlingen)",
    ]


def test_names_longer_than_the_store_keeps_cannot_be_typed_and_never_widen_the_window(
    qtbot, page: SetupPage, store: Store
) -> None:  # type: ignore[no-untyped-def]
    box, form = page.classes_tab.classes, page.classes_tab.form
    box.name.setText("x" * 300)
    box.add()
    assert [len(c.name) for c in store.classes()] == [100]
    form.number.setText("9" * 300)
    form.name.setText("y" * 300)
    form.save()
    student = store.students()[0]
    assert (len(student.external_id), len(student.name)) == (64, 200)
    assert form.message.kind == "ok"
    rules = page.rules_tab
    rules.start_new()
    rules.name.setText("z" * 300)
    rules.save()
    assert max(len(r.name) for r in store.rules()) == 200
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert page.minimumSizeHint().width() < 1100  # the messages wrap; nothing pushes the window wider


def test_a_class_name_in_other_capitals_is_the_same_class(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box, form = page.classes_tab.classes, page.classes_tab.form
    store.add_class("2A")
    store.add_class("2B")
    box.refresh()
    box.name.setText("2a")
    box.add()
    assert box.message.kind == "error"
    assert "Er is al een klas 2A." in box.message.message()
    box.select(store.classes()[1].id)  # 2B
    box.name.setText(" 2A")
    box.rename()
    assert box.message.kind == "error"
    box.select(store.classes()[0].id)
    box.name.setText("2a")
    box.rename()  # its own name in other capitals is fine
    assert box.message.kind == "ok"
    assert [c.name for c in store.classes()] == ["2B", "2a"]
    form.start_new("")
    form.number.setText("7")
    form.name.setText("Sem Yilmaz")
    form.class_combo.setEditText("2B ")
    form.save()
    form.start_new("")
    form.number.setText("8")
    form.name.setText("Renée van 't Hof")
    form.class_combo.setEditText("2b")
    form.save()
    assert sorted(c.name for c in store.classes()) == ["2B", "2a"]
    assert [s.class_name for s in store.students()] == ["2B", "2B"]


def test_an_archived_class_name_is_refused_with_the_way_back(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.classes_tab.classes
    old = store.add_class("3C")
    store.archive_class(old.id)
    box.refresh()
    box.name.setText("3c")
    box.add()
    assert "Toon gearchiveerde klassen" in box.message.message()
    assert len(store.classes(include_archived=True)) == 1


def test_an_attribute_in_other_capitals_or_empty_is_refused(qtbot, page: SetupPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = page.classes_tab.attributes
    store.define_attribute("geslacht")
    box.refresh()
    for typed in ("Geslacht", " GESLACHT ", "", "   "):
        box.name.setText(typed)
        box.add()
        assert box.message.kind == "error", typed
        assert store.attribute_names() == ["geslacht"]
    box.name.setText("Geslacht")
    box.add()
    assert "Het kenmerk 'geslacht' bestaat al." in box.message.message()


def test_every_tab_fits_a_full_hd_screen_at_150_percent(
    page: SetupPage, store: Store, ctx: AppContext
) -> None:
    """1920×1080 at 150 % leaves 1280×720 logical pixels; the navigation takes up to 220 of the width."""
    store.define_attribute("ondersteuningsplan")
    store.add_student("1", "Renée van 't Hof", "2A", {"ondersteuningsplan": "ja"})
    ctx.changed()
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        hint = page.minimumSizeHint()
        assert hint.width() <= 1280 - 220 - 20, page.tabs.tabText(tab)
        assert hint.height() <= 720 - 60, page.tabs.tabText(tab)
