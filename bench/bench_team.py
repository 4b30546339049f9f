"""Team export of the demo year: the whole ``export-team`` command (<= 5 s), and where its time goes.

End to end is a fresh ``python -m app export-team`` process on a demo store (interpreter start,
imports, reading, audit, anonymising, charts, PDF, CSV and JSON written). The breakdown runs the same
steps in this process, warm. Run: ``.venv/bin/python bench/bench_team.py``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from bench._common import ROOT, Row, run_cli, timed
except ModuleNotFoundError:  # run as a script
    from _common import ROOT, Row, run_cli, timed

TARGET_S = 5.0


def demo_store(path: Path) -> None:
    """A store with the demo school year."""
    from app.simulation.demo import fill_demo
    from app.store.store import Store

    with Store.open(path) as store:
        fill_demo(store)


def end_to_end(db: Path, out: Path, runs: int) -> tuple[float, float]:
    """Median wall time and CPU time (user + system) of the ``export-team`` command in a fresh process."""
    env = {**os.environ, "FAIR_STRICTNESS_LANG": "nl", "MPLBACKEND": "Agg"}
    samples, cpu = [], []
    for i in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "app", "--db", str(db), "export-team", "--out", str(out / f"run{i}")],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        samples.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(samples), statistics.median(cpu)


def breakdown(db: Path, out: Path, passes: int = 2) -> list[tuple[str, float]]:
    """The export's steps, timed one by one in this process (the last of ``passes``: warm)."""
    from app.analysis.audit.run import audit
    from app.store.store import Store
    from app.team.anonymise import ExportOptions
    from app.team.files import export_package, write_package
    from app.team.report import build_summary

    options = ExportOptions()
    steps: list[tuple[str, float]] = []
    with Store.open(db) as store:
        for attempt in range(passes):  # the first pass warms imports and font caches
            steps.clear()
            seconds, tables = timed(store.read_tables)
            steps.append(("read the store", seconds))
            seconds, report = timed(lambda tables=tables: audit(tables))
            steps.append(("audit", seconds))
            seconds, summary = timed(
                lambda tables=tables, report=report: build_summary(tables, report, options)
            )
            steps.append(("anonymised summary", seconds))
            seconds, package = timed(lambda summary=summary: export_package(summary))
            steps.append(("files: charts, PDF, CSV, JSON", seconds))
            seconds, _ = timed(
                lambda package=package, attempt=attempt: write_package(package, out / f"w{attempt}")
            )
            steps.append(("write to disk", seconds))
    return steps


def run(small: bool = False) -> list[Row]:
    """End to end and the breakdown, on the demo year."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.db"
        demo_store(db)
        wall, cpu = end_to_end(db, folder, 1 if small else 3)
        what = "team export of the demo year, command end to end"
        rows = [Row(what, wall, "s", TARGET_S, f"CPU time {cpu:.2f} s")]
        for name, seconds in breakdown(db, folder, 1 if small else 2):
            rows.append(Row(f"team export, warm: {name}", seconds, "s"))
    return rows


def main() -> None:
    """Parse arguments, run, print."""
    run_cli(run, __doc__, "one run, for the smoke test")


if __name__ == "__main__":
    main()
