"""The filter bar of the history page: kind, class, student, rule and period."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractProxyModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.core.calendar import monday_of

if TYPE_CHECKING:
    from app.store.records import ClassInfo, RuleInfo, StudentInfo


#: period presets: key -> Dutch label
PERIODS = (
    ("all", QT_TRANSLATE_NOOP("HistoryFilterBar", "Alles")),
    ("week", QT_TRANSLATE_NOOP("HistoryFilterBar", "Deze week")),
    ("month", QT_TRANSLATE_NOOP("HistoryFilterBar", "Deze maand")),
    ("30d", QT_TRANSLATE_NOOP("HistoryFilterBar", "Laatste 30 dagen")),
    ("custom", QT_TRANSLATE_NOOP("HistoryFilterBar", "Zelf kiezen")),
)


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    """The date range of a period preset ('custom' and 'all' give no range)."""
    if key == "week":
        monday = monday_of(today)
        return monday, monday + timedelta(days=6)
    if key == "month":
        first = today.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if key == "30d":
        return today - timedelta(days=29), today
    return None, None


def shrinkable(combo: QComboBox, chars: int) -> QComboBox:
    """Let a combo box shrink to about ``chars`` characters (long entries are elided, the list shows them)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def fold(text: str) -> str:
    """Lower case without accents, so 'zoe' finds 'Zoë'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class FoldedFilter(QSortFilterProxyModel):
    """Keeps the entries whose text contains the typed text, ignoring case and accents."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        """Filter on ``text`` (an empty text keeps everything)."""
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """True when the entry contains the typed text."""
        if not self._needle:
            return True
        text = self.sourceModel().index(source_row, 0, source_parent).data() or ""
        return self._needle in fold(str(text))


class SearchableCombo(QComboBox):
    """An editable combo box whose pop-up lists the entries containing the typed text (accents ignored)."""

    def __init__(
        self, accessible: str, parent: QWidget | None = None, *, revert_unknown: bool = False
    ) -> None:
        super().__init__(parent)
        #: when the typed text fits no entry: show the chosen entry again (a filter) or keep the text, so
        #: saving can say "choose a student from the list" (an edit)
        self.revert_unknown = revert_unknown
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(accessible)
        self.matches = FoldedFilter(self)
        self.matches.setSourceModel(self.model())
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self.matches.set_needle)
        completer.activated[QModelIndex].connect(self._picked)
        self.lineEdit().editingFinished.connect(self.settle)

    def settle(self) -> None:
        """After typing (Enter or leaving the field): take the one entry that contains the text.

        Without this, 'Daan' typed over 'Zoë de Vries (2A)' left the filter on Zoë while the field said Daan.
        """
        text = self.currentText()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return
        needle = fold(text.strip())
        if not needle and self.itemData(0) is None and self.count():
            self.setCurrentIndex(0)  # an emptied filter field means 'everyone'
            return
        found = [i for i in range(self.count()) if needle and needle in fold(self.itemText(i))]
        if len(found) == 1:
            self.setCurrentIndex(found[0])
            self.setEditText(self.itemText(found[0]))
        elif self.revert_unknown and self.currentIndex() >= 0:
            self.setEditText(self.itemText(self.currentIndex()))

    def _picked(self, index: QModelIndex) -> None:
        completion = self.completer().completionModel()  # a proxy of ``matches``
        if isinstance(completion, QAbstractProxyModel):
            index = completion.mapToSource(index)
        source = self.matches.mapToSource(index)
        if source.isValid():
            self.setCurrentIndex(source.row())


def searchable_combo(accessible: str, *, revert_unknown: bool = False) -> QComboBox:
    """An editable combo box that finds entries by any part of their text, ignoring accents."""
    return SearchableCombo(accessible, revert_unknown=revert_unknown)


class HistoryFilterBar(QWidget):
    """Combo boxes and date fields; emits ``filters_changed`` when the user changes one."""

    #: any filter changed
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Soort tonen"))
        self.kind.addItem(self.tr("Alles"), None)
        self.kind.addItem(self.tr("Alleen incidenten"), "incident")
        self.kind.addItem(self.tr("Alleen complimenten"), "praise")
        self.class_combo = QComboBox()
        self.class_combo.setAccessibleName(self.tr("Filter op klas"))
        self.student = searchable_combo(self.tr("Filter op leerling"), revert_unknown=True)
        self.rule = QComboBox()
        self.rule.setAccessibleName(self.tr("Filter op afspraak"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Periode"))
        for key, label in PERIODS:
            self.period.addItem(self.tr(label), key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        self.date_from.setAccessibleName(self.tr("Vanaf datum"))
        self.date_to.setAccessibleName(self.tr("Tot en met datum"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        for combo in (self.kind, self.class_combo, self.student, self.rule, self.period):
            shrinkable(combo, 8)
        self.clear_button = QPushButton(self.tr("Filters wissen"))
        self.clear_button.setAccessibleName(self.tr("Filters wissen"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        pairs = (
            (self.tr("&Toon"), self.kind),
            (self.tr("&Klas"), self.class_combo),
            (self.tr("&Leerling"), self.student),
            (self.tr("&Afspraak"), self.rule),
        )
        for col, (text, widget) in enumerate(pairs):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
            grid.setColumnStretch(col, 2)
        period_label = QLabel(self.tr("&Periode"))
        period_label.setBuddy(self.period)
        grid.addWidget(period_label, 0, 4)
        grid.addWidget(self.period, 1, 4)
        grid.addWidget(QLabel(self.tr("van")), 0, 5)
        grid.addWidget(self.date_from, 1, 5)
        grid.addWidget(QLabel(self.tr("tot en met")), 0, 6)
        grid.addWidget(self.date_to, 1, 6)
        grid.addWidget(self.clear_button, 1, 7)

        for combo in (self.kind, self.class_combo, self.rule, self.period):
            combo.currentIndexChanged.connect(self._changed)
        self.student.currentIndexChanged.connect(self._changed)
        self.date_from.dateChanged.connect(self._changed)
        self.date_to.dateChanged.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)

    def fill(self, classes: list[ClassInfo], students: list[StudentInfo], rules: list[RuleInfo]) -> None:
        """Offer these classes, students and rules, keeping the current choices when still there."""
        self._filling = True
        try:
            _refill(self.class_combo, self.tr("Alle klassen"), [(c.name, c.name) for c in classes])
            _refill(
                self.student,
                self.tr("Alle leerlingen"),
                [
                    (f"{s.name} ({s.class_name})", s.id)
                    for s in sorted(students, key=lambda s: s.name.casefold())
                ],
            )
            _refill(self.rule, self.tr("Alle afspraken"), [(r.name, r.id) for r in rules])
        finally:
            self._filling = False

    def values(self, today: date | None = None) -> dict[str, object]:
        """The filters as keyword arguments for ``HistoryFilterProxy.set_filters``."""
        key = self.period.currentData()
        custom = key == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if custom:
            start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        else:
            start, end = period_range(key, today or date.today())
        return {
            "kind": self.kind.currentData(),
            "class_name": self.class_combo.currentData(),
            "student_id": self.student.currentData(),
            "rule_id": self.rule.currentData(),
            "date_from": start,
            "date_to": end,
        }

    def clear(self) -> None:
        """Back to showing everything."""
        self._filling = True
        for combo in (self.kind, self.class_combo, self.student, self.rule, self.period):
            combo.setCurrentIndex(0)
        self._filling = False
        self.filters_changed.emit()

    def _changed(self, *_: object) -> None:
        if not self._filling:
            self.filters_changed.emit()


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    """Replace a combo's items (first 'everything' = None), keeping the chosen data if still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
