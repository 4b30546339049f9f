"""The school's bell times: one row per period with its start and end, checked before they are stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.bells import DEFAULT_BELL_TIMES, MAX_PERIODS, BellTimes, make_bell_times
from app.core.errors import UserError
from app.ui.pages.setup.common import button
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext


def _time_edit(value: QTime, accessible: str) -> QTimeEdit:
    edit = QTimeEdit(value)
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(accessible)
    return edit


class BellsBox(QGroupBox):
    """Start and end of every period; 'Opslaan' checks and stores them, 'Standaard' restores the usual day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Beltijden"))
        self.ctx = ctx
        intro = QLabel(
            self.tr(
                "Welk lesuur wanneer begint en eindigt. Het rooster en de Log-pagina rekenen hiermee; "
                "een les die twee lesuren beslaat is één les (een blokuur)."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Beltijden per lesuur"))
        self.table.setHorizontalHeaderLabels([self.tr("Begin"), self.tr("Einde")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.add_button = button(self.tr("Lesuur &toevoegen"))
        self.remove_button = button(self.tr("Laatste lesuur &weghalen"))
        self.default_button = button(self.tr("Gebruikelijke tijden"))
        self.save_button = button(self.tr("Beltijden &opslaan"))
        self.message = InlineMessage()
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.default_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_period)
        self.remove_button.clicked.connect(self.remove_period)
        self.default_button.clicked.connect(lambda: self.show_bells(DEFAULT_BELL_TIMES))
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        """Show the stored bell times."""
        self.show_bells(self.ctx.store.bell_times())

    def show_bells(self, bells: BellTimes) -> None:
        """Fill the rows with these times (nothing is stored)."""
        self.table.setRowCount(0)
        for period in bells.periods:
            self._append(
                QTime(period.start.hour, period.start.minute), QTime(period.end.hour, period.end.minute)
            )
        self._update_buttons()

    def _append(self, start: QTime, end: QTime) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        label = self.tr("{n}e uur").replace("{n}", str(row + 1))
        self.table.setVerticalHeaderLabels(
            [self.tr("{n}e uur").replace("{n}", str(i + 1)) for i in range(row + 1)]
        )
        self.table.setCellWidget(row, 0, _time_edit(start, self.tr("{p} begint").replace("{p}", label)))
        self.table.setCellWidget(row, 1, _time_edit(end, self.tr("{p} eindigt").replace("{p}", label)))

    def add_period(self) -> None:
        """A new period right after the last one, fifty minutes long."""
        if self.table.rowCount() >= MAX_PERIODS:
            return
        last = self.table.cellWidget(self.table.rowCount() - 1, 1) if self.table.rowCount() else None
        start = last.time() if isinstance(last, QTimeEdit) else QTime(8, 30)
        self._append(start, start.addSecs(50 * 60))
        self._update_buttons()

    def remove_period(self) -> None:
        """Remove the last period."""
        if self.table.rowCount() > 1:
            self.table.removeRow(self.table.rowCount() - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_PERIODS)
        self.remove_button.setEnabled(self.table.rowCount() > 1)

    def entered(self) -> list[tuple[QTime, QTime]]:
        """The (start, end) of every row as entered."""
        out = []
        for row in range(self.table.rowCount()):
            start, end = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            assert isinstance(start, QTimeEdit) and isinstance(end, QTimeEdit)
            out.append((start.time(), end.time()))
        return out

    def save(self) -> None:
        """Check the times and store them; a mistake is shown and nothing is stored."""
        try:
            bells = make_bell_times((s.toPython(), e.toPython()) for s, e in self.entered())
            self.ctx.store.set_bell_times(bells)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self.message.show_message(self.tr("Beltijden opgeslagen."), "ok")
        self.ctx.changed()
