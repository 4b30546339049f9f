"""Tab 'Klassen en leerlingen': classes (add, rename, archive), their students, attributes, roster import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.pages.setup.attributes_box import AttributesBox
from app.ui.pages.setup.common import button, chain_tab_order, limit, short
from app.ui.pages.setup.student_form import StudentForm
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.table_models import RowRole, SortRole, StudentTableModel

if TYPE_CHECKING:
    from app.store.records import ClassInfo, StudentInfo
    from app.ui.context import AppContext

#: item data role holding a class id in the class list
ClassIdRole = Qt.ItemDataRole.UserRole + 10


class ClassesBox(QGroupBox):
    """The class list with a name field and add, rename and archive buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Klassen"), parent)
        self.ctx = ctx
        self.classes: list[ClassInfo] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Klassen"))
        self.list.setSpacing(2)
        self.show_archived = QCheckBox(self.tr("Toon gearchiveerde klassen"))
        self.show_archived.setAccessibleName(self.tr("Toon gearchiveerde klassen"))
        self.name = QLineEdit()
        limit(self.name, "class").setAccessibleName(self.tr("Naam van de klas"))
        self.name.setPlaceholderText(self.tr("klasnaam, bijv. 2A"))
        self.name.setToolTip(self.tr("De naam voor een nieuwe klas, of de nieuwe naam van de gekozen klas."))
        self.add_button = button(self.tr("Klas toevoegen"))
        self.rename_button = button(self.tr("Hernoemen"), self.tr("Gekozen klas hernoemen"))
        self.archive_button = button(self.tr("Archiveren"), self.tr("Gekozen klas archiveren"))
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_archived)
        layout.addWidget(self.name)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.rename_button)
        layout.addLayout(row)
        layout.addWidget(self.archive_button)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

    def current(self) -> ClassInfo | None:
        """The selected class."""
        item = self.list.currentItem()
        if item is None:
            return None
        class_id = item.data(ClassIdRole)
        return next((c for c in self.classes if c.id == class_id), None)

    def refresh(self) -> None:
        """Show the classes as stored, keeping the selection."""
        current = self.current()
        self.classes = self.ctx.store.classes(include_archived=self.show_archived.isChecked())
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.classes:
            count = (
                self.tr("1 leerling")
                if c.n_students == 1
                else self.tr("{n} leerlingen").replace("{n}", str(c.n_students))
            )
            text = f"{c.name}  ({count})"
            if c.archived:
                text += "  " + self.tr("[gearchiveerd]")
            item = QListWidgetItem(text)
            item.setToolTip(c.name)
            item.setData(ClassIdRole, c.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.classes]
        row = ids.index(current.id) if current is not None and current.id in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        self._update_buttons()

    def select(self, class_id: int) -> None:
        """Select a class by id."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ClassIdRole) == class_id:
                self.list.setCurrentRow(row)

    def _update_buttons(self) -> None:
        current = self.current()
        self.rename_button.setEnabled(current is not None)
        self.archive_button.setEnabled(current is not None)
        text = self.tr("Terugzetten") if current is not None and current.archived else self.tr("Archiveren")
        self.archive_button.setText(text)

    def add(self) -> None:
        """Add a class with the typed name."""
        name = self.name.text().strip()
        if self._refuse_taken(name):
            return
        try:
            added = self.ctx.store.add_class(name)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.name.clear()
        self.message.show_message(self.tr("Klas {name} toegevoegd.").replace("{name}", added.name), "ok")
        self.ctx.changed()
        self.select(added.id)

    def _refuse_taken(self, name: str, own_id: int | None = None) -> bool:
        """Say so and return True when another class has this name, also in other capitals ('2a', '2A')."""
        taken = next(
            (
                c
                for c in self.ctx.store.classes(include_archived=True)
                if c.id != own_id and c.name.casefold() == name.casefold()
            ),
            None,
        )
        if taken is None:
            return False
        text = self.tr("Er is al een klas {name}.").replace("{name}", taken.name)
        if taken.archived:
            text += " " + self.tr("Die is gearchiveerd: zet hem terug met 'Toon gearchiveerde klassen'.")
        self.message.show_error(text)
        return True

    def rename(self) -> None:
        """Give the selected class the typed name."""
        current = self.current()
        if current is None:
            return
        if not self.name.text().strip():
            self.message.show_error(self.tr("Typ eerst de nieuwe naam in het veld boven de knoppen."))
            self.name.setFocus()
            return
        if self._refuse_taken(self.name.text().strip(), current.id):
            return
        try:
            self.ctx.store.rename_class(current.id, self.name.text())
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.name.clear()
        self.message.show_message(self.tr("Klas hernoemd."), "ok")
        self.ctx.changed()

    def toggle_archived(self) -> None:
        """Archive the selected class (hidden, nothing deleted) or bring it back."""
        current = self.current()
        if current is None:
            return
        self.ctx.store.archive_class(current.id, not current.archived)
        text = (
            self.tr("Klas {name} teruggezet.") if current.archived else self.tr("Klas {name} gearchiveerd.")
        )
        self.message.show_message(text.replace("{name}", current.name), "ok")
        self.ctx.changed()


class ClassesTab(QWidget):
    """Classes on the left, the chosen class's students in the middle, audit attributes on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._following = False  #: True while _follow switches the class list to a saved student's class
        self.classes = ClassesBox(ctx)
        self.model = StudentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Leerlingen van de gekozen klas"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(StudentTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.show_archived = QCheckBox(self.tr("Toon gearchiveerde leerlingen"))
        self.show_archived.setAccessibleName(self.tr("Toon gearchiveerde leerlingen"))
        self.import_button = button(self.tr("&Importeer leerlinglijst…"), self.tr("Leerlinglijst importeren"))
        self.form = StudentForm(ctx)
        self.attributes = AttributesBox(ctx)  # made last: Tab goes classes, students, attributes
        self.students_box = QGroupBox(self.tr("Leerlingen"))
        middle = QVBoxLayout(self.students_box)
        top = QHBoxLayout()
        top.addWidget(self.show_archived)
        top.addStretch(1)
        top.addWidget(self.import_button)
        middle.addLayout(top)
        middle.addWidget(self.table, 1)
        middle.addWidget(self.form)
        self.import_message = InlineMessage()
        middle.addWidget(self.import_message)

        layout = QHBoxLayout(self)
        self.attributes.setMaximumWidth(self.fontMetrics().averageCharWidth() * 38)
        layout.addWidget(self.classes, 2)
        layout.addWidget(self.students_box, 6)
        layout.addWidget(self.attributes, 2)

        self.classes.list.currentItemChanged.connect(lambda *_: self._following or self._show_students())
        self.show_archived.toggled.connect(lambda _on: self._show_students())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._student_selected())
        self.form.new_button.clicked.connect(self.table.clearSelection)
        self.import_button.clicked.connect(self.choose_roster)
        self.form.student_saved.connect(self._follow)
        chain_tab_order([self.show_archived, self.import_button, self.table, self.form.number])

    def refresh(self) -> None:
        """Read classes, students and attributes again."""
        self.classes.refresh()
        self.attributes.refresh()
        self._show_students()

    def _show_students(self) -> None:
        current = self.classes.current()
        keep = self.form.student.id if self.form.student is not None else None
        students: list[StudentInfo] = (
            self.ctx.store.students(class_id=current.id, include_archived=self.show_archived.isChecked())
            if current is not None
            else []
        )
        if current is None and not self.classes.show_archived.isChecked():
            self.import_message.show_message(
                self.tr(
                    "Begin met een klas: typ links een naam en kies 'Klas toevoegen'. Of importeer een "
                    "leerlinglijst (CSV of Excel uit de leerlingadministratie): de klassen komen vanzelf mee."
                ),
                "info",
            )
        elif self.import_message.kind == "info":
            self.import_message.clear_message()
        self.students_box.setTitle(
            self.tr("Leerlingen van {name}").replace("{name}", short(current.name))
            if current
            else self.tr("Leerlingen")
        )
        attributes = self.ctx.store.attribute_names()
        self.model.set_rows(students, attributes)
        self.form.set_options([c.name for c in self.ctx.store.classes()], attributes)
        row = self.model.row_of(keep) if keep is not None else -1
        shown_class = current.id if current is not None else None
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        elif self.form.student is None:
            shown_name = current.name if current else ""
            if not self.form.number.text() and self.form.class_combo.currentText() != shown_name:
                self.form.start_new(shown_name)
        elif self.form.student.class_id != shown_class:
            self.form.start_new(current.name if current else "")
        # else: a just-archived student, hidden by the filter, stays in the form so it can be restored

    def _follow(self, student_id: int) -> None:
        """After a save, show the student's (perhaps new) class with the student selected."""
        student = self.ctx.store.student(student_id)
        if student is None:
            return
        current = self.classes.current()
        if current is None or current.id != student.class_id:
            # quietly: showing the old class for a moment would empty the form and its message
            self._following = True
            try:
                self.classes.refresh()
                self.classes.select(student.class_id)
            finally:
                self._following = False
        self._show_students()
        if self.form.student is None:  # just added: the form waits for the next one; show where it went
            row = self.model.row_of(student_id)
            if row >= 0:
                self.table.scrollTo(self.proxy.mapFromSource(self.model.index(row, 0)))
            return
        self.select_student(student_id)

    def _student_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        student = self.proxy.data(rows[0], RowRole) if rows else None
        if student is not None:
            self.form.show_student(student)

    def select_student(self, student_id: int) -> None:
        """Select a student of the shown class in the table (and so in the form)."""
        row = self.model.row_of(student_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def choose_roster(self) -> None:
        """Ask for a roster file (CSV or XLSX) and show what importing it would change."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Leerlinglijst kiezen"),
            "",
            self.tr("Leerlinglijsten (*.csv *.xlsx *.txt);;Alle bestanden (*)"),
        )
        if path:
            self.open_roster(path)

    def open_roster(self, path: str) -> None:
        """Show the import preview dialog for ``path``; report what it did."""
        from app.ui.pages.setup.roster_import_dialog import RosterImportDialog

        dialog = RosterImportDialog(self.ctx, path, self)
        self._dialog = dialog
        dialog.imported.connect(lambda text: self.import_message.show_message(text, "ok"))
        dialog.open()
