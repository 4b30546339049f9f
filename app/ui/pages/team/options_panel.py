"""The export choices: period, student rows, points for discussion and up to three case cards."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar import school_year_start
from app.core.i18n import translate
from app.team.anonymise import SECTIONS
from app.ui.pages.team.plans_picker import PlansPicker

if TYPE_CHECKING:
    from app.team.anonymise import CaseChoice, ExportOptions
    from app.ui.pages.team.jobs import CaseCandidate

MAX_CASES = 3


class CaseCardsEditor(QGroupBox):
    """Three rows: pick an incident from the log and describe it in your own words (no names)."""

    #: a case or its description changed
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Casussen voor de bespreking (hoogstens drie)"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Alleen de afspraak, de hoeveelste keer, wat je deed en wat afgesproken was gaan mee, met je "
                "eigen korte beschrijving. Nooit de naam, de datum of je notitie."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #333333;")
        layout.addWidget(hint)
        self.pickers: list[QComboBox] = []
        self.descriptions: list[QLineEdit] = []
        for index in range(MAX_CASES):
            picker = QComboBox()
            picker.setAccessibleName(self.tr("Casus %1: incident").replace("%1", str(index + 1)))
            picker.setMinimumContentsLength(30)
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            text = QLineEdit()
            text.setPlaceholderText(self.tr("Beschrijf de situatie kort, zonder namen"))
            text.setAccessibleName(self.tr("Casus %1: beschrijving").replace("%1", str(index + 1)))
            text.setMaxLength(400)
            picker.currentIndexChanged.connect(lambda _i: self.changed.emit())
            text.textChanged.connect(lambda _t: self.changed.emit())
            row = QVBoxLayout()
            row.addWidget(picker)
            row.addWidget(text)
            layout.addLayout(row)
            self.pickers.append(picker)
            self.descriptions.append(text)
        self.set_candidates([])

    def set_candidates(self, candidates: list[CaseCandidate]) -> None:
        """Offer these incidents; a chosen one that is still offered stays chosen."""
        labels = {
            "stricter": self.tr("strenger"),
            "milder": self.tr("milder"),
            "agreed": self.tr("volgens afspraak"),
        }
        for picker in self.pickers:
            current = picker.currentData()
            picker.blockSignals(True)
            picker.clear()
            picker.addItem(self.tr("(geen casus)"), None)
            for c in candidates:
                # the student's name is shown here only: it never leaves (only rule and steps do)
                template = self.tr("%1 · %2 · %3 · %4 · %5e keer · %6, afgesproken %7 (%8)")
                values = (
                    c.student_name,
                    c.day.strftime("%d-%m"),
                    c.class_name,
                    c.rule,
                    str(c.strike),
                    c.given,
                    c.agreed,
                    labels.get(c.deviation, c.deviation),
                )
                text = re.sub(r"%(\d)", lambda m, v=values: v[int(m.group(1)) - 1], template)  # one pass
                picker.addItem(text, c.incident_id)
                picker.setItemData(picker.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            found = picker.findData(current) if current is not None else 0
            picker.setCurrentIndex(max(0, found))
            picker.blockSignals(False)

    def choices(self) -> tuple[CaseChoice, ...]:
        """The chosen cases with their descriptions (rows without an incident are skipped)."""
        from app.team.anonymise import CaseChoice

        out = []
        for picker, text in zip(self.pickers, self.descriptions, strict=True):
            incident = picker.currentData()
            if incident is not None:
                out.append(CaseChoice(int(incident), text.text()))
        return tuple(out)


class ExportOptionsPanel(QWidget):
    """Period, student rows, points for discussion and case cards; ``options()`` collects them."""

    #: any choice changed (the preview is out of date)
    changed = Signal()
    #: the period changed (the case list must be reloaded)
    period_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = QCheckBox(self.tr("Alleen deze periode (anders alles)"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, self.tr("Vanaf")), (self.date_to, self.tr("Tot en met"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._period)
        today = QDate.currentDate()
        start = school_year_start(today.toPython())
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(today)
        self.limit.toggled.connect(self._toggle)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("t/m")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        period = QVBoxLayout()
        period.addWidget(self.limit)
        period.addLayout(dates)

        self.students = QCheckBox(self.tr("Rijen per leerling (schuilnamen)"))
        self.students.setToolTip(
            self.tr(
                "Onder willekeurige schuilnamen, bij elke export nieuw. Leerlingen met minder dan 5 "
                "incidenten gaan samen in 'overig'."
            )
        )
        self.students.toggled.connect(lambda _b: self.changed.emit())
        #: which sections go out (all by default; remembered by the page)
        self.section_boxes: dict[str, QCheckBox] = {}
        sections = QGroupBox(self.tr("Wat gaat mee"))
        grid = QGridLayout(sections)
        for index, (key, title) in enumerate(SECTIONS.items()):
            box = QCheckBox(translate(title))
            box.setChecked(True)
            box.toggled.connect(lambda _b: self.changed.emit())
            self.section_boxes[key] = box
            grid.addWidget(box, index, 0)  # one column: long labels (and their English) are never cut off
        self.points = QPlainTextEdit()
        self.points.setPlaceholderText(self.tr("Eén bespreekpunt per regel, zonder namen"))
        self.points.setAccessibleName(self.tr("Bespreekpunten"))
        self.points.setTabChangesFocus(True)  # one point per line: Tab moves on to the next control
        self.points.setMaximumHeight(80)
        self.points.textChanged.connect(self.changed.emit)
        self.cases = CaseCardsEditor()
        self.cases.changed.connect(self.changed.emit)
        self.plans = PlansPicker()
        self.plans.changed.connect(self.changed.emit)

        form = QFormLayout()
        form.addRow(self.tr("Periode"), period)
        form.addRow("", self.students)
        form.addRow("", sections)
        form.addRow(self.tr("Bespreekpunten"), self.points)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.cases)
        layout.addWidget(self.plans)
        layout.addStretch(1)

    def _toggle(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._period()

    def _period(self) -> None:
        self.changed.emit()
        self.period_changed.emit()

    def period(self) -> tuple[date | None, date | None]:
        """The chosen period (None, None: everything)."""
        if not self.limit.isChecked():
            return None, None
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]  # QDate.toPython() is typed as object

    def options(self) -> ExportOptions:
        """Everything chosen, as ``ExportOptions``."""
        from app.team.anonymise import ExportOptions

        date_from, date_to = self.period()
        points = tuple(line.strip() for line in self.points.toPlainText().splitlines() if line.strip())
        return ExportOptions(
            date_from,
            date_to,
            self.students.isChecked(),
            self.cases.choices(),
            points,
            self.sections(),
            self.plans.plans(),
        )

    def sections(self) -> frozenset[str] | None:
        """The sections ticked (None: all of them)."""
        chosen = frozenset(key for key, box in self.section_boxes.items() if box.isChecked())
        return None if chosen == frozenset(self.section_boxes) else chosen

    def set_sections(self, keys: frozenset[str] | None) -> None:
        """Tick these sections (None: all), e.g. as remembered from the last export."""
        for key, box in self.section_boxes.items():
            box.setChecked(keys is None or key in keys)
