"""Time and memory of one audit on simulated logs: a one-teacher year and a team-scale log.

Usage: ``python bench/bench_audit.py [--classes 4 320]``. Each size runs in a fresh process so the
peak memory (max RSS) belongs to that audit alone; results go into docs/audit.md.

``run(small)`` is what ``bench/run_all.py`` calls (targets of issue 9): a one-teacher year (first call
and median, <= 1 s), the demo year as the app stores it, and 320 classes (~100,000 incidents, 8,000
students) through ``one`` in a fresh process (<= 10 s, <= 1.5 GB; the peak includes the simulation).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

try:
    from bench._common import Row, best_of, emit_json, print_rows, teacher_year, timed
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path, the project root is not yet
    from _common import Row, best_of, emit_json, print_rows, teacher_year, timed

TEACHER_TARGET_S = 1.0
TEAM_TARGET_S = 10.0
TEAM_MEMORY_MB = 1536.0


def one(classes: int, per_student: float = 16.0) -> dict[str, float]:
    """Simulate a log of ``classes`` x 25 students (``per_student`` incidents each), time frame + audit."""
    from app.analysis.audit.run import audit
    from app.analysis.frame import build_frame
    from app.simulation.simulate import Planted, simulate_year

    planted = Planted(stricter_student=1.8, group=0.9, weekday=-1.0)
    year = simulate_year(7, planted=planted, n_classes=classes, incidents_per_student=per_student)
    cpu = time.process_time()
    started = time.perf_counter()
    frame = build_frame(year.tables)
    built = time.perf_counter()
    report = audit(frame)
    done = time.perf_counter()
    return {
        "classes": classes,
        "students": int(frame.incidents["student_id"].nunique()),
        "incidents": len(frame.incidents),
        "frame_s": round(built - started, 2),
        "audit_s": round(done - built, 2),
        "total_s": round(done - started, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
        "estimates": len(report.estimates),
        "findings": len(report.findings),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def one_in_child(classes: int, per_student: float = 16.0) -> dict[str, float]:
    """``one(classes, per_student)`` in a fresh process (its own peak memory)."""
    cmd = [sys.executable, __file__, "--one", str(classes), "--per-student", str(per_student)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _demo_tables() -> dict:
    """The demo school year as the app stores it (``fill_demo``, then ``read_tables``)."""
    import tempfile

    from app.simulation.demo import fill_demo
    from app.store.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.db") as store:
        fill_demo(store)
        return store.read_tables()


def run(small: bool = False) -> list[Row]:
    """The issue-9 rows: one-teacher year (simulated and demo) in this process, team scale in a child."""
    from app.analysis.audit.run import audit

    rows: list[Row] = []
    runs = 2 if small else 5
    teacher = teacher_year(seed=1)
    n = len(teacher["incidents"])
    cpu = time.process_time()
    first, _ = timed(lambda: audit(teacher))
    note = f"CPU {time.process_time() - cpu:.2f} s"
    rows.append(
        Row(f"audit, one-teacher year ({n:,} incidents), first call", first, "s", TEACHER_TARGET_S, note)
    )
    cpu = time.process_time()
    median, _, _ = best_of(lambda: audit(teacher), runs)
    note = f"CPU {(time.process_time() - cpu) / runs:.2f} s a run"
    rows.append(Row(f"audit, one-teacher year, median of {runs}", median, "s", TEACHER_TARGET_S, note))

    demo = _demo_tables()
    cpu = time.process_time()
    median, _, report = best_of(lambda: audit(demo), runs)
    flags = sum(e.flagged for e in report.estimates)
    note = f"{flags} flags; CPU {(time.process_time() - cpu) / runs:.2f} s a run"
    what = f"audit, demo year ({len(demo['incidents']):,} incidents), median of {runs}"
    rows.append(Row(what, median, "s", TEACHER_TARGET_S, note))

    res = one_in_child(10 if small else 320, per_student=12.5)  # 100,000 incidents, 8,000 students
    label = f"{res['incidents']:,} incidents / {res['students']:,} students"
    note = f"frame {res['frame_s']:.2f} s + audit {res['audit_s']:.2f} s; CPU {res['cpu_s']:.2f} s"
    target = None if small else TEAM_TARGET_S
    rows.append(Row(f"audit, team log ({label}), frame + audit", res["total_s"], "s", target, note))
    note = "whole process: Python, libraries, the simulated log and the audit"
    rows.append(Row("audit, team log: peak memory (max RSS)", res["max_rss_mb"], "MB", TEAM_MEMORY_MB, note))
    return rows


def main() -> None:
    """Run each size in its own process and print one JSON line per size (``--rows``: run_all's rows)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--classes", type=int, nargs="+", default=[4, 320])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--per-student", type=float, default=16.0, help="incidents per student")
    parser.add_argument("--rows", action="store_true", help="the rows of bench/run_all.py instead")
    parser.add_argument("--small", action="store_true", help="with --rows: tiny sizes (smoke test)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.per_student)))
        return
    if args.rows:
        rows = run(small=args.small)
        print_rows(rows)
        emit_json(rows)
        return
    for classes in args.classes:
        print(json.dumps(one_in_child(classes, args.per_student)))


if __name__ == "__main__":
    main()
