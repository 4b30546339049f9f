"""How the audit's cost grows with the log: 1k, 10k, 100k and 1M incidents (25 students a class).

Each size runs in its own process (simulate, build the frame, audit), watched from here: a size whose
audit uses more than ``--limit`` CPU seconds (default 120; CPU rather than wall time, so a busy shared
machine does not stop a size that would finish), runs longer than three times that on the wall
clock, or whose memory passes ``--max-gb`` (default 6) is stopped and reported as such.
The growth exponent between successive sizes (log time / log size) says how close to linear it is:
1.0 is linear.
Run: ``.venv/bin/python bench/bench_scaling.py [--sizes 1000 10000 100000 1000000]``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

try:
    from bench._common import Row, emit_json, peak_rss_mb, print_rows, team_year, timed
except ModuleNotFoundError:  # run as a script
    from _common import Row, emit_json, peak_rss_mb, print_rows, team_year, timed

SIZES = (1_000, 10_000, 100_000, 1_000_000)
LIMIT_S = 120.0
MAX_GB = 6.0
SIMULATION_S = 600.0  #: wall-clock bound on making the log (not measured, only bounded)


def _child(size: int) -> None:
    """In the child: warm up, simulate, say READY, then time the frame and the audit; print JSON."""
    from app.analysis.audit.run import audit
    from app.analysis.frame import build_frame

    audit(team_year(500, seed=6))  # warm-up: lazy imports and first-call costs are not the log's
    tables = team_year(size, seed=5)
    print("READY", flush=True)
    ready_mb = peak_rss_mb()
    cpu = time.process_time()
    frame_s, frame = timed(lambda: build_frame(tables))
    audit_s, report = timed(lambda: audit(frame))
    cpu = time.process_time() - cpu
    out = {
        "incidents": report.n_incidents,
        "students": report.n_students,
        "frame_s": frame_s,
        "audit_s": audit_s,
        "cpu_s": cpu,
        "ready_mb": ready_mb,
        "peak_mb": peak_rss_mb(),
    }
    print("RESULT " + json.dumps(out), flush=True)


def _rss_mb(pid: int) -> float:
    """Current resident memory of a process, from /proc (0 when unknown)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far, from /proc (0 when unknown)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def measure(size: int, limit_s: float = LIMIT_S, max_gb: float = MAX_GB) -> dict:
    """One size in a watched child; ``{'stopped': reason}`` when it passed a bound."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(size)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("READY"):
                ready.set()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    started, audit_started, cpu_at_start, peak, reason = time.monotonic(), None, 0.0, 0.0, ""
    while proc.poll() is None:
        time.sleep(0.2)
        peak = max(peak, _rss_mb(proc.pid))
        if ready.is_set() and audit_started is None:
            audit_started, cpu_at_start = time.monotonic(), _cpu_s(proc.pid)
        if peak > max_gb * 1024:
            reason = f"stopped: memory passed {max_gb:.0f} GB"
        elif audit_started is not None and _cpu_s(proc.pid) - cpu_at_start > limit_s:
            reason = f"stopped: audit still running after {limit_s:g} CPU seconds"
        elif audit_started is not None and time.monotonic() - audit_started > 3 * limit_s:
            reason = f"stopped: audit still running after {3 * limit_s:g} s"
        elif audit_started is None and time.monotonic() - started > SIMULATION_S:
            reason = f"stopped: simulating the log took more than {SIMULATION_S:.0f} s"
        if reason:
            reason += f" (CPU used {_cpu_s(proc.pid):.0f} s, memory peak {peak:.0f} MB)"
            proc.kill()
            proc.wait()
            return {"stopped": reason, "watched_peak_mb": peak}
    thread.join(timeout=5)
    result = next((line for line in lines if line.startswith("RESULT ")), None)
    if proc.returncode != 0 or result is None:
        err = (proc.stderr.read() if proc.stderr else "").strip().splitlines()
        return {"stopped": f"failed (exit {proc.returncode}): {err[-1] if err else 'no output'}"}
    return json.loads(result.removeprefix("RESULT "))


def run(
    small: bool = False, sizes: tuple[int, ...] = SIZES, limit_s: float = LIMIT_S, max_gb: float = MAX_GB
) -> list[Row]:
    """Time the audit at each size; rows of seconds, microseconds per incident and growth exponents."""
    if small:
        sizes = (500, 2_000)
    rows: list[Row] = []
    previous: tuple[int, float] | None = None
    for size in sizes:
        res = measure(size, limit_s, max_gb)
        if "stopped" in res:
            rows.append(Row(f"scaling, ~{size:,} incidents", math.nan, "s", note=res["stopped"]))
            continue
        n, total = res["incidents"], res["frame_s"] + res["audit_s"]
        note = (
            f"{res['students']:,} students; frame {res['frame_s']:.2f} s + audit {res['audit_s']:.2f} s; "
            f"CPU {res['cpu_s']:.2f} s; {total / n * 1e6:.0f} µs per incident; peak {res['peak_mb']:.0f} MB"
        )
        if previous is not None:
            exponent = math.log(total / previous[1]) / math.log(n / previous[0])
            note += f"; growth exponent {exponent:.2f} since the previous size"
        rows.append(Row(f"scaling, {n:,} incidents: frame + audit", total, "s", note=note))
        previous = (n, total)
    return rows


def main() -> None:
    """Parse arguments, run, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="a few seconds, for the smoke test")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON (run_all)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--limit", type=float, default=LIMIT_S, help="CPU seconds an audit may take")
    parser.add_argument("--max-gb", type=float, default=MAX_GB, help="memory a size may use")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    rows = run(small=args.small, sizes=tuple(args.sizes), limit_s=args.limit, max_gb=args.max_gb)
    print_rows(rows)
    if args.json:
        emit_json(rows)


if __name__ == "__main__":
    main()
