"""Run every benchmark, each in its own process, print one table; ``--write`` records it in docs.

``make bench`` runs this. ``--write`` replaces the generated part of ``docs/benchmarks.md`` (between
the ``results`` markers) with the table, the machine (CPU, cores, memory, Python, library versions),
the date and the load on the machine; the hand-written analysis around it stays.
Usage: ``.venv/bin/python bench/run_all.py [--only audit log] [--skip scaling] [--small] [--write]``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

try:
    from bench._common import ROOT, Row, cpu_count, emit_json, print_rows
except ModuleNotFoundError:  # run as a script
    from _common import ROOT, Row, cpu_count, emit_json, print_rows

DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
LIBRARIES = (
    "PySide6-Essentials",
    "SQLAlchemy",
    "pandas",
    "numpy",
    "scipy",
    "statsmodels",
    "matplotlib",
    "fpdf2",
)
TIMEOUT_S = 1800


def _startup(small: bool) -> list[Row]:
    """bench_startup.py (the lead's): medians in seconds -> rows with both targets, plus CPU per launch."""
    module = importlib.import_module("bench_startup")
    res = module.main(runs=2 if small else 7)
    cpu = _launch_cpu(module, 1 if small else 3)
    bare = res["bare PySide6 window"]
    note = f"CPU {cpu['bare']:.2f} s a launch" if cpu else ""
    rows = [Row("launch: bare PySide6 window (reference)", bare, "s", note=note)]
    for key, short in (("app, empty store", "empty"), ("app, demo store", "demo")):
        if key in res:
            note = f"CPU {cpu[short]:.2f} s a launch" if cpu else ""
            rows.append(Row(f"launch to visible window: {key}", res[key], "s", 1.5, note))
            note = f"CPU ratio {cpu[short] / cpu['bare']:.1f}x" if cpu else ""
            rows.append(Row(f"launch: {key}, ratio to the bare window", res[key] / bare, "x", 2.5, note))
    return rows


def _launch_cpu(module: object, runs: int) -> dict[str, float]:
    """CPU seconds (user + system) a launch costs, bare window and app: less sensitive to a busy machine."""
    import resource
    import tempfile

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FAIR_STRICTNESS_QUIT_WHEN_SHOWN": "1"}
    bare_code = getattr(module, "BARE", None)
    if bare_code is None:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        app = [sys.executable, "-m", "app"]
        demo, empty = str(Path(tmp) / "demo.db"), str(Path(tmp) / "empty.db")
        subprocess.run([*app, "--db", demo, "demo"], env=env, check=True, capture_output=True, cwd=ROOT)
        subprocess.run([*app, "--db", empty, "--help"], env=env, check=True, capture_output=True, cwd=ROOT)
        commands = {
            "bare": [sys.executable, "-c", bare_code],
            "empty": [*app, "--db", empty],
            "demo": [*app, "--db", demo],
        }
        out = {}
        for key, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            for _ in range(runs):
                subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            out[key] = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs
    return out


def _import(small: bool) -> list[Row]:
    """bench_import.py (the importers'): seconds -> rows; the target is for the import itself."""
    module = importlib.import_module("bench_import")
    n = 5_000 if small else 100_000
    res = module.main(n)
    rows = [Row(f"import {n:,} incidents (CSV, fresh store)", res["import"], "s", None if small else 10.0)]
    if "export" in res:
        rows.append(Row(f"export {n:,} incidents to CSV", res["export"], "s"))
    if "reimport_export" in res:
        rows.append(Row(f"re-import that export ({n:,})", res["reimport_export"], "s"))
    rows.append(_roster(module, small))
    return rows


def _roster(module: object, small: bool) -> Row:
    """The roster the 100,000-incident import needs (8,000 students), imported into a fresh store."""
    import tempfile

    from app.importers import import_roster
    from app.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        roster, _ = module.write_files(Path(tmp), 1)  # type: ignore[attr-defined]
        if small:  # the first 300 students only
            lines = roster.read_text(encoding="utf-8").splitlines(keepends=True)[:301]
            roster.write_text("".join(lines), encoding="utf-8")
        n = len(roster.read_text(encoding="utf-8").splitlines()) - 1
        with Store.open(Path(tmp) / "r.db") as store:
            started = time.perf_counter()
            import_roster(store, roster)
            seconds = time.perf_counter() - started
    return Row(f"import a roster of {n:,} students (CSV, fresh store)", seconds, "s")


def _module(name: str) -> Callable[[bool], list[Row]]:
    """A benchmark module with ``run(small)``."""

    def call(small: bool) -> list[Row]:
        return importlib.import_module(name).run(small=small)

    return call


#: name -> how to run it in the child process, in the order of the issue's table
BENCHES: dict[str, Callable[[bool], list[Row]]] = {
    "startup": _startup,
    "log": _module("bench_log"),
    "import": _import,
    "audit": _module("bench_audit"),
    "baseline": _module("bench_baseline"),
    "scaling": _module("bench_scaling"),
    "reflection": _module("bench_reflection"),
    "team": _module("bench_team"),
}


def _child(name: str, small: bool) -> None:
    """In the child: run one benchmark and print its rows as JSON."""
    bench_dir = str(Path(__file__).resolve().parent)
    if bench_dir not in sys.path:
        sys.path.insert(0, bench_dir)
    emit_json(BENCHES[name](small))


def run_one(name: str, small: bool = False, timeout: float = TIMEOUT_S) -> tuple[list[Row], str]:
    """One benchmark in a fresh process: (rows, problem text or '')."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "MPLBACKEND": "Agg",
    }
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, *(["--small"] if small else [])]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return [], f"{name}: stopped after {timeout:.0f} s"
    found = [line for line in done.stdout.splitlines() if line.startswith("BENCH-JSON ")]
    if done.returncode != 0 or not found:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [], f"{name}: failed (exit {done.returncode}): {tail}"
    return [Row(**r) for r in json.loads(found[-1].removeprefix("BENCH-JSON "))], ""


def _cpu_model() -> str:
    """The CPU's model name (Linux), else what platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float:
    """Total memory in GB (Linux), 0 when unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _load() -> str:
    """The 1-minute load average, or '?'."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def _commit() -> str:
    """The checked-out commit, short."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or "?"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    versions = []
    for lib in LIBRARIES:
        try:
            versions.append(f"{lib} {metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            continue
    return {
        "CPU": _cpu_model(),
        "cores": str(cpu_count()),
        "memory": f"{_ram_gb():.1f} GB",
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "libraries": ", ".join(versions),
        "commit": _commit(),
    }


def markdown(
    rows: list[Row], problems: list[str], info: dict[str, str], when: str, load: tuple[str, str]
) -> str:
    """The generated part of docs/benchmarks.md."""
    out = [
        START,
        "",
        f"Measured {when} UTC, commit `{info['commit']}`, with `make bench` (`bench/run_all.py --write`).",
        "",
    ]
    out += [f"- **{k}**: {v}" for k, v in info.items() if k != "commit"]
    out += [f"- **load average** (1 min) at start / end: {load[0]} / {load[1]}", ""]
    out += ["| what | measured | target | verdict | notes |", "| --- | ---: | --- | --- | --- |"]
    for r in rows:
        verdict = {"ok": "met", "MISSED": "**missed**", "": ""}[r.verdict]
        out.append(f"| {r.what} | {r.shown()} | {r.target_shown()} | {verdict} | {r.note} |")
    if problems:
        out += ["", "Not measured in this run:", ""] + [f"- {p}" for p in problems]
    out += ["", END]
    return "\n".join(out)


def write_doc(section: str) -> None:
    """Replace the generated part of docs/benchmarks.md (or append it when the markers are missing)."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> int:
    """Run the chosen benchmarks one by one, print the table, optionally write the doc."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), help="run only these")
    parser.add_argument("--skip", nargs="+", choices=list(BENCHES), default=[], help="leave these out")
    parser.add_argument("--small", action="store_true", help="tiny sizes (checks the scripts, not the speed)")
    parser.add_argument("--write", action="store_true", help="record the results in docs/benchmarks.md")
    parser.add_argument("--child", choices=list(BENCHES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.small)
        return 0
    names = [n for n in (args.only or list(BENCHES)) if n not in args.skip]
    load_start, when = _load(), datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    rows: list[Row] = []
    problems: list[str] = []
    for name in names:
        started = time.perf_counter()
        got, problem = run_one(name, small=args.small)
        print(f"== {name} ({time.perf_counter() - started:.0f} s)", flush=True)
        print_rows(got)
        rows += got
        if problem:
            print(problem, flush=True)
            problems.append(problem)
    missed = [r for r in rows if r.verdict == "MISSED"]
    print(f"\n{len(rows)} numbers, {len(missed)} targets missed, {len(problems)} benchmarks not measured")
    if args.write:
        write_doc(markdown(rows, problems, machine(), when, (load_start, _load())))
        print(f"written to {DOC.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
