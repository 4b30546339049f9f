"""The history page: every incident and praise in a sortable, filterable table; edit, delete, undo."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.store.undo import (
    Command,
    IncidentEdited,
    PraiseEdited,
)
from app.ui.pages.history.edit_panel import HistoryEditPanel
from app.ui.pages.history.filters import HistoryFilterBar
from app.ui.pages.history.lessons_view import LessonsView
from app.ui.pages.history.row import HistoryRow, HistorySnapshot, load_history
from app.ui.pages.history.undoing import HistoryUndo
from app.ui.widgets.follow_up_actions import FollowUpActions
from app.ui.widgets.inline_message import InlineMessage, UndoBar
from app.ui.widgets.table_models import (
    HistoryFilterProxy,
    HistoryTableModel,
    RowRole,
    locale_date,
    locale_datetime,
)

if TYPE_CHECKING:
    from app.ui.context import AppContext


#: widths in characters of the font for columns of free text (the note column takes the rest)
_WIDTHS = {
    HistoryTableModel.STUDENT: 17,
    HistoryTableModel.RULE: 21,
    HistoryTableModel.STEP: 17,
    HistoryTableModel.AGREED: 17,
}


class HistoryPage(HistoryUndo, QWidget):
    """The table of incidents and praise with filters, an edit panel and an undo bar."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._loading = False
        self._stale = True
        #: batches of deleted lines with their undo text, newest last
        self._pending_select: list[tuple[str, int]] = []
        self.snapshot: HistorySnapshot | None = None

        self.filters = HistoryFilterBar()
        self.undo_bar = UndoBar()
        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Geschiedenis van incidenten en complimenten"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        self._set_column_widths()
        header.setSectionResizeMode(HistoryTableModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Aantal getoonde regels"))
        self.message = InlineMessage()
        self.panel = HistoryEditPanel()
        #: the selected consequence's follow-up: the student, then the parents (as on the Log page)
        self.follow_up = FollowUpActions(ctx)
        self.follow_up.message.connect(
            lambda text, bad: self.message.show_message(text, "error" if bad else "ok")
        )

        incidents = QWidget()
        inner = QVBoxLayout(incidents)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.filters,
            self.undo_bar,
            self.message,
            self.table,
            self.count_label,
            self.follow_up,
            self.panel,
        ):
            inner.addWidget(widget, 1 if widget is self.table else 0)
        #: every lesson, calm ones too; a lesson can be marked not taught (History › Lessen)
        self.lessons = LessonsView(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(incidents, self.tr("Incidenten en complimenten"))
        self.tabs.addTab(self.lessons, self.tr("Lessen"))
        self.tabs.currentChanged.connect(lambda _i: self._lessons_if_shown())
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Geschiedenis"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.filters.filters_changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.panel.save_requested.connect(self.save_selected)
        self.panel.delete_requested.connect(self.delete_selected)
        self.undo_bar.undo_requested.connect(self.undo)
        self.table.installEventFilter(self)
        self._add_sort_actions()
        ctx.events.store_changed.connect(self._store_changed)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Delete key in the table deletes the selected lines."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def _add_sort_actions(self) -> None:
        """Sorting without the mouse: the table's context menu (Menu key, Shift+F10) offers every column."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for col in range(self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            action = QAction(self.tr("Sorteren op '{column}'").replace("{column}", title), self.table)
            action.triggered.connect(lambda _=False, c=col: self.sort_by(c))
            self.table.addAction(action)

    def sort_by(self, column: int) -> None:
        """Sort on ``column``; asked again for the same column, turn the order around."""
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() == column:
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        else:
            order = Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Z (not used by a text field) undoes this window's newest action, as the undo bar does."""
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            event.accept()
            return
        super().keyPressEvent(event)

    def _set_column_widths(self) -> None:
        """Widths from the font: sample texts for fixed formats, a number of characters for free text."""
        metrics = self.table.fontMetrics()
        char = metrics.horizontalAdvance("0123456789abcdefghij") / 20
        for col, chars in _WIDTHS.items():
            self.table.setColumnWidth(col, int(chars * char) + 14)
        late = datetime(2026, 12, 28, 23, 59)
        m = HistoryTableModel
        samples = {
            m.WHEN: [locale_datetime(late)],
            m.PERIOD: [QCoreApplication.translate("HistoryTableModel", "{n}e uur").replace("{n}", "10")],
            m.CLASS: ["2A-h"],
            m.STRIKE: ["10e"],
            m.DEVIATION: [
                QCoreApplication.translate("TableModels", "= volgens afspraak"),
                QCoreApplication.translate("TableModels", "▲ strenger (+{n})"),
            ],
            m.EDITED: [locale_date(late.date())],
        }
        for col, texts in samples.items():
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(t) for t in [*texts, header])
            self.table.setColumnWidth(col, width + 20)

    # -- loading ---------------------------------------------------------------------------------
    def activated(self) -> None:
        """Shown: reload when the store changed while the page was hidden."""
        if self._stale:
            self.reload()

    def is_busy(self) -> bool:
        """True while the history is being read (screenshot mode waits for it)."""
        return self._loading

    def _store_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _lessons_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.lessons:
            self.lessons.reload()

    def reload(self) -> None:
        """Read the store again in the background; a newer reload wins over an older one."""
        self._lessons_if_shown()
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._stale = False
        store = self.ctx.store
        self.ctx.tasks.run_task(lambda: load_history(store), lambda r, e: self._loaded(generation, r, e))

    def _loaded(self, generation: int, snapshot: HistorySnapshot | None, error: BaseException | None) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if error is not None or snapshot is None:
            self.message.show_error(
                self.tr("De geschiedenis kon niet worden gelezen: {err}").replace("{err}", str(error))
            )
            return
        keep = self._pending_select or self._selected_keys()
        self._pending_select = []
        self.snapshot = snapshot
        self.filters.fill(
            [c for c in snapshot.classes if not c.archived] or snapshot.classes,
            snapshot.students,
            snapshot.rules,
        )
        self.panel.fill(snapshot.students, snapshot.rules, snapshot.ladder)
        # filters first, so the reset filters the new rows once
        self.proxy.set_filters(**self.filters.values(), refilter=False)  # type: ignore[arg-type]  # values() holds exactly these keywords
        self.model.set_rows(snapshot.rows)
        self._update_count()
        self._select_keys(keep)

    # -- filters and selection -------------------------------------------------------------------
    def apply_filters(self) -> None:
        """Filter the table by the filter bar and update the count."""
        self.proxy.set_filters(**self.filters.values())  # type: ignore[arg-type]  # exactly these keywords
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        rows = self.model.rows()
        accepts = self.proxy.accepts
        n_praise = sum(1 for r in rows if r.is_praise and accepts(r))
        shown = self.proxy.rowCount()
        if not rows:
            self.count_label.setText(
                self.tr("Nog niets gelogd: wat je op de pagina Loggen opslaat, verschijnt hier.")
            )
            return
        if not shown:
            self.count_label.setText(
                self.tr(
                    "Geen regels bij deze filters ({n} in totaal). 'Filters wissen' toont weer alles."
                ).replace("{n}", str(len(rows)))
            )
            return
        n_incidents = shown - n_praise
        incidents = (
            self.tr("1 incident")
            if n_incidents == 1
            else self.tr("{n} incidenten").replace("{n}", str(n_incidents))
        )
        praise = (
            self.tr("1 compliment")
            if n_praise == 1
            else self.tr("{n} complimenten").replace("{n}", str(n_praise))
        )
        self.count_label.setText(
            self.tr("{incidents} en {praise} getoond, van {n} in totaal.")
            .replace("{incidents}", incidents)
            .replace("{praise}", praise)
            .replace("{n}", str(len(rows)))
        )

    def selected_rows(self) -> list[HistoryRow]:
        """The selected lines, in table order."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.proxy.data(i, RowRole) for i in indexes]

    def _selected_keys(self) -> list[tuple[str, int]]:
        return [(r.kind, r.id) for r in self.selected_rows()]

    def _select_keys(self, keys: list[tuple[str, int]]) -> None:
        selection = self.table.selectionModel()
        first = None
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for kind, line_id in keys:
            source_row = self.model.source_row_of(kind, line_id)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else None
            if index is not None and index.isValid():
                selection.select(index, flags)
                first = first or index
        if first is not None:
            self.table.scrollTo(first)
        self._selection_changed()

    def select_line(self, kind: str, line_id: int) -> None:
        """Select one line by kind and id (clears the rest)."""
        self.table.clearSelection()
        self._select_keys([(kind, line_id)])

    def _selection_changed(self, *_: object) -> None:
        rows = self.selected_rows()
        self.panel.show_row(rows[0] if rows else None, len(rows))
        one = rows[0] if len(rows) == 1 and not rows[0].is_praise else None
        self.follow_up.show_follow_up(self.ctx.store.follow_up(one.id) if one is not None else None)

    # -- writes ----------------------------------------------------------------------------------
    def save_selected(self) -> None:
        """Store the edit panel's fields for the selected incident (only what changed)."""
        row = self.panel.row
        edit = self.panel.current_edit()
        if row is None or edit is None:
            return
        changes: dict[str, object] = {}
        if edit.student_id != row.student_id:
            changes["student_id"] = edit.student_id
        if not row.is_praise and edit.rule_id != row.rule_id:
            changes["rule_id"] = edit.rule_id
        if not row.is_praise and edit.step != row.step:
            changes["step"] = edit.step
        if edit.occurred_at != row.occurred_at.replace(second=0, microsecond=0):
            if edit.occurred_at > datetime.now():
                self.panel.message.show_error(
                    self.tr("Dat tijdstip ligt in de toekomst. Kies een datum en tijd die al voorbij zijn.")
                )
                return
            changes["occurred_at"] = edit.occurred_at
        if edit.note.strip() != row.note:
            changes["note"] = edit.note
        moved = "occurred_at" in changes and edit.occurred_at.date() != row.day
        if not row.is_praise and (moved or edit.period != row.period):
            changes["lesson_id"] = 0  # the lesson of the new date and period, found or made below
        if not changes:
            self.panel.message.show_message(self.tr("Er is niets veranderd."))
            return
        try:
            command: Command
            if row.is_praise:
                command = PraiseEdited(row.id, row.student_name, row.student_id, row.occurred_at, row.note)
                self.ctx.store.update_praise(row.id, **changes)  # type: ignore[arg-type]  # only keywords update_* takes
            else:
                if "lesson_id" in changes:  # the same class, on the new date, in the chosen period
                    changes["lesson_id"] = self._lesson_on(row, edit.occurred_at, edit.period)
                command = IncidentEdited.before_edit(self.ctx.store, row.id)
                self.ctx.store.update_incident(row.id, **changes)  # type: ignore[arg-type]  # only keywords update_* takes
        except UserError as exc:
            self.panel.message.show_error(str(exc))
            return
        self.ctx.did(command)
        self.message.show_message(
            self.tr("Wijziging opgeslagen voor {name}.").replace("{name}", self.panel.student.currentText()),
            "ok",
        )
        self.ctx.changed()

    def _lesson_on(self, row: HistoryRow, when: datetime, period: int | None) -> int:
        """The lesson of the line's class on a date, in a period (made when there is none)."""
        snapshot = self.snapshot
        class_id = (
            next((c.id for c in snapshot.classes if c.name == row.class_name), None) if snapshot else None
        )
        if class_id is None:
            raise UserError(self.tr("De klas van dit incident bestaat niet meer."))
        return self.ctx.store.lesson_for(class_id, when.date(), period=period).id
