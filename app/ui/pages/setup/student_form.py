"""The form under the student table: add a student, or edit name, class and audit attributes; archive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.pages.setup.common import button, chain_tab_order, limit
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.store.records import StudentInfo
    from app.ui.context import AppContext


class StudentForm(QGroupBox):
    """Fields of one student; writes through the store and reports with ``student_saved``."""

    #: a student was added or changed (its id)
    student_saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Leerling"), parent)
        self.ctx = ctx
        self.student: StudentInfo | None = None
        self.number = QLineEdit()
        limit(self.number, "student_id").setAccessibleName(self.tr("Leerlingnummer"))
        self.number.setPlaceholderText(self.tr("nummer uit de leerlingadministratie"))
        self.name = QLineEdit()
        limit(self.name, "student_name").setAccessibleName(self.tr("Naam van de leerling"))
        self.class_combo = QComboBox()
        self.class_combo.setEditable(True)
        self.class_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.class_combo.setAccessibleName(self.tr("Klas van de leerling"))
        limit(self.class_combo.lineEdit(), "class")
        self.attribute_edits: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Nummer"), self.number)
        self.form.addRow(self.tr("Na&am"), self.name)
        self.form.addRow(self.tr("K&las"), self.class_combo)
        self.new_button = button(self.tr("&Nieuwe leerling"))
        self.save_button = button(self.tr("Leerling &opslaan"))
        self.archive_button = button(self.tr("Leerling archiveren"))
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.new_button.clicked.connect(lambda: self.start_new(self.class_combo.currentText()))
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.number.returnPressed.connect(self.save)
        self.name.returnPressed.connect(self.save)
        self.start_new("")

    def set_options(self, class_names: list[str], attributes: list[str]) -> None:
        """Offer these classes and one field per audit attribute."""
        current = self.class_combo.currentText()
        self.class_combo.clear()
        self.class_combo.addItems(class_names)
        self.class_combo.setEditText(current)
        if list(self.attribute_edits) != attributes:
            while self.form.rowCount() > 3:
                self.form.removeRow(3)
            self.attribute_edits = {}
            for name in attributes:
                edit = limit(QLineEdit(), "attribute_value")
                edit.setAccessibleName(self.tr("Kenmerk {name}").replace("{name}", name))
                edit.setPlaceholderText(self.tr("leeg laten als het niet van toepassing is"))
                self.attribute_edits[name] = edit
                label = QLabel(name)
                label.setBuddy(edit)
                self.form.addRow(label, edit)
            self.show_student(self.student)
        chain_tab_order(
            [
                self.number,
                self.name,
                self.class_combo,
                *self.attribute_edits.values(),
                self.new_button,
                self.archive_button,
                self.save_button,
            ]
        )

    def start_new(self, class_name: str) -> None:
        """Empty fields for adding a student to ``class_name``."""
        self.student = None
        self.setTitle(self.tr("Nieuwe leerling"))
        self.number.setReadOnly(False)
        self.number.clear()
        self.name.clear()
        self.class_combo.setEditText(class_name)
        for edit in self.attribute_edits.values():
            edit.clear()
        self.save_button.setText(self.tr("Leerling &toevoegen"))
        self.save_button.setAccessibleName(self.tr("Leerling toevoegen"))
        self.archive_button.setEnabled(False)
        self.message.clear_message()

    def show_student(self, student: StudentInfo | None) -> None:
        """Show a student's fields for editing (None: back to adding)."""
        if student is None:
            self.start_new(self.class_combo.currentText())
            return
        same = self.student is not None and self.student.id == student.id
        self.student = student
        self.setTitle(self.tr("Leerling bewerken"))
        self.number.setText(student.external_id)
        self.number.setReadOnly(True)
        self.number.setToolTip(self.tr("Het nummer komt uit de leerlingadministratie en verandert niet."))
        self.name.setText(student.name)
        self.class_combo.setEditText(student.class_name)
        for name, edit in self.attribute_edits.items():
            edit.setText(student.attributes.get(name, ""))
        self.save_button.setText(self.tr("Leerling &opslaan"))
        self.save_button.setAccessibleName(self.tr("Leerling opslaan"))
        self.archive_button.setEnabled(True)
        text = self.tr("Leerling terugzetten") if student.archived else self.tr("Leerling archiveren")
        self.archive_button.setText(text)
        self.archive_button.setAccessibleName(text)
        if not same:
            self.message.clear_message()

    def save(self) -> None:
        """Add or update the student; a refusal is shown in the form and nothing is stored."""
        attributes = {name: edit.text() for name, edit in self.attribute_edits.items()}
        store = self.ctx.store
        typed = self.class_combo.currentText().strip()
        class_name = next(
            (c.name for c in store.classes(include_archived=True) if c.name.casefold() == typed.casefold()),
            typed,
        )  # '2a' typed for the existing class 2A goes to 2A, not to a new class
        try:
            if self.student is None:
                saved = store.add_student(self.number.text(), self.name.text(), class_name, attributes)
                done = self.tr("{name} is toegevoegd aan {klas}.")
            else:
                saved = store.update_student(
                    self.student.id,
                    name=self.name.text(),
                    class_name=class_name,
                    attributes=attributes,
                )
                done = self.tr("{name} is opgeslagen ({klas}).")
                if saved.name != self.student.name:  # typed over a selected student: a rename, say so
                    done = self.tr(
                        "'{old}' heet nu '{name}' ({klas}). "
                        "Een extra leerling voeg je toe met 'Nieuwe leerling'."
                    ).replace("{old}", self.student.name)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        if self.student is None:  # added: ready for the next student of the class, as when typing a list
            self.start_new(saved.class_name)
            self.number.setFocus()
        else:
            self.show_student(saved)
        self.message.show_message(
            done.replace("{name}", saved.name).replace("{klas}", saved.class_name), "ok"
        )
        self.student_saved.emit(saved.id)
        self.ctx.changed()

    def toggle_archived(self) -> None:
        """Archive the student (hidden from the log, history kept) or bring them back."""
        if self.student is None:
            return
        try:
            saved = self.ctx.store.update_student(self.student.id, archived=not self.student.archived)
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.show_student(saved)
        text = (
            self.tr("{name} is gearchiveerd: niet meer in de loglijst, de geschiedenis blijft.")
            if saved.archived
            else self.tr("{name} is teruggezet.")
        )
        self.message.show_message(text.replace("{name}", saved.name), "ok")
        self.student_saved.emit(saved.id)
        self.ctx.changed()
