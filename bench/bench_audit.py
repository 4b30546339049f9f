"""Time and memory of one audit on simulated logs: a one-teacher year and a team-scale log.

Usage: ``python bench/bench_audit.py [--classes 4 320]``. Each size runs in a fresh process so the
peak memory (max RSS) belongs to that audit alone; results go into docs/audit.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def one(classes: int) -> dict[str, float]:
    """Simulate a log of ``classes`` x 25 students, then time frame + audit."""
    from app.analysis.audit import audit
    from app.analysis.frame import build_frame
    from app.analysis.simulate import Planted, simulate_year

    year = simulate_year(7, planted=Planted(stricter_student=1.8, group=0.9, weekday=-1.0), n_classes=classes)
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
        "estimates": len(report.estimates),
        "findings": len(report.findings),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    """Run each size in its own process and print one JSON line per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--classes", type=int, nargs="+", default=[4, 320])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    for classes in args.classes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(classes)], capture_output=True, text=True, check=True
        )
        print(out.stdout.strip())


if __name__ == "__main__":
    main()
