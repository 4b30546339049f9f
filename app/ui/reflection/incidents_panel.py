"""The incidents behind a blind spot: a sortable table on the page (no dialog)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.records import LoggedIncident
from app.ui.inline_message import InlineMessage

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentsBehind", text)


#: column headers (marked for translation where they are used)
HEADERS = (
    "Datum",
    "Uur",
    "Leerling",
    "Klas",
    "Afspraak",
    "Keer",
    "Gegeven",
    "Volgens afspraak",
    "Reactie",
    "Notitie",
)
_TINT = {"stricter": QColor("#fbe3d3"), "milder": QColor("#dbe9f6")}


class IncidentTableModel(QAbstractTableModel):
    """Rows of :class:`LoggedIncident` with a sort role per column."""

    #: the value to sort on (dates and numbers sort as such)
    SortRole = Qt.ItemDataRole.UserRole + 1
    #: the whole record
    RowRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[LoggedIncident] = []

    def set_rows(self, rows: list[LoggedIncident]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """Number of incidents."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """Number of columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, sort values, a light tint for stricter/milder, the record."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and col == 8:
            return _TINT.get(row.deviation)
        if role == self.SortRole:
            return (
                row.occurred_at.isoformat(),
                row.period or 0,
                row.student_name,
                row.class_name,
                row.rule_name,
                row.strike,
                row.step,
                row.agreed_step,
                row.step - row.agreed_step,
                row.note,
            )[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            reaction = {"stricter": _tr("strenger"), "milder": _tr("milder")}.get(
                row.deviation, _tr("volgens afspraak")
            )
            return (
                row.occurred_at.strftime("%d-%m-%Y %H:%M"),
                str(row.period) if row.period is not None else "",
                row.student_name,
                row.class_name,
                row.rule_name,
                f"{row.strike}e",
                row.step_name,
                row.agreed_step_name,
                reaction,
                row.note,
            )[col]
        return None


class IncidentsPanel(QWidget):
    """A heading saying which pattern, then the incidents behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Klik op een mogelijke blinde vlek om de incidenten erachter te zien."))
        self.heading.setWordWrap(True)
        self.message = InlineMessage()
        self.model = IncidentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(IncidentTableModel.SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Incidenten achter het patroon"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setAccessibleName(self.tr("Incidenten sluiten"))
        self.close_button.clicked.connect(self.hide)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def show_loading(self, title: str) -> None:
        """Say which pattern is being opened."""
        self.heading.setText(self.tr("Incidenten achter: %1 (laden…)").replace("%1", title))
        self.message.clear_message()
        self.model.set_rows([])

    def set_incidents(self, title: str, rows: list[LoggedIncident]) -> None:
        """Show the rows behind the pattern ``title``."""
        self.heading.setText(self.tr("Incidenten achter: %1 (%n)", "", len(rows)).replace("%1", title))
        self.model.set_rows(rows)
        if not rows:
            self.message.show_message(self.tr("Deze incidenten zijn intussen verwijderd of aangepast."))

    def show_error(self, text: str) -> None:
        """Show why the incidents could not be loaded."""
        self.message.show_error(text)
