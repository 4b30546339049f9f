"""Log one incident: from the Enter key that saves to the feedback line shown (<= 50 ms).

The Log page runs inside the real main window on a demo store (a school year, ~1,500 incidents) and is
driven with QTest key events, offscreen, exactly as a teacher types: a name, Enter, a rule digit, and
then the timed Enter that saves. The clock stops when the key has been handled (the incident is in the
store, the feedback label has its text) and pending events, the repaint included, are processed. It
runs three times: with only the Log page built; after the History and Reflection pages were opened
(their ``store_changed`` handlers then run on every save too); and on a long log (the demo year copied
into 60 earlier years, ~90,000 incidents), which shows whether the page's queries use indexes. The
store alone (``log_incident`` plus ``incidents(lesson_id=...)``) is timed on the long log as well.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_log.py``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

try:
    from bench._common import Row, run_cli
except ModuleNotFoundError:  # run as a script
    from _common import Row, run_cli

TARGET_MS = 50.0


def _saves(app, window, store, count: int) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Log ``count`` incidents by keyboard; (wall, CPU) milliseconds from the saving Enter to shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui.pages.log.student_picker import fold

    page = window.page("log")
    window.show_page("log")
    class_id = page.lesson_bar.class_id()
    # typed as a teacher would without dead keys: accents dropped (the picker matches 'zoe' to 'Zoë')
    names = [fold(s.name) for s in page.students.values() if s.class_id == class_id]
    names = [n for n in names if n.isascii()]
    n_rules = len(page.rules)
    samples = []
    for i in range(count):
        page.picker.search.setFocus()
        app.processEvents()
        QTest.keyClicks(page.picker.search, names[i % len(names)])
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QTest.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{1 + i % min(n_rules, 9)}"))
        before = page.feedback.text()
        before_count = _count(store)
        target = QApplication.focusWidget()
        started, cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(target, Qt.Key.Key_Return)
        app.processEvents()
        elapsed = ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
        if page.feedback.text() == before or not page.feedback.text().startswith("Opgeslagen"):
            raise RuntimeError(f"no feedback after the save: {page.feedback.text()!r}")
        if _count(store) != before_count + 1:
            raise RuntimeError("the incident was not stored")
        samples.append(elapsed)
        window.ctx.tasks.wait()  # background work another page started is not the next save's cost
        app.processEvents()
    return samples


def _store_only(store, count: int) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(wall, CPU) milliseconds of ``log_incident`` plus reading the lesson's incidents back."""
    students = store.students()
    rules = store.rules(active_only=True)
    lesson = store.lesson_for(students[0].class_id, date.today(), period=8)
    samples = []
    for i in range(count):
        student = next(s for s in students[i:] + students if s.class_id == lesson.class_id)
        started, cpu = time.perf_counter(), time.process_time()
        store.log_incident(student.id, rules[i % len(rules)].id, lesson_id=lesson.id)
        store.incidents(lesson_id=lesson.id)
        samples.append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000))
    return samples


def grow(path: Path, years: int) -> int:
    """Copy the store's lessons and incidents ``years`` times into earlier years (a long-kept log).

    Plain SQL on a closed store file; returns the number of incidents afterwards.
    """
    with sqlite3.connect(path) as con:
        top = con.execute("SELECT max(id) FROM lesson").fetchone()[0]
        for k in range(1, years + 1):
            con.execute(
                f"""INSERT INTO lesson (id, class_id, date, period, start_time, label, mood, energy, note)
                SELECT id + {k * top}, class_id, date(date, '-{k} years'), period, start_time, label,
                       mood, energy, note
                FROM lesson WHERE id <= {top}"""
            )
            con.execute(
                f"""INSERT INTO incident (lesson_id, student_id, rule_id, step, occurred_at, note, created_at)
                SELECT lesson_id + {k * top}, student_id, rule_id, step,
                       datetime(occurred_at, '-{k} years'), note, created_at
                FROM incident WHERE lesson_id <= {top}"""
            )
        return int(con.execute("SELECT count(*) FROM incident").fetchone()[0])


def _count(store) -> int:  # type: ignore[no-untyped-def]
    """Live incidents in the store, counted in SQL (``store.incidents()`` would build them all)."""
    from sqlalchemy import text

    with store.engine.connect() as con:
        return int(con.execute(text("SELECT count(*) FROM incident WHERE deleted_at IS NULL")).scalar_one())


def _window_rows(
    app, path: Path, settings_path: Path, count: int, label: str, visit: tuple[str, ...]
) -> list[Row]:  # type: ignore[no-untyped-def]
    """Open the store in a main window, visit pages, log ``count`` incidents; median and worst rows."""
    from PySide6.QtCore import QSettings

    from app.store.store import Store
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow, available_pages
    from app.ui.workers import TaskRunner

    store = Store.open(path)
    ctx = AppContext(
        store=store, tasks=TaskRunner(), settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    window = MainWindow(ctx, page="log")
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    pages = {p[0] for p in available_pages()}
    for key in visit:
        if key in pages:
            window.show_page(key)
            ctx.tasks.wait()
            app.processEvents()
    window.activateWindow()  # a second window is not made active by itself on every platform
    app.processEvents()
    try:
        samples = _saves(app, window, store, count)
        n = _count(store)
    finally:
        window.close()
        ctx.tasks.wait()
        store.close()
    wall, cpu = [w for w, _ in samples], [c for _, c in samples]
    what = f"log one incident, Enter to shown ({label})"
    note = f"{n:,} incidents in the store; {count} saves; CPU median {statistics.median(cpu):.0f} ms"
    return [
        Row(f"{what}, median", statistics.median(wall), "ms", TARGET_MS, note),
        Row(f"{what}, worst", max(wall), "ms", None, "the worst of the saves"),
    ]


def run(small: bool = False) -> list[Row]:
    """Median and worst key-to-shown times (demo store, more pages open, a long log); the store's share."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.simulation.demo import fill_demo
    from app.store.store import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    count = 2 if small else 30
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "demo.db") as store:
            fill_demo(store)
        shutil.copy(folder / "demo.db", folder / "long.db")
        rows += _window_rows(
            app, folder / "demo.db", folder / "a.ini", count, "demo store, Log page only", ()
        )
        rows += _window_rows(
            app,
            folder / "demo.db",
            folder / "b.ini",
            count,
            "demo store, History and Reflection opened before",
            ("history", "reflection"),
        )
        n = grow(folder / "long.db", 2 if small else 60)
        label = f"a long log: the demo year copied into {2 if small else 60} earlier years"
        rows += _window_rows(app, folder / "long.db", folder / "c.ini", count, label, ())
        with Store.open(folder / "long.db") as store:
            samples = _store_only(store, count)
        wall, cpu = [w for w, _ in samples], [c for _, c in samples]
        what = "log one incident, store only (log_incident + incidents(lesson)), long log, median"
        note = f"{n:,} incidents; CPU median {statistics.median(cpu):.0f} ms"
        rows.append(Row(what, statistics.median(wall), "ms", None, note))
    return rows


def main() -> None:
    """Parse arguments, run, print."""
    run_cli(run, __doc__, "a few saves, for the smoke test")


if __name__ == "__main__":
    main()
