"""Shared pieces of the benchmarks: a result row, timing, peak memory, and the simulated logs.

Every ``bench_*.py`` module has ``run(small: bool = False) -> list[Row]`` (``small`` is the few-second
size the smoke test uses) and a ``main()`` that prints its rows. ``bench/run_all.py`` runs them, each in
its own process, and writes ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # scripts run as ``python bench/x.py`` from the project folder
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Row:
    """One measured number, its target (``None``: recorded, no target) and a short note."""

    what: str
    value: float
    unit: str  # "s", "ms", "MB", "x"
    target: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        """'ok', 'MISSED' or '' (no target)."""
        if self.target is None:
            return ""
        return "ok" if self.value <= self.target else "MISSED"

    def shown(self) -> str:
        """The value with its unit, e.g. '0.81 s', '38 ms', '412 MB', '3.1x'; 'stopped' for NaN."""
        if math.isnan(self.value):
            return "stopped"
        if self.unit == "x":
            return f"{self.value:.1f}x"
        if self.unit == "s":
            return f"{self.value:.2f} s"
        return f"{self.value:.0f} {self.unit}"

    def target_shown(self) -> str:
        """The target with its unit, or a dash."""
        if self.target is None:
            return "-"
        return "≤ " + Row(self.what, self.target, self.unit).shown()

    def to_json(self) -> dict[str, Any]:
        """A plain dict (for the process boundary)."""
        return asdict(self)


def print_rows(rows: list[Row]) -> None:
    """A plain aligned table on stdout."""
    for r in rows:
        print(f"{r.what:58s} {r.shown():>10s} {r.target_shown():>11s} {r.verdict:6s} {r.note}")


def emit_json(rows: list[Row]) -> None:
    """The rows as one JSON line, prefixed so run_all can find it among other output."""
    print("BENCH-JSON " + json.dumps([r.to_json() for r in rows]), flush=True)


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = func()
    return time.perf_counter() - started, result


def best_of(func: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """(median, minimum, last result) of ``runs`` calls."""
    samples, result = [], None
    for _ in range(runs):
        seconds, result = timed(func)
        samples.append(seconds)
    return statistics.median(samples), min(samples), result


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def team_year(n_incidents: int, seed: int = 0) -> dict[str, Any]:
    """A simulated log of about ``n_incidents`` with the audit's own simulator (25 students a class).

    The number of classes grows with the log (about 12.5 incidents per student), so 100,000 incidents
    come with 8,000 students, as in a school team's year.
    """
    from app.simulation.simulate import simulate_year

    n_classes = max(2, round(n_incidents / (25 * 12.5)))
    return simulate_year(seed, n_classes=n_classes, students_per_class=25, incidents_per_student=12.5).tables


def teacher_year(seed: int = 0) -> dict[str, Any]:
    """One teacher's simulated year: 4 classes of 25 students, about 1,500 incidents."""
    from app.simulation.simulate import simulate_year

    return simulate_year(seed).tables


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_cli(run: Callable[..., list[Row]], description: str | None, small_help: str) -> None:
    """The command line every simple benchmark shares: ``--small`` and ``--json``, then print the rows."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--small", action="store_true", help=small_help)
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON (run_all)")
    args = parser.parse_args()
    rows = run(small=args.small)
    print_rows(rows)
    if args.json:
        emit_json(rows)
