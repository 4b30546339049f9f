"""The phase-down plan ('afbouw') of one rule: from which date (week) the rule starts at another step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.pages.setup.common import button, chain_tab_order, short
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.store.records import RuleInfo
    from app.ui.context import AppContext


def week_text(day: QDate) -> str:
    """'week 38' for a date (ISO week number, as schools plan by week)."""
    return QCoreApplication.translate("PhaseDownDialog", "week {n}").replace("{n}", str(day.weekNumber()[0]))


class PhaseDownDialog(QDialog):
    """Rows of (from date, start step); 'Opslaan' replaces the rule's plan with ``store.set_phase_down``."""

    def __init__(self, ctx: AppContext, rule: RuleInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rule = rule
        self.ladder = ctx.store.ladder()
        self.rows: list[tuple[QDateEdit, QLabel, QComboBox, QPushButton]] = []
        self._grid_row = 0  #: grid rows only grow, so a removed row leaves no overlap
        self.setWindowTitle(self.tr("Afbouwplan: {name}").replace("{name}", short(rule.name)))
        self.resize(640, 400)
        explain = QLabel(
            self.tr(
                "Nu begint '{name}' op stap {step}. Plan hier vanaf welke datum de afspraak op een andere "
                "stap begint, bijvoorbeeld milder als de routine er eenmaal in zit."
            )
            .replace("{name}", short(rule.name, 80))
            .replace("{step}", str(rule.start_step))
        )
        explain.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.addWidget(QLabel(self.tr("Vanaf")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Startstap")), 0, 2)
        self.add_button = button(self.tr("Moment toevoegen"))
        self.save_button = button(self.tr("&Opslaan"), self.tr("Afbouwplan opslaan"))
        self.close_button = button(self.tr("Sluiten"))
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        for when, step in rule.phase_downs:
            self.add_row(when, step)

    def add_row(self, when: date | None = None, step: int | None = None) -> None:
        """Add a moment: by default a week after the last one, one step lower."""
        if when is None:
            last = self.rows[-1][0].date().toPython() if self.rows else date.today()
            when = last + timedelta(days=7)
        if step is None:
            previous = self.rows[-1][2].currentData() if self.rows else self.rule.start_step
            step = max(1, int(previous) - 1)
        n = len(self.rows) + 1
        day = QDateEdit(QDate(when))
        day.setCalendarPopup(True)
        day.setAccessibleName(self.tr("Vanaf datum, moment {n}").replace("{n}", str(n)))
        week = QLabel(week_text(day.date()))
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Startstap, moment {n}").replace("{n}", str(n)))
        for s in self.ladder:
            combo.addItem(f"{s.level} · {s.name}", s.level)
        combo.setCurrentIndex(max(combo.findData(step), 0))
        remove = button(self.tr("Weghalen"), self.tr("Moment {n} weghalen").replace("{n}", str(n)))
        day.dateChanged.connect(lambda d, label=week: label.setText(week_text(d)))
        row_widgets = (day, week, combo, remove)
        remove.clicked.connect(lambda _=False, widgets=row_widgets: self._remove(widgets))
        self._grid_row += 1
        for col, widget in enumerate(row_widgets):
            self.grid.addWidget(widget, self._grid_row, col)
        self.rows.append(row_widgets)
        fields = [w for d, _, c, r in self.rows for w in (d, c, r)]
        chain_tab_order([*fields, self.add_button, self.close_button, self.save_button])

    def _remove(self, widgets: tuple[QDateEdit, QLabel, QComboBox, QPushButton]) -> None:
        self.rows.remove(widgets)
        for widget in widgets:
            self.grid.removeWidget(widget)
            widget.deleteLater()

    def plan(self) -> list[tuple[date, int]]:
        """The plan as the fields say."""
        return [(day.date().toPython(), int(combo.currentData())) for day, _, combo, _ in self.rows]

    def save(self) -> None:
        """Store the plan; a refusal (a date twice, a step off the ladder) is shown and nothing changes."""
        try:
            self.rule = self.ctx.store.set_phase_down(self.rule.id, self.plan())
        except UserError as exc:
            self.message.show_error(str(exc))
            return
        self.ctx.changed()
        self.accept()
