"""The weekly reflection page: blind spots, the charts, and the week's questions and journal.

Semantics of the week selector: the selected week (default: the latest week with data) decides the
period analysed — the school year from 1 August up to and including that week's Sunday — so findings are
what could be known at the end of that week; the charts highlight the week; the questions and journal
belong to the week. The analysis runs off the UI thread; each request has a generation number, and a
result that arrives after a newer request is cached but not shown. Views are cached per store revision
and week; after showing a week, its neighbours are prepared in the background.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar import monday_of
from app.core.errors import UserError
from app.ui.pages.reflection import job, wording
from app.ui.pages.reflection.blind_spots import BlindSpotsView
from app.ui.pages.reflection.cache import ViewCache
from app.ui.pages.reflection.choice_actions import ChoiceActions
from app.ui.pages.reflection.choices_view import ChoicesView
from app.ui.pages.reflection.incidents_panel import IncidentsPanel
from app.ui.pages.reflection.journal import JournalWidget
from app.ui.pages.reflection.week_selector import WeekSelector
from app.ui.widgets.chart_canvas import ChartCanvas
from app.ui.widgets.inline_message import InlineMessage
from app.ui.workers import SyncTaskRunner

if TYPE_CHECKING:
    from app.analysis.results import Estimate
    from app.ui.context import AppContext
    from app.ui.pages.reflection.job import WeekView


SETTLE_MS = 200  #: how long screenshot mode waits after a view is shown (wrapped labels, canvas draw)
FDR = 0.05  #: flag at Benjamini-Hochberg adjusted p < 0.05, as ``audit`` does by default
PREFETCH_DELAY_MS = 800  #: idle time after a view is shown before its neighbour weeks are prepared


class ReflectionPage(QWidget):
    """Private weekly reflection for the teacher (see the module docstring for the week semantics)."""

    #: a week's view is on screen (the Monday)
    view_shown = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cache = ViewCache()
        self.view: WeekView | None = None
        self.prefetch = not isinstance(ctx.tasks, SyncTaskRunner)
        self.last_switch_ms = 0.0
        self._generation = 0
        self._busy_generation: int | None = None
        self._incident_generation = 0
        self._prefetching = False
        self._settling = False  #: a view was just put on screen; layouts and the canvas still settle
        self._requested: date | None = None
        self._clock = QElapsedTimer()
        self._build()
        ctx.events.store_changed.connect(self._store_changed)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        title = QLabel(self.tr("Reflectie"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.weeks = WeekSelector()
        self.weeks.week_chosen.connect(self.show_week)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName(self.tr("Analyse loopt"))
        self.progress_label = QLabel(self.tr("Analyse loopt…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #333333;")
        self.error = InlineMessage()
        self.retry = QPushButton(self.tr("Opnieuw proberen"))
        self.retry.clicked.connect(lambda: self.show_week(self._requested))
        self.retry.hide()
        self._set_busy(False)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.weeks)
        top.addWidget(self.progress)
        top.addWidget(self.progress_label)
        top.addStretch(1)
        errors = QHBoxLayout()
        errors.addWidget(self.error, 1)
        errors.addWidget(self.retry)

        self.blind_spots = BlindSpotsView()
        self.blind_spots.incidents_requested.connect(self.open_incidents)
        self.choice_actions = ChoiceActions(self)
        self.blind_spots.choice_requested.connect(self.choice_actions.from_finding)
        self.choices = ChoicesView()
        self.choices.new_requested.connect(self.choice_actions.new)
        self.choices.keep_requested.connect(self.choice_actions.keep)
        self.choices.close_requested.connect(self.choice_actions.close)
        self.choices.edit_requested.connect(self.choice_actions.edit)
        self.blind_spots.add_below(self.choices)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setWidget(self.blind_spots)
        left.setMinimumWidth(300)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.canvases: dict[str, ChartCanvas] = {}
        for key, name in (
            ("students", self.tr("Leerlingen")),
            ("groups", self.tr("Groepen")),
            ("moments", self.tr("Momenten")),
            ("adherence", self.tr("Afspraken")),
            ("escalation", self.tr("Escalatie")),
            ("praise", self.tr("Complimenten")),
            ("weekly", self.tr("Verloop")),
        ):
            canvas = ChartCanvas()
            self.canvases[key] = canvas
            self.tabs.addTab(canvas, name)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 4px 7px; }")
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.currentChanged.connect(lambda _index: self._show_current_chart())
        self.incidents = IncidentsPanel()
        self.incidents.hide()
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.tabs)
        middle.addWidget(self.incidents)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        middle.setChildrenCollapsible(False)

        self.journal = JournalWidget()
        self.journal.save_requested.connect(self.save_journal)
        self.journal.week_requested.connect(self.show_week)
        self.journal.setMinimumWidth(280)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.journal)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([310, 580, 300])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(errors)
        layout.addWidget(splitter, 1)

    # -- requests ------------------------------------------------------------------------------
    def activated(self) -> None:
        """Shown: show the chosen week (the latest with data the first time), from cache when possible."""
        self.show_week(self.view.week if self.view is not None else None)

    def is_busy(self) -> bool:
        """True while the analysis the teacher asked for is still running (screenshot mode waits)."""
        return self._busy_generation is not None or self._settling

    def show_week(self, week: date | None) -> None:
        """Show ``week`` (a date in it; None: the latest week with data): cached at once, else computed."""
        self._clock.start()
        week = monday_of(week) if week is not None else None
        if week != self.journal.week:
            self._save_if_dirty()  # the journal belongs to its week: keep what was typed
        self._requested = week
        revision = self.ctx.store.revision
        self._generation += 1
        cached = self.cache.get(revision, week)
        if cached is not None:
            self._busy_generation = None
            self._set_busy(False)
            self._show(cached)
            return
        generation = self._generation
        self._busy_generation = generation
        self._set_busy(True)
        tables, store, visible = self.cache.tables(revision), self.ctx.store, self._visible_key()

        def work() -> WeekView:
            view = job.compute(store, week, revision=revision, tables=tables, fdr=self.fdr())
            view.chart(visible)  # the visible chart's figure is made here too, off the UI thread
            return view

        self.ctx.tasks.run_task(work, lambda result, error: self._done(generation, week, result, error))

    def fdr(self) -> float:
        """The false discovery rate the page flags at (the audit's default)."""
        return FDR

    def _done(
        self, generation: int, week: date | None, view: WeekView | None, error: BaseException | None
    ) -> None:
        if view is not None:
            self.cache.put(view, default=week is None)
        if generation != self._generation:
            return  # superseded by a newer request: cached, not shown
        self._busy_generation = None
        self._set_busy(False)
        if error is not None or view is None:
            self._show_error(error)
            return
        self._show(view)

    def _show_error(self, error: BaseException | None) -> None:
        if isinstance(error, UserError):
            text = str(error)
        else:
            text = self.tr(
                "De analyse lukte niet. Je gegevens zijn niet veranderd. Probeer het opnieuw; blijft het "
                "misgaan, dan staat de fout in het logbestand. (%1)"
            ).replace("%1", f"{type(error).__name__}: {error}" if error else "")
        self.error.show_error(text)
        self.retry.show()

    def _show(self, view: WeekView) -> None:
        self.error.clear_message()
        self.retry.hide()
        self.view = view
        self.weeks.set_weeks(view.weeks, view.data_weeks, view.week)
        self.summary.setText(self._summary(view))
        self.blind_spots.set_report(view.report)
        self.choices.set_choices(self.ctx.store.choices(), view.follow_ups, view.week)
        self._show_current_chart()
        if self.journal.week != view.week:
            store = self.ctx.store
            self.journal.load(view.week, view.prompts, store.reflection(view.week), store.reflection_weeks())
        self.last_switch_ms = float(self._clock.elapsed())
        self._settling = True
        QTimer.singleShot(SETTLE_MS, self._settled)
        self.view_shown.emit(view.week)
        if self.prefetch:
            QTimer.singleShot(PREFETCH_DELAY_MS, self._prefetch_neighbours)

    def _visible_key(self) -> str:
        """The key of the chart in the visible tab."""
        canvas = self.tabs.currentWidget()
        return next((k for k, c in self.canvases.items() if c is canvas), "students")

    def _show_current_chart(self) -> None:
        """Put the visible tab's chart of the shown week on its canvas (made now if not yet made)."""
        view = self.view
        if view is None:
            return
        key = self._visible_key()
        canvas = self.canvases[key]
        chart = view.chart(key)
        if canvas.chart is not chart:
            canvas.set_chart(chart)

    def _settled(self) -> None:
        self._settling = False

    def _summary(self, view: WeekView) -> str:
        r = view.report
        text = self.tr(
            "Schooljaar tot en met deze week (%1 – %2): %3 incidenten, %4 leerlingen, %5 complimenten."
        )
        for key, value in (
            ("%1", wording.day(view.date_from)),
            ("%2", wording.day(view.date_to)),
            ("%3", r.n_incidents),
            ("%4", r.n_students),
            ("%5", r.n_praise),
        ):
            text = text.replace(key, str(value))
        lessons = wording.lessons_line(r)
        return f"{text}\n{lessons}" if lessons else text

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)

    def _store_changed(self) -> None:
        if self.isVisible() and self.view is not None:
            self.show_week(self.view.week)

    # -- prefetch ------------------------------------------------------------------------------
    def _prefetch_neighbours(self) -> None:
        """Prepare the weeks before and after the one shown, one at a time, in the background."""
        if (
            self._prefetching
            or self.view is None
            or self._busy_generation is not None
            or not self.isVisible()
        ):
            return
        revision = self.cache.revision
        weeks = list(self.view.weeks)
        index = weeks.index(self.view.week) if self.view.week in weeks else -1
        todo = [weeks[i] for i in (index + 1, index - 1) if 0 <= i < len(weeks)]
        todo = [w for w in todo if not self.cache.has(revision, w)]
        if not todo or index < 0:
            return
        self._prefetching = True
        week, tables, store, visible = (
            todo[0],
            self.cache.tables(revision),
            self.ctx.store,
            self._visible_key(),
        )

        def work() -> WeekView:
            view = job.compute(store, week, revision=revision, tables=tables, fdr=self.fdr())
            view.chart(visible)  # the visible chart's figure is made here too, off the UI thread
            return view

        def done(view: WeekView | None, _error: BaseException | None) -> None:
            self._prefetching = False
            if view is not None:
                self.cache.put(view)
                # the other neighbour after the same idle time: a week switch right now must not
                # share the interpreter with a background audit (measured: 150 ms alone, 340 with one)
                QTimer.singleShot(PREFETCH_DELAY_MS, self._prefetch_neighbours)

        self.ctx.tasks.run_task(work, done)

    # -- incidents behind a finding ------------------------------------------------------------
    def open_incidents(self, estimate: Estimate) -> None:
        """Show the incidents behind ``estimate`` in the incidents tab (loaded in the background)."""
        title = wording.title(estimate)
        self.incidents.show_loading(title)
        self.incidents.show()
        self._incident_generation += 1
        generation = self._incident_generation
        store, ids = self.ctx.store, tuple(estimate.incident_ids)
        start = self.view.date_from if self.view else None
        end = self.view.date_to if self.view else None

        def done(rows: list | None, error: BaseException | None) -> None:
            if generation != self._incident_generation:
                return
            if error is not None or rows is None:
                self.incidents.show_error(
                    str(error)
                    if isinstance(error, UserError)
                    else self.tr("De incidenten konden niet geladen worden.")
                )
                return
            self.incidents.set_incidents(title, rows)

        self.ctx.tasks.run_task(lambda: job.load_incidents(store, ids, start, end), done)

    # -- journal -------------------------------------------------------------------------------
    def save_journal(self) -> None:
        """Save the week's answers and journal (a quick write on the UI thread)."""
        week = self.journal.week
        if week is None:
            return
        store = self.ctx.store
        before = store.revision
        try:
            saved = store.save_reflection(week, self.journal.journal_text(), self.journal.answers())
        except UserError as exc:
            self.journal.status.show_error(str(exc))
            return
        self.cache.carry_over(before, store.revision)
        self.journal.mark_saved(saved, store.reflection_weeks())
        self.ctx.changed()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (or closing the window) keeps what was typed in the journal."""
        self._save_if_dirty()
        super().hideEvent(event)

    def _save_if_dirty(self) -> None:
        if self.journal.is_dirty():
            self.save_journal()
