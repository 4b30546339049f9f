"""The reflection page with the demo year and a hand-made audit: cards, charts, journal, weeks, errors."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from app.analysis import week as week_module
from app.analysis.results import AuditReport
from app.simulation.demo import fill_demo
from app.store.store import Store
from app.ui.context import AppContext
from app.ui.pages.reflection import page as page_module
from app.ui.pages.reflection.page import ReflectionPage
from app.ui.workers import SyncTaskRunner, TaskRunner
from tests.analysis.test_figures import make_estimate, make_report

DEMO_TODAY = date(2026, 2, 1)


class FakeAudit:
    """Stands in for ``app.analysis.audit.run``: counts calls, returns a report with real incident ids."""

    def __init__(self, estimates: Callable[[list[int]], tuple] | None = None) -> None:
        self.calls: list[tuple[date, date]] = []
        self.estimates = estimates
        self.fail: BaseException | None = None

    def __call__(self, tables: Any, date_from: date, date_to: date, fdr: float) -> AuditReport:
        self.calls.append((date_from, date_to))
        if self.fail is not None:
            raise self.fail
        ids = [int(i) for i in tables["incidents"]["incident_id"].tolist()[:7]]
        report = make_report(estimates=self.estimates(ids) if self.estimates else None)
        if self.estimates is None:
            first = make_estimate("s5", incident_ids=tuple(ids))
            report = replace(report, estimates=(first, *report.estimates[1:]))
        return replace(report, date_from=date_from, date_to=date_to)


class HeldRunner(TaskRunner):
    """Keeps tasks until the test releases them, to check that a newer request supersedes an older one."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]]] = []

    def run_task(self, func: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
        """Hold the task."""
        self.held.append((func, on_done))

    def release(self, index: int) -> None:
        """Run one held task now."""
        func, on_done = self.held.pop(index)
        on_done(func(), None)


@pytest.fixture
def fake_audit(monkeypatch: pytest.MonkeyPatch) -> FakeAudit:
    fake = FakeAudit()
    monkeypatch.setattr(week_module, "run_audit", fake)
    return fake


@pytest.fixture
def demo_store(store: Store) -> Store:
    fill_demo(store, today=DEMO_TODAY)
    return store


def make_page(qtbot: Any, store: Store, tmp_path: Path, tasks: TaskRunner | None = None) -> ReflectionPage:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=store, tasks=tasks or SyncTaskRunner(), settings=settings)
    page = ReflectionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    return page


def test_opens_on_the_latest_week_with_data(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    assert page.view is not None
    last_lesson = max(lesson.date for lesson in demo_store.lessons())
    assert page.view.week == last_lesson - timedelta(days=last_lesson.weekday())
    assert fake_audit.calls == [(date(2025, 8, 1), page.view.week + timedelta(days=6))]
    assert page.weeks.current() == page.view.week
    assert "incidenten" in page.summary.text()


def test_at_most_three_blind_spots_urgent_first(
    qtbot, demo_store: Store, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def five(ids: list[int]) -> tuple:
        return (
            make_estimate("a", p_adjusted=0.001),
            make_estimate("b", p_adjusted=0.002),
            make_estimate("c", p_adjusted=0.003),
            make_estimate("d", p_adjusted=0.004),
            make_estimate("safe", p_adjusted=0.04, urgent=True, incident_ids=tuple(ids)),
            make_estimate("not", p_adjusted=0.5, flagged=False),
        )

    monkeypatch.setattr(week_module, "run_audit", FakeAudit(five))
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    cards = page.blind_spots.cards
    assert len(cards) == 3
    assert [c.estimate.subject for c in cards] == ["safe", "a", "b"]
    assert "Raakt veiligheid" in [w.text() for w in cards[0].findChildren(type(cards[0].title))]
    assert "Nog 2 andere" in page.blind_spots.more.text()
    first = cards[0]
    # counts and percentages first; the odds ratio only as a detail underneath
    assert first.headline.text() == (
        "Bij dezelfde afspraak en dezelfde keer kreeg leerling safe in 8 van de 12 gevallen (67 %) een "
        "zwaardere stap dan afgesproken, tegen 30 van de 200 (15 %) bij de rest."
    )
    assert first.certainty.text() == "Hoe zeker: waarschijnlijk geen toeval."
    assert first.counts.text().startswith("Telling: 8× strenger en 1× milder dan de ladder, van 12;")
    assert "Detail: kansverhouding 3,00, 95%-interval 1,50 tot 6,00." in first.counts.text()
    assert "kansverhouding" not in first.headline.text() + first.certainty.text()
    assert "geen oordeel over de leerling" in first.not_this.text()


def test_card_click_opens_the_incidents_behind_it(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    card = page.blind_spots.cards[0]
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert page.incidents.isVisibleTo(page)
    assert page.incidents.model.rowCount() == 7
    wanted = set(card.estimate.incident_ids)
    assert {r.id for r in page.incidents.model.rows} == wanted
    assert "(7)" in page.incidents.heading.text()


def test_every_chart_is_drawn(qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.show()
    page.activated()
    for index, (key, canvas) in enumerate(page.canvases.items()):
        page.tabs.setCurrentIndex(index)
        assert canvas.canvas is not None, key
        canvas.canvas.draw()
        assert canvas.chart is not None
        assert canvas.chart.figure.axes, key
        assert canvas.caption.text()
    assert page.view is not None
    weekly = page.canvases["weekly"].chart
    assert weekly is not None


def test_journal_is_saved_and_read_back(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    week = page.view.week
    qtbot.keyClicks(page.journal.journal, "Rustige week, behalve vrijdag.")
    qtbot.keyClicks(page.journal.boxes["keep"], "De begroeting aan de deur.")
    assert page.journal.save_button.isEnabled()
    qtbot.mouseClick(page.journal.save_button, Qt.MouseButton.LeftButton)
    saved = demo_store.reflection(week)
    assert saved.journal == "Rustige week, behalve vrijdag."
    assert saved.answers["keep"] == "De begroeting aan de deur."
    assert not page.journal.save_button.isEnabled()
    calls = len(fake_audit.calls)
    page.activated()  # our own save does not make the analysis run again
    assert len(fake_audit.calls) == calls

    again = make_page(qtbot, demo_store, tmp_path)
    again.activated()
    assert again.journal.journal.toPlainText() == "Rustige week, behalve vrijdag."
    assert again.journal.boxes["keep"].toPlainText() == "De begroeting aan de deur."
    earlier = [again.journal.earlier.itemData(i) for i in range(again.journal.earlier.count())]
    assert week in earlier


def test_unsaved_journal_is_kept_when_switching_weeks(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    week = page.view.week
    qtbot.keyClicks(page.journal.boxes["change"], "Eerder complimenten geven.")
    page.weeks.step(-1)
    assert page.view.week < week
    assert demo_store.reflection(week).answers["change"] == "Eerder complimenten geven."


def test_leaving_the_page_keeps_the_journal(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.show()
    page.activated()
    qtbot.keyClicks(page.journal.journal, "Niet vergeten")
    page.hide()
    assert demo_store.reflection(page.view.week).journal == "Niet vergeten"


def test_switching_weeks_back_is_a_cache_hit(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    latest = page.view.week
    page.weeks.step(-1)
    earlier = page.view.week
    assert earlier == latest - timedelta(weeks=1) or earlier < latest
    assert len(fake_audit.calls) == 2
    hits = page.cache.hits
    page.weeks.step(1)
    page.weeks.step(-1)
    assert page.view.week == earlier
    assert len(fake_audit.calls) == 2
    assert page.cache.hits == hits + 2
    assert page.last_switch_ms < 300


def test_a_write_elsewhere_refreshes(qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.show()
    page.activated()
    calls = len(fake_audit.calls)
    student = demo_store.students()[0]
    demo_store.log_praise(student.id)
    page.ctx.changed()
    assert len(fake_audit.calls) == calls + 1


def test_empty_store_is_calm_and_explains(qtbot, store: Store, tmp_path: Path, fake_audit: FakeAudit) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, store, tmp_path)
    page.activated()
    assert fake_audit.calls == []
    assert page.blind_spots.cards == []
    assert page.blind_spots.calm.isVisibleTo(page)
    assert "Nog geen incidenten" in page.blind_spots.calm.text()
    for index, canvas in enumerate(page.canvases.values()):
        page.tabs.setCurrentIndex(index)
        assert canvas.canvas is None
        assert canvas.empty.text()
        assert not canvas.export_button.isEnabled()
    assert page.journal.week == page.view.week


def test_no_findings_says_how_much_data_there_is(
    qtbot, demo_store: Store, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(week_module, "run_audit", FakeAudit(lambda ids: ()))
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    assert page.blind_spots.cards == []
    text = page.blind_spots.calm.text()
    assert "Geen mogelijke blinde vlekken" in text
    assert "300 incidenten" in text


def test_an_error_in_the_analysis_is_shown_in_the_page(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    fake_audit.fail = RuntimeError("kapotte matrix")
    page = make_page(qtbot, demo_store, tmp_path)
    page.activated()
    assert page.error.kind == "error"
    assert "De analyse lukte niet" in page.error.message()
    assert "kapotte matrix" in page.error.message()
    assert page.retry.isVisibleTo(page)
    assert not page.is_busy()
    fake_audit.fail = None
    qtbot.mouseClick(page.retry, Qt.MouseButton.LeftButton)
    assert page.error.message() == ""
    assert page.view is not None


def test_a_newer_request_supersedes_an_older_one(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    page = make_page(qtbot, demo_store, tmp_path, tasks=runner)
    page.prefetch = False
    page.show_week(date(2025, 10, 6))
    page.show_week(date(2025, 11, 3))
    assert page.is_busy()
    assert page.progress.isVisibleTo(page)
    runner.release(0)  # the older one arrives first: cached, not shown
    assert page.view is None
    assert page.is_busy()
    runner.release(0)
    assert page.view is not None
    assert page.view.week == date(2025, 11, 3)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=2000)
    assert not page.progress.isVisibleTo(page)
    page.show_week(date(2025, 10, 6))  # the superseded result was kept
    assert page.view.week == date(2025, 10, 6)
    assert runner.held == []


def test_real_worker_thread_and_prefetch(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit
) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    page = make_page(qtbot, demo_store, tmp_path, tasks=runner)
    page.show()
    page.activated()
    assert page.is_busy()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20000)
    assert page.view is not None
    previous = page.view.week - timedelta(weeks=1)
    qtbot.waitUntil(lambda: page.cache.has(page.cache.revision, previous), timeout=20000)
    calls = len(fake_audit.calls)
    page.weeks.step(-1)
    assert not page.progress.isVisibleTo(page)  # shown from the prefetched cache, no analysis
    assert len(fake_audit.calls) == calls
    runner.wait()


def test_the_two_neighbours_are_prepared_an_idle_pause_apart(
    qtbot, demo_store: Store, tmp_path: Path, fake_audit: FakeAudit, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # A week switch made just after one neighbour was prepared must not share the interpreter with
    # the audit of the other neighbour (bench_reflection: 150 ms alone, 340 ms beside it).
    monkeypatch.setattr(page_module, "PREFETCH_DELAY_MS", 400)
    started: list[float] = []
    prepared: list[float] = []

    def timed_audit(*args: Any, **kwargs: Any) -> AuditReport:
        started.append(time.perf_counter())
        return fake_audit(*args, **kwargs)

    monkeypatch.setattr(week_module, "run_audit", timed_audit)
    runner = TaskRunner()
    page = make_page(qtbot, demo_store, tmp_path, tasks=runner)
    page.prefetch = False
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20000)
    middle = page.view.week - timedelta(weeks=3)
    page.show_week(middle)
    qtbot.waitUntil(lambda: not page.is_busy() and page.view.week == middle, timeout=20000)
    put = page.cache.put

    def timed_put(view: Any, **kw: Any) -> None:
        prepared.append(time.perf_counter())
        put(view, **kw)

    monkeypatch.setattr(page.cache, "put", timed_put)
    started.clear()
    page.prefetch = True
    page.show_week(middle)  # from the cache; both neighbours are still to be prepared
    weeks = list(page.view.weeks)
    neighbours = (weeks[weeks.index(middle) - 1], weeks[weeks.index(middle) + 1])
    qtbot.waitUntil(lambda: all(page.cache.has(page.cache.revision, w) for w in neighbours), timeout=20000)
    assert len(started) == 2 and len(prepared) == 2
    assert started[1] - prepared[0] >= 0.35  # the second waited the idle pause after the first
    runner.wait()


def test_demo_year_with_the_real_audit(qtbot, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, demo_store, tmp_path)
    page.show()
    page.activated()
    assert page.error.message() == ""
    report = page.view.report
    assert report.n_incidents > 500
    shown = [card.estimate for card in page.blind_spots.cards]
    assert 1 <= len(shown) <= 3
    assert shown == list(report.findings[:3])
    qtbot.mouseClick(page.blind_spots.cards[0].button, Qt.MouseButton.LeftButton)
    assert page.incidents.model.rowCount() == len(set(shown[0].incident_ids))
    funnel = page.canvases["students"]
    assert funnel.canvas is not None
    funnel.canvas.draw()
    assert len(funnel.chart.figure.axes[0].collections) >= 2


def test_a_finding_the_timetable_cannot_place_is_said_in_words(  # type: ignore[no-untyped-def]
    qtbot, demo_store: Store, tmp_path: Path
) -> None:
    # The demo teacher answers Friday's lessons (each class's last periods) more mildly; in the demo
    # timetable those are four fixed weekly lessons, and the card says so.
    page = make_page(qtbot, demo_store, tmp_path)
    page.show()
    page.activated()
    cards = {card.estimate.subject: card for card in page.blind_spots.cards}
    assert "friday" in cards
    friday = cards["friday"]
    slots = [s for d, s in friday.estimate.aliases if d == "slot"]
    assert len(slots) >= 2 and all("|friday|" in s for s in slots)
    text = friday.aliases.text()
    assert friday.aliases.isVisibleTo(friday)
    assert "In jouw rooster zijn dat ook" in text
    assert "het logboek kan de dag niet van die lesuren scheiden" in text
    group, _, period = slots[0].partition("|friday|")
    assert f"het {period}e uur van {group}" in text
