"""The history page's edit panel: change the selected incident's student, rule, step, time, period, note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages.history.filters import searchable_combo, shrinkable
from app.ui.widgets.inline_message import InlineMessage
from app.ui.widgets.table_models import locale_datetime

if TYPE_CHECKING:
    from app.store.records import RuleInfo, StepInfo, StudentInfo
    from app.ui.pages.history.row import HistoryRow


@dataclass(frozen=True)
class IncidentEdit:
    """What the panel's fields say now (only the fields that differ from the row are applied)."""

    student_id: int | None
    rule_id: int | None
    step: int | None
    occurred_at: datetime
    note: str
    #: the lesson period (lesuur); None: not known
    period: int | None = None


class HistoryEditPanel(QGroupBox):
    """Fields for one selected line; its buttons emit ``save_requested`` and ``delete_requested``."""

    #: the user asked to store the fields for the selected incident
    save_requested = Signal()
    #: the user asked to delete the selected lines
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Geselecteerde regel"), parent)
        self.row: HistoryRow | None = None
        self.student = searchable_combo(self.tr("Leerling"))
        self.rule = QComboBox()
        self.rule.setAccessibleName(self.tr("Afspraak"))
        self.step = QComboBox()
        self.step.setAccessibleName(self.tr("Gegeven stap"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Datum"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Tijd"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Lesuur"))
        self.period.setToolTip(
            self.tr("Het lesuur: een ander lesuur is een andere les (de keren tellen per les).")
        )
        self._fill_periods(None)
        for combo in (self.student, self.rule, self.step):
            shrinkable(combo, 12)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Notitie"))
        self.note.setPlaceholderText(self.tr("Privé: blijft op deze computer"))
        self.agreed = QLabel()
        self.agreed.setWordWrap(True)
        self.edited = QLabel()
        self.edited.setWordWrap(True)
        self.message = InlineMessage()
        self.save_button = QPushButton(self.tr("Wijzigingen &opslaan"))
        self.save_button.setAccessibleName(self.tr("Wijzigingen opslaan"))
        self.delete_button = QPushButton(self.tr("&Verwijderen"))
        self.delete_button.setAccessibleName(self.tr("Geselecteerde regels verwijderen"))

        grid = QGridLayout()
        fields = (
            (self.tr("Leerling"), self.student, 0, 0),
            (self.tr("Afspraak"), self.rule, 0, 2),
            (self.tr("Gegeven stap"), self.step, 0, 4),
            (self.tr("Datum"), self.day, 1, 0),
            (self.tr("Tijd"), self.time, 1, 2),
            (self.tr("Lesuur"), self.period, 1, 4),
            (self.tr("Notitie"), self.note, 2, 0),
        )
        for text, widget, row, col in fields:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1, 1, 5 if widget is self.note else 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.agreed, 1)
        buttons.addWidget(self.edited)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save_requested)
        self.note.returnPressed.connect(self.save_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.show_row(None)

    def fill(self, students: list[StudentInfo], rules: list[RuleInfo], ladder: list[StepInfo]) -> None:
        """Offer these students, rules and ladder steps."""
        self.student.blockSignals(True)
        self.student.clear()
        for s in sorted(students, key=lambda s: s.name.casefold()):
            self.student.addItem(f"{s.name} ({s.class_name})", s.id)
        self.student.blockSignals(False)
        self.rule.clear()
        for r in rules:
            self.rule.addItem(
                r.name if r.active else self.tr("{name} (niet actief)").replace("{name}", r.name), r.id
            )
        self.step.clear()
        for s in ladder:
            self.step.addItem(f"{s.level} · {s.name}", s.level)
        self.show_row(self.row)

    def show_row(self, row: HistoryRow | None, selected: int = 1) -> None:
        """Show one line's fields (none selected, or several: the fields are disabled)."""
        self.row = row if selected == 1 else None
        self.message.clear_message()
        editable = self.row is not None
        for widget in (self.student, self.day, self.time, self.note, self.save_button):
            widget.setEnabled(editable)
        for widget in (self.rule, self.step, self.period):  # a praise has no rule, step or lesson period
            widget.setEnabled(editable and not (self.row is not None and self.row.is_praise))
        self.delete_button.setEnabled(selected >= 1)
        self.edited.clear()
        if self.row is None:
            self.student.setCurrentIndex(-1)
            self.rule.setCurrentIndex(-1)
            self.step.setCurrentIndex(-1)
            self.note.clear()
            self.day.setDate(QDate.currentDate())
            self.time.setTime(QTime(0, 0))
            self._fill_periods(None)
            self.agreed.setText(
                self.tr("{n} regels geselecteerd.").replace("{n}", str(selected))
                if selected > 1
                else self.tr("Kies een regel in de tabel om die te bewerken of te verwijderen.")
            )
            return
        row = self.row
        _select(self.student, row.student_id)
        self.day.setDate(QDate(row.occurred_at.date()))
        self.time.setTime(QTime(row.occurred_at.hour, row.occurred_at.minute))
        self.note.setText(row.note)
        self._fill_periods(row.period)
        if row.is_praise:
            self.rule.setCurrentIndex(-1)
            self.step.setCurrentIndex(-1)
            self.agreed.setText(self.tr("★ Compliment: leerling, tijd en notitie kun je aanpassen."))
        else:
            _select(self.rule, row.rule_id)
            _select(self.step, row.step)
            self.agreed.setText(
                self.tr("Volgens afspraak bij de {strike}e keer: {step}")
                .replace("{strike}", str(row.strike))
                .replace("{step}", f"{row.agreed_step} · {row.agreed_step_name}")
            )
        if row.edited_at is not None:
            self.edited.setText(
                self.tr("Bewerkt op {when}").replace("{when}", locale_datetime(row.edited_at))
            )

    def current_edit(self) -> IncidentEdit | None:
        """The fields as an edit, or None (with a calm message) when the student is not one of the list."""
        if self.student.currentIndex() < 0 or self.student.currentText() != self.student.itemText(
            self.student.currentIndex()
        ):
            self.message.show_error(self.tr("Kies een leerling uit de lijst."))
            return None
        day: QDate = self.day.date()
        tm: QTime = self.time.time()
        when = datetime(day.year(), day.month(), day.day(), tm.hour(), tm.minute())
        return IncidentEdit(
            student_id=self.student.currentData(),
            rule_id=self.rule.currentData(),
            step=self.step.currentData(),
            occurred_at=when,
            note=self.note.text(),
            period=self.period.currentData(),
        )

    def _fill_periods(self, current: int | None) -> None:
        """Periods 1-9 (and the line's own, if outside them), or none; ``current`` chosen."""
        self.period.clear()
        self.period.addItem(self.tr("— (geen lesuur)"), None)
        for number in sorted({*range(1, 10), *([current] if current is not None else [])}):
            self.period.addItem(self.tr("{n}e uur").replace("{n}", str(number)), number)
        self.period.setCurrentIndex(max(0, self.period.findData(current)) if current is not None else 0)


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
