"""The incidents behind a blind spot: a sortable table on the page (no dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
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

from app.store.records import LoggedIncident
from app.ui.widgets.inline_message import InlineMessage

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentsBehind", text)


def _reaction(row: LoggedIncident) -> str:
    return {"stricter": _tr("strenger"), "milder": _tr("milder")}.get(row.deviation, _tr("volgens afspraak"))


#: (header, display text, sort value); the headers are translated where they are shown
COLUMNS: tuple[tuple[str, Callable[[LoggedIncident], str], Callable[[LoggedIncident], Any]], ...] = (
    ("Datum", lambda r: r.occurred_at.strftime("%d-%m-%y %H:%M"), lambda r: r.occurred_at.isoformat()),
    ("Leerling", lambda r: r.student_name, lambda r: r.student_name),
    ("Afspraak", lambda r: r.rule_name, lambda r: r.rule_name),
    ("Keer", lambda r: str(r.strike), lambda r: r.strike),
    ("Gegeven", lambda r: r.step_name, lambda r: r.step),
    ("Volgens afspraak", lambda r: r.agreed_step_name, lambda r: r.agreed_step),
    ("Reactie", _reaction, lambda r: r.step - r.agreed_step),
    ("Lesuur", lambda r: str(r.period) if r.period is not None else "", lambda r: r.period or 0),
    ("Klas", lambda r: r.class_name, lambda r: r.class_name),
    ("Notitie", lambda r: r.note, lambda r: r.note),
)
REACTION = 6  #: the column tinted by stricter / milder
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
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, sort values, a light tint for stricter/milder, the record."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        _header, shown, sort = COLUMNS[index.column()]
        if role == self.RowRole:
            return row
        if role == self.SortRole:
            return sort(row)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == REACTION:
            return _TINT.get(row.deviation)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(row)
        return None


#: the headers, marked for translation
_HEADERS = (
    QT_TRANSLATE_NOOP("IncidentsBehind", "Datum"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Leerling"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Afspraak"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Keer"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Gegeven"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Volgens afspraak"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Reactie"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Lesuur"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Klas"),
    QT_TRANSLATE_NOOP("IncidentsBehind", "Notitie"),
)


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
        self.table.setTabKeyNavigation(False)  # arrows move between cells, Tab leaves the table
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
        one_student = len({r.student_id for r in rows}) == 1
        self.table.setColumnHidden(1, one_student)  # the title already names the student
        if not rows:
            self.message.show_message(self.tr("Deze incidenten zijn intussen verwijderd of aangepast."))

    def show_error(self, text: str) -> None:
        """Show why the incidents could not be loaded."""
        self.message.show_error(text)
