"""The reflection page on the demo year (~1,500 incidents): opening (<= 1 s) and switching weeks (<= 300 ms).

Every time runs from the user's action to the visible chart drawn on its canvas. 'Cold' is the first
opening in a fresh process (pandas, scipy and matplotlib are imported then); 'warm' is a reopening after
the store changed (imports done, nothing cached). Run: ``.venv/bin/python bench/bench_reflection.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

try:
    from bench._common import Row, emit_json, print_rows
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path, the project root is not yet
    from _common import Row, emit_json, print_rows

OPEN_TARGET_S = 1.0
SWITCH_TARGET_MS = 300.0
DEMO_TODAY = date(2026, 7, 1)  #: a whole school year of demo data


def _drawn(app, page) -> None:  # type: ignore[no-untyped-def]
    """Let Qt lay out and paint until the visible chart has no draw pending (a kept canvas only repaints)."""
    app.processEvents()
    canvas = getattr(page.tabs.currentWidget(), "canvas", None)
    for _ in range(50):
        app.processEvents()
        if canvas is None or not getattr(canvas, "_draw_pending", False):
            break
    if canvas is not None:
        canvas.repaint()  # the paint itself (a blit of the drawn buffer, or the draw when it is new)


CPU: list[float] = []  #: CPU seconds (all threads of this process) of each measured action, in order


def _until_shown(app, page, action, timeout: float = 60.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``action()`` until the page shows a (new) view with its chart drawn."""
    shown: list[object] = []
    page.view_shown.connect(shown.append)
    cpu = time.process_time()
    started = time.perf_counter()
    action()
    while not shown:
        app.processEvents()
        page.ctx.tasks.pool.waitForDone(5)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the reflection page did not show a view")
    _drawn(app, page)
    seconds = time.perf_counter() - started
    CPU.append(time.process_time() - cpu)
    page.view_shown.disconnect(shown.append)
    return seconds


def run(small: bool = False) -> list[Row]:
    """Measure opening and week switching on the demo year; ``small`` repeats less."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.simulation.demo import fill_demo
    from app.store.store import Store  # before Qt, as the app does
    from app.ui.context import AppContext
    from app.ui.pages.reflection.page import ReflectionPage
    from app.ui.workers import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rounds = 2 if small else 5
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        summary = fill_demo(store, today=DEMO_TODAY)
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(store=store, tasks=TaskRunner(), settings=settings)

        def new_page() -> ReflectionPage:
            page = ReflectionPage(ctx)
            page.prefetch = False
            page.resize(1196, 740)
            page.show()
            return page

        page = new_page()
        cold = _until_shown(app, page, page.activated)

        warm, warm_cpu = [], []
        for _ in range(rounds):
            page.close()
            page.deleteLater()
            page = new_page()
            warm.append(_until_shown(app, page, page.activated))
            warm_cpu.append(CPU[-1])

        uncached, cached, cached_cpu, tabs = [], [], [], []
        for _ in range(rounds):
            uncached.append(_until_shown(app, page, lambda: page.weeks.step(-1)))
        for _ in range(rounds):
            cached.append(_until_shown(app, page, lambda: page.weeks.step(1)))
            cached_cpu.append(CPU[-1])
            cached.append(_until_shown(app, page, lambda: page.weeks.step(-1)))
            cached_cpu.append(CPU[-1])
        for index in range(1, page.tabs.count()):
            started = time.perf_counter()
            page.tabs.setCurrentIndex(index)
            _drawn(app, page)
            tabs.append(time.perf_counter() - started)

        page.prefetch = True
        _until_shown(app, page, lambda: page.weeks.step(-1))  # its neighbours are prepared after it is shown
        deadline = time.perf_counter() + 60
        target = page.view.week
        while time.perf_counter() < deadline:
            app.processEvents()
            ctx.tasks.pool.waitForDone(20)
            weeks = list(page.view.weeks)
            nxt = weeks[weeks.index(target) + 1] if weeks.index(target) + 1 < len(weeks) else None
            if nxt is None or page.cache.has(page.cache.revision, nxt):
                break
        prefetched = _until_shown(app, page, lambda: page.weeks.step(-1))
        prefetched_cpu = CPU[-1]
        ctx.tasks.wait()
        page.close()
        store.close()

    load = os.getloadavg()[0]
    note = f"demo year: {summary.incidents} incidents, {summary.students} students; load {load:.1f}"
    ms = 1000.0
    return [
        Row("reflection: open, cold (imports included)", cold, "s", None, note),
        Row("reflection: open, warm (median)", statistics.median(warm), "s", OPEN_TARGET_S, note),
        Row("reflection: open, warm, CPU time (median)", statistics.median(warm_cpu), "s", OPEN_TARGET_S),
        Row(
            "reflection: switch to an uncomputed week (median)", statistics.median(uncached) * ms, "ms", None
        ),
        Row(
            "reflection: switch to a cached week (median)",
            statistics.median(cached) * ms,
            "ms",
            SWITCH_TARGET_MS,
        ),
        Row("reflection: switch to a cached week (worst)", max(cached) * ms, "ms", SWITCH_TARGET_MS),
        Row(
            "reflection: switch to a cached week, CPU time (median)",
            statistics.median(cached_cpu) * ms,
            "ms",
            SWITCH_TARGET_MS,
        ),
        Row("reflection: switch to a prefetched neighbour week", prefetched * ms, "ms", SWITCH_TARGET_MS),
        Row(
            "reflection: switch to a prefetched neighbour week, CPU time",
            prefetched_cpu * ms,
            "ms",
            SWITCH_TARGET_MS,
        ),
        Row("reflection: another chart tab, first time (median)", statistics.median(tabs) * ms, "ms", None),
    ]


def main() -> None:
    """Print the rows (and the JSON line run_all reads)."""
    rows = run(small="--small" in sys.argv)
    print_rows(rows)
    emit_json(rows)


if __name__ == "__main__":
    main()
