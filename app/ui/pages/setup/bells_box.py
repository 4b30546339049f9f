"""The school's bell times: one row per period with its start and end, checked before they are stored."""

from __future__ import annotations

import contextlib
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.bells import DEFAULT_BELL_TIMES, MAX_PERIODS, BellTimes, make_bell_times, parse_time
from app.core.errors import UserError
from app.ui.pages.setup.common import button
from app.ui.widgets.inline_message import InlineMessage

if TYPE_CHECKING:
    from app.ui.context import AppContext


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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows and F2/typing edit a time
        self.table.setToolTip(self.tr("Typ een tijd als 08:30; pijltjes gaan naar een andere cel."))
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
            self._append(period.start, period.end)
        self._update_buttons()

    def _append(self, start: time, end: time) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setVerticalHeaderLabels(
            [self.tr("{n}e uur").replace("{n}", str(i + 1)) for i in range(row + 1)]
        )
        self.table.setItem(row, 0, QTableWidgetItem(f"{start:%H:%M}"))
        self.table.setItem(row, 1, QTableWidgetItem(f"{end:%H:%M}"))

    def add_period(self) -> None:
        """A new period right after the last one, fifty minutes long."""
        if self.table.rowCount() >= MAX_PERIODS:
            return
        start = time(8, 30)
        if self.table.rowCount():
            with contextlib.suppress(ValueError):
                start = parse_time(self._cell(self.table.rowCount() - 1, 1))
        minutes = min(start.hour * 60 + start.minute + 50, 23 * 60 + 59)
        self._append(start, time(minutes // 60, minutes % 60))
        self._update_buttons()

    def remove_period(self) -> None:
        """Remove the last period."""
        if self.table.rowCount() > 1:
            self.table.removeRow(self.table.rowCount() - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_PERIODS)
        self.remove_button.setEnabled(self.table.rowCount() > 1)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def set_time(self, row: int, column: int, text: str) -> None:
        """Type a time into a cell (column 0: start, 1: end)."""
        self.table.setItem(row, column, QTableWidgetItem(text))

    def entered(self) -> list[tuple[time, time]]:
        """The (start, end) of every row; a UserError names the first time that is not a time."""
        out = []
        for row in range(self.table.rowCount()):
            pair = []
            for column in (0, 1):
                text = self._cell(row, column)
                try:
                    pair.append(parse_time(text))
                except ValueError:
                    raise UserError(
                        self.tr("{n}e uur: '{t}' is geen tijd; schrijf bijvoorbeeld 08:30.")
                        .replace("{n}", str(row + 1))
                        .replace("{t}", text[:10])
                    ) from None
            out.append((pair[0], pair[1]))
        return out

    def save(self) -> None:
        """Check the times and store them; a mistake is shown and nothing is stored."""
        try:
            bells = make_bell_times(self.entered())
            self.ctx.store.set_bell_times(bells)
        except UserError as exc:
            self.message.show_message(str(exc), "error")
            return
        self.message.show_message(self.tr("Beltijden opgeslagen."), "ok")
        self.ctx.changed()
