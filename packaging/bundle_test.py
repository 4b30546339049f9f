"""Smoke test and start-up measurement of the built bundle (``make bundle-test``; not part of ``make test``).

It runs the bundle the way a teacher's computer would: a fresh user profile (temporary HOME and XDG
folders), an environment without the development venv (no PYTHONPATH, no VIRTUAL_ENV, the venv's bin
folder off PATH), from a folder outside the repository. Then:

* ``--version``, ``demo``, ``audit --json`` and ``export-team`` from the bundle, outputs checked;
* every page rendered offscreen to a PNG (``--page P --screenshot FILE``), and the demo window too;
* on Linux: without any display the bundle says what is missing and exits with 3 (no Qt abort);
* nothing of the test or build tools inside the bundle;
* start-up of the bundle against this venv in the same run (``--version``, the first window shown
  offscreen, ready to type on the demo year), interleaved, medians; the bundle must stay within
  ``--ratio`` (1.5x) of the venv;
* the bundle's size against ``BUDGET_MB``.

``--write`` records the numbers in docs/benchmarks.md (between the ``bundle`` markers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from app import __version__  # noqa: E402
from app.cli import PAGES  # noqa: E402

#: the bundle folder may not grow past this (measured 390 MB on Linux, 2026-12-05)
BUDGET_MB = 450
#: what must not be inside the bundle: test and build tools
FORBIDDEN = (
    "pytest",
    "_pytest",
    "hypothesis",
    "PyInstaller",
    "ruff",
    "importlinter",
    "pypdf",
    "tests",
    "mypy",
)
MARK_START, MARK_END = "<!-- bundle:start -->", "<!-- bundle:end -->"
VERSION = "--version"
WINDOW = "first window shown (offscreen, empty store)"
READY = "ready to type (demo year, Log page built)"
#: the start-ups held to ``--ratio``
ASSERTED = (VERSION, WINDOW, READY)


@dataclass
class Report:
    """Checks passed and failed, timings and sizes: printed, and written with ``--write``."""

    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    timings: dict[str, tuple[float, float]] = field(default_factory=dict)  # name -> (bundle, venv) s
    size_mb: float = 0.0
    files: int = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        (self.passed if ok else self.failed).append(what if ok else f"{what}: {detail}"[:400])
        print(
            ("  ok    " if ok else "  FAIL  ")
            + what
            + ("" if ok or not detail else f"\n        {detail[:400]}")
        )
        return ok


def bundle_paths(dist: Path) -> tuple[Path, Path]:
    """The window executable and the command-line one (the same file except on Windows)."""
    if sys.platform == "win32":
        folder = dist / "fair-strictness"
        return folder / "fair-strictness.exe", folder / "fair-strictness-cli.exe"
    if sys.platform == "darwin":
        exe = dist / "Fair strictness.app" / "Contents" / "MacOS" / "fair-strictness"
        return exe, exe
    exe = dist / "fair-strictness" / "fair-strictness"
    return exe, exe


def clean_env(profile: Path) -> dict[str, str]:
    """A teacher's environment: a fresh profile, no trace of the development venv, offscreen Qt."""
    venv_bin = str(Path(sys.executable).parent)
    path = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != venv_bin and ".venv" not in p
    )
    keep = ("SYSTEMROOT", "WINDIR", "COMSPEC", "TEMP", "TMP", "USERNAME", "LANG", "LC_ALL", "TZ")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        PATH=path,
        HOME=str(profile),
        USERPROFILE=str(profile),
        APPDATA=str(profile / "AppData" / "Roaming"),
        LOCALAPPDATA=str(profile / "AppData" / "Local"),
        XDG_DATA_HOME=str(profile / ".local" / "share"),
        XDG_CONFIG_HOME=str(profile / ".config"),
        XDG_CACHE_HOME=str(profile / ".cache"),
        XDG_RUNTIME_DIR=str(profile / "run"),
        QT_QPA_PLATFORM="offscreen",
        MPLCONFIGDIR=str(profile / ".config" / "matplotlib"),
    )
    if sys.platform == "win32":  # platformdirs asks Windows itself for the folders, not the environment
        store = profile / "AppData" / "Local" / "fair-strictness" / "fair-strictness.db"
        env["FAIR_STRICTNESS_DB"] = str(store)
    (profile / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run(
    cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def png_is_drawn(path: Path) -> tuple[bool, str]:
    """A real PNG of 1366x768 with more than a handful of colours (not a blank window)."""
    from PySide6.QtGui import QImage

    if not path.is_file() or path.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        return False, "no PNG written"
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    ok = (image.width(), image.height()) == (1366, 768) and len(colours) > 8
    return ok, f"{image.width()}x{image.height()}, {len(colours)} colours sampled"


def smoke(exe: Path, cli: Path, env: dict[str, str], work: Path, report: Report) -> None:
    """The commands and pages, from the bundle."""
    out = run([str(cli), "--version"], env, work)
    report.check(
        out.returncode == 0 and out.stdout.startswith(f"fair-strictness {__version__} (bundle"),
        "--version names this version and says it is the bundle",
        out.stdout + out.stderr,
    )
    out = run([str(cli), "demo"], env, work)
    report.check(out.returncode == 0 and "100" in out.stdout, "demo fills a fresh store", out.stderr)
    stores = sorted(Path(env["HOME"]).rglob("fair-strictness.db"))
    report.check(len(stores) == 1, "the store is in the fresh profile's data folder", str(stores))
    out = run([str(cli), "audit", "--json"], env, work)
    try:
        audit = json.loads(out.stdout)
    except json.JSONDecodeError:
        audit = {}
    report.check(
        out.returncode == 0
        and audit.get("schema") == "fair-strictness/audit/v1"
        and audit.get("n_incidents", 0) > 1000
        and bool(audit.get("findings")),
        "audit --json: the schema, the demo year's incidents and findings",
        out.stderr[-400:],
    )
    out = run([str(cli), "--lang", "en", "followups"], env, work)
    report.check(
        out.returncode == 0
        and ("school days" in out.stdout or out.stdout.strip() == "No follow-up open.")
        and "schooldagen" not in out.stdout,
        "the English catalog of the command line's texts is in the bundle",
        out.stdout + out.stderr,
    )
    team = work / "team"
    out = run([str(cli), "export-team", "--out", str(team)], env, work)
    pdfs, jsons, csvs = (
        sorted(team.glob(f"*.{ext}")) if team.is_dir() else [] for ext in ("pdf", "json", "csv")
    )
    ok = out.returncode == 0 and len(pdfs) == 1 and pdfs[0].read_bytes()[:5] == b"%PDF-" and len(csvs) >= 3
    ok = ok and all(json.loads(p.read_text(encoding="utf-8")) for p in jsons)
    report.check(ok, "export-team: handout PDF, CSV tables and exchange JSON", out.stderr[-400:])
    for page in PAGES:
        shot = work / "pages" / f"{page}.png"
        out = run([str(exe), "--page", page, "--screenshot", str(shot)], env, work)
        drawn, detail = png_is_drawn(shot)
        report.check(
            out.returncode == 0 and drawn, f"page '{page}' rendered offscreen ({detail})", out.stderr
        )
    shot = work / "pages" / "demo-window.png"
    out = run([str(exe), "--demo", "--page", "reflection", "--screenshot", str(shot)], env, work)
    drawn, detail = png_is_drawn(shot)
    report.check(out.returncode == 0 and drawn, f"the demo window rendered ({detail})", out.stderr)
    if sys.platform.startswith("linux"):
        headless = {
            k: v for k, v in env.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
        }
        out = run([str(exe), "--lang", "en"], headless, work, timeout=60)
        report.check(
            out.returncode == 3 and "cannot open its window" in out.stderr,
            "without a display: our message and exit code 3, no Qt abort",
            out.stderr,
        )


def contents(folder: Path, report: Report) -> None:
    """Size against the budget; no test or build tools inside."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    report.files = len(files)
    report.size_mb = sum(p.stat().st_size for p in files) / 1e6
    report.check(
        report.size_mb <= BUDGET_MB, f"size {report.size_mb:.0f} MB within the budget of {BUDGET_MB} MB"
    )
    names = {part for p in files for part in p.relative_to(folder).parts}
    found = sorted(set(FORBIDDEN) & names)
    report.check(not found, "no test or build tools inside (" + ", ".join(FORBIDDEN) + ")", ", ".join(found))
    for needed in ("fair_strictness_en.qm", "defaults.json", "fair-strictness.png", "privacy.md", "LICENSE"):
        report.check(needed in names, f"carries {needed}")
    report.check(
        any(n.startswith(("libqxcb", "qwindows", "libqcocoa")) for n in names),
        "carries the Qt platform plugin",
    )
    report.check(
        any(n.startswith("libqoffscreen") or n == "qoffscreen.dll" for n in names), "carries Qt offscreen"
    )
    report.check("sqlcipher3" in names, "carries SQLCipher (sqlcipher3)")
    report.check("mpl-data" in names, "carries matplotlib's data (fonts)")


def _timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False, timeout=120)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed: {result.stderr.decode(errors='replace')[-300:]}")
    return elapsed


def startup(exe: Path, cli: Path, env: dict[str, str], work: Path, runs: int, report: Report) -> None:
    """Bundle against venv, interleaved in one run; medians of ``runs`` after one warm-up each."""
    venv_env = {**env, "PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "")}
    venv = [sys.executable, "-m", "app"]
    demo = next(Path(env["HOME"]).rglob("fair-strictness.db"))  # filled by the smoke test's `demo`
    cases = {
        VERSION: ([str(cli), "--version"], [*venv, "--version"], {}),
        WINDOW: (
            [str(exe), "--db", str(work / "empty.db")],
            [*venv, "--db", str(work / "empty.db")],
            {"FAIR_STRICTNESS_QUIT_WHEN_SHOWN": "1"},
        ),
        READY: (
            [str(exe), "--db", str(demo)],
            [*venv, "--db", str(demo)],
            {"FAIR_STRICTNESS_QUIT_WHEN_READY": "1"},
        ),
    }
    for name, (bundle_cmd, venv_cmd, extra) in cases.items():
        b_env, v_env = {**env, **extra}, {**venv_env, **extra}
        _timed(bundle_cmd, b_env, work), _timed(venv_cmd, v_env, work)  # warm the disk cache
        b_times, v_times = [], []
        for _ in range(runs):
            b_times.append(_timed(bundle_cmd, b_env, work))
            v_times.append(_timed(venv_cmd, v_env, work))
        report.timings[name] = (statistics.median(b_times), statistics.median(v_times))


def write_markdown(report: Report, ratio: float, runs: int) -> None:
    """Record the numbers in docs/benchmarks.md between the bundle markers."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    lines = [
        MARK_START,
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit `{commit.stdout.strip() or '?'}`, with "
        f"`make bundle-test` (`packaging/bundle_test.py --write`): {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, load {load:.1f} at the end; medians of {runs} interleaved launches each.",
        "",
        "| what | bundle | venv | ratio | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, (b, v) in report.timings.items():
        verdict = ("met" if b <= ratio * v else "**missed**") if name in ASSERTED else "reported"
        target = f"≤ {ratio}x: {verdict}" if name in ASSERTED else "-"
        lines.append(f"| {name} | {b:.2f} s | {v:.2f} s | {b / v:.2f}x | {target} |")
    lines += [
        f"| size of the bundle folder | {report.size_mb:.0f} MB | | | ≤ {BUDGET_MB} MB: "
        f"{'met' if report.size_mb <= BUDGET_MB else '**missed**'} ({report.files:,} files) |",
        "",
        f"Smoke checks: {len(report.passed)} passed, {len(report.failed)} failed.",
        "",
        MARK_END,
    ]
    path = ROOT / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.find(MARK_START), text.find(MARK_END)
    block = "\n".join(lines)
    text = (
        text[:start] + block + text[end + len(MARK_END) :]
        if start >= 0 and end > start
        else text + "\n" + block
    )
    path.write_text(text, encoding="utf-8")
    print(f"written to {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where `make bundle` put the bundle")
    parser.add_argument("--runs", type=int, default=5, help="launches per start-up measurement")
    parser.add_argument(
        "--ratio", type=float, default=1.5, help="bundle start-up may be at most this x the venv"
    )
    parser.add_argument("--write", action="store_true", help="record the numbers in docs/benchmarks.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary profile and PNGs")
    args = parser.parse_args(argv)
    exe, cli = bundle_paths(args.dist)
    if not exe.is_file():
        print(f"No bundle at {exe}: run `make bundle` first.", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for the PNG checks in this process
    report = Report()
    tmp = Path(tempfile.mkdtemp(prefix="fs-bundle-test-"))
    try:
        profile, work = tmp / "profile", tmp / "work"
        work.mkdir(parents=True)
        env = clean_env(profile)
        print(f"bundle: {exe}\nprofile: {profile}\nPATH without the venv; no PYTHONPATH, no VIRTUAL_ENV\n")
        folder = exe.parents[2] if sys.platform == "darwin" else exe.parent
        contents(folder, report)
        smoke(exe, cli, env, work, report)
        startup(exe, cli, env, work, args.runs, report)
        print()
        for name, (b, v) in report.timings.items():
            line = f"start-up, {name}: bundle {b:.2f} s, venv {v:.2f} s = {b / v:.2f}x"
            if name in ASSERTED:
                report.check(b <= args.ratio * v, f"{line} (≤ {args.ratio}x)")
            else:
                print(f"  info  {line}")
        print(f"\n{len(report.passed)} passed, {len(report.failed)} failed; bundle {report.size_mb:.0f} MB")
        if args.write:
            write_markdown(report, args.ratio, args.runs)
        if args.keep:
            print(f"kept: {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
