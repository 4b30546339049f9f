"""Table models over store records: the history of incidents and praise, and a class's students.

Each model holds plain rows, replaced at once with ``set_rows()``; sorting and filtering happen in a
``QSortFilterProxyModel`` on ``SortRole``, so a log of 10k+ rows stays smooth (no per-row widgets).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.ui.pages.history.row import HistoryRow, deviation_text

if TYPE_CHECKING:
    from app.store.records import StudentInfo

#: the raw value a column sorts on (datetime as ISO text, numbers as numbers)
SortRole = Qt.ItemDataRole.UserRole + 1
#: the whole row object (a HistoryRow or StudentInfo)
RowRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def locale_datetime(value: datetime) -> str:
    """A date and time in the user's locale (short format)."""
    return QLocale().toString(QDateTime(value), QLocale.FormatType.ShortFormat)


def locale_date(value: date) -> str:
    """A date in the user's locale (short format)."""
    return QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat)


#: light tints from the Okabe–Ito palette (colour-blind safe), always beside a symbol and words
_TINTS = {"stricter": QColor("#f6dcc2"), "milder": QColor("#cfe3f3"), "praise": QColor("#d9efe6")}


class HistoryTableModel(QAbstractTableModel):
    """Incidents and praise, one per row; columns below, sortable on ``SortRole``."""

    #: a praise shows "★ Compliment" in the rule column (tinted), so it stands out without a column of its own
    WHEN, PERIOD, CLASS, STUDENT, RULE, STRIKE, STEP, AGREED, DEVIATION, NOTE, EDITED = range(11)
    #: column titles (Dutch source strings, translated when shown)
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryTableModel", "Wanneer"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Lesuur"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Klas"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Leerling"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Afspraak"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Keer"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Gegeven stap"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Volgens afspraak"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Afwijking"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Notitie"),
        QT_TRANSLATE_NOOP("HistoryTableModel", "Bewerkt"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[HistoryRow]) -> None:
        """Replace every row at once (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on the column's sort value: 10k+ rows in milliseconds, selection kept."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in old]
        self._rows = self._sorted(self._rows)
        where = {id(row): n for n, row in enumerate(self._rows)}
        new = [
            self.index(where[id(row)], i.column()) if row is not None else QModelIndex()
            for i, row in zip(old, old_rows, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[HistoryRow]) -> list[HistoryRow]:
        if self._sort is None:
            return rows
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self.WHEN:  # the usual case: one sort on the datetime itself
            return sorted(rows, key=lambda r: (r.occurred_at, r.id), reverse=descending)
        # ties keep time order, newest first, so equal values read like a log
        rows = sorted(rows, key=lambda r: (r.occurred_at, r.id), reverse=True)
        return sorted(rows, key=lambda r: self._sort_value(r, column), reverse=descending)

    def rows(self) -> list[HistoryRow]:
        """The rows held, in the current sort order, unfiltered."""
        return list(self._rows)

    def row_at(self, source_row: int) -> HistoryRow:
        """The row at a source row number."""
        return self._rows[source_row]

    def source_row_of(self, kind: str, line_id: int) -> int:
        """The source row of a line, or -1."""
        for n, row in enumerate(self._rows):
            if row.id == line_id and row.kind == kind:
                return n
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (0 under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, sort value, the row itself, tooltips and tints."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SortRole:
            return self._sort_value(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            tint = self._tint(row, col)
            if tint is not None:
                # tinted cells get dark text, so they stay readable with a dark palette too
                return tint if role == Qt.ItemDataRole.BackgroundRole else QColor("#1a1a1a")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.STRIKE, self.PERIOD):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tint(self, row: HistoryRow, col: int) -> QColor | None:
        if col == self.DEVIATION and row.deviation in _TINTS:
            return _TINTS[row.deviation]
        if col == self.RULE and row.is_praise:
            return _TINTS["praise"]
        return None

    def _display(self, row: HistoryRow, col: int) -> str:
        dash = "—"
        if col == self.WHEN:
            return locale_datetime(row.occurred_at)
        if col == self.PERIOD:
            return self.tr("{n}e uur").replace("{n}", str(row.period)) if row.period is not None else dash
        if col == self.CLASS:
            return row.class_name
        if col == self.STUDENT:
            return row.student_name
        if col == self.NOTE:
            return row.note
        if col == self.EDITED:
            return locale_date(row.edited_at.date()) if row.edited_at else ""
        if row.is_praise:
            return self.tr("★ Compliment") if col == self.RULE else dash
        if col == self.RULE:
            return row.rule_name
        if col == self.STRIKE:
            return self.tr("{n}e").replace("{n}", str(row.strike))
        if col == self.STEP:
            return f"{row.step} · {row.step_name}"
        if col == self.AGREED:
            return f"{row.agreed_step} · {row.agreed_step_name}"
        if col == self.DEVIATION:
            return deviation_text(row)
        return ""

    def _sort_value(self, row: HistoryRow, col: int) -> Any:
        if col == self.WHEN:
            return row.occurred_at.isoformat()
        if col == self.PERIOD:
            return -1 if row.period is None else row.period
        if col == self.CLASS:
            return row.class_name.casefold()
        if col == self.STUDENT:
            return row.student_name.casefold()
        if col == self.RULE:
            return "" if row.is_praise else row.rule_name.casefold()
        if col == self.STRIKE:
            return row.strike
        if col == self.STEP:
            return row.step
        if col == self.AGREED:
            return row.agreed_step
        if col == self.DEVIATION:
            return -99 if row.is_praise else row.step - row.agreed_step
        if col == self.NOTE:
            return row.note.casefold()
        if col == self.EDITED:
            return row.edited_at.isoformat() if row.edited_at else ""
        return ""

    def _tooltip(self, row: HistoryRow, col: int) -> str | None:
        if col == self.DEVIATION and not row.is_praise:
            return (
                self.tr("Gegeven: stap {step}; volgens afspraak bij de {strike}e keer: stap {agreed}.")
                .replace("{step}", str(row.step))
                .replace("{strike}", str(row.strike))
                .replace("{agreed}", str(row.agreed_step))
            )
        if col in (self.NOTE, self.RULE, self.STEP, self.AGREED, self.STUDENT):
            return self._display(row, col) or None
        if col == self.EDITED and row.edited_at:
            return self.tr("Laatst bewerkt op {when}").replace("{when}", locale_datetime(row.edited_at))
        return None


class HistoryFilterProxy(QSortFilterProxyModel):
    """Filters the history by kind, class, student, rule and period; sorting is left to the source.

    A proxy sorts through one Python ``data()`` call per comparison (about a second for 13k rows);
    the source model sorts its rows in Python once instead, and the proxy keeps the source order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self.kind: str | None = None  #: 'incident', 'praise' or None for both
        self.class_name: str | None = None
        self.student_id: int | None = None
        self.rule_id: int | None = None
        self.date_from: date | None = None
        self.date_to: date | None = None

    def set_filters(
        self,
        *,
        kind: str | None = None,
        class_name: str | None = None,
        student_id: int | None = None,
        rule_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        refilter: bool = True,
    ) -> None:
        """Set every filter at once (None = no filter on that field) and re-filter once.

        ``refilter=False`` only stores them, for a source reset that follows and filters anyway.
        """
        if refilter:
            self.beginFilterChange()
        self.kind, self.class_name, self.student_id = kind, class_name, student_id
        self.rule_id, self.date_from, self.date_to = rule_id, date_from, date_to
        if refilter:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model (fast) and show it in that order."""
        self._sorted_by = (column, order)
        self.sourceModel().sort(column, order)

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order last sorted on, if any."""
        return self._sorted_by

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Keep a row when it passes every filter that is set."""
        model = self.sourceModel()
        if isinstance(model, HistoryTableModel):  # the fast path: no index or data() round trip
            return 0 <= source_row < model.rowCount() and self.accepts(model.row_at(source_row))
        row: HistoryRow | None = model.data(model.index(source_row, 0, source_parent), RowRole)
        return row is not None and self.accepts(row)

    def accepts(self, row: HistoryRow) -> bool:
        """True when ``row`` passes every filter that is set."""
        if self.kind is not None and row.kind != self.kind:
            return False
        if self.rule_id is not None and row.rule_id != self.rule_id:
            return False
        if self.class_name is not None and row.class_name != self.class_name:
            return False
        if self.student_id is not None and row.student_id != self.student_id:
            return False
        if self.date_from is not None and row.day < self.date_from:
            return False
        return not (self.date_to is not None and row.day > self.date_to)


class StudentTableModel(QAbstractTableModel):
    """Students of a class: number, name, class, archived or not, then one column per audit attribute."""

    NUMBER, NAME, CLASS, STATUS = range(4)
    #: the first attribute's column; attribute columns follow in name order
    FIRST_ATTRIBUTE = 4
    #: fixed column titles (Dutch source strings)
    HEADERS = (
        QT_TRANSLATE_NOOP("StudentTableModel", "Nummer"),
        QT_TRANSLATE_NOOP("StudentTableModel", "Naam"),
        QT_TRANSLATE_NOOP("StudentTableModel", "Klas"),
        QT_TRANSLATE_NOOP("StudentTableModel", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StudentInfo] = []
        self.attributes: list[str] = []

    def set_rows(self, rows: list[StudentInfo], attributes: list[str] | None = None) -> None:
        """Replace every row at once; ``attributes`` names the attribute columns (default: those used)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.attributes = (
            list(attributes)
            if attributes is not None
            else sorted({name for row in rows for name in row.attributes})
        )
        self.endResetModel()

    def row_of(self, student_id: int) -> int:
        """The source row of a student, or -1."""
        for i, row in enumerate(self._rows):
            if row.id == student_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of students."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns: the fixed ones and one per attribute."""
        return 0 if parent.isValid() else len(self.HEADERS) + len(self.attributes)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles; attribute columns carry the attribute's own name."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section >= self.FIRST_ATTRIBUTE:
                return self.attributes[section - self.FIRST_ATTRIBUTE]
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, sort value and the student record."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        student = self._rows[index.row()]
        col = index.column()
        if role == RowRole:
            return student
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if col >= self.FIRST_ATTRIBUTE:
                return student.attributes.get(self.attributes[col - self.FIRST_ATTRIBUTE], "")
            if col == self.NUMBER:
                return student.external_id
            if col == self.NAME:
                return student.name if role == Qt.ItemDataRole.DisplayRole else student.name.casefold()
            if col == self.CLASS:
                return student.class_name
            if col == self.STATUS:
                return self.tr("gearchiveerd") if student.archived else self.tr("actief")
        return None
