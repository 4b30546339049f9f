"""Smoke test of the benchmarks: each one runs at a tiny size and gives numbers (speed is not tested here).

The benchmarks themselves are not part of the test run (``make bench``); this only keeps them from
rotting when the code they drive changes.
"""

from __future__ import annotations

import importlib
import math
import sys
import types
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def run_all():  # type: ignore[no-untyped-def]
    """bench/run_all.py as a module (bench/ on the path, as when it runs as a script)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("run_all")


@pytest.mark.slow  # ~25 s of CPU for the six together; deselect with -m "not slow"
@pytest.mark.parametrize("name", ["log", "audit", "baseline", "scaling", "reflection", "team"])
def test_each_benchmark_runs_small(run_all, qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    rows = run_all.BENCHES[name](True)
    assert rows, f"{name} measured nothing"
    for row in rows:
        assert row.unit in {"s", "ms", "MB", "x"}
        # a bounded size may be reported as stopped (NaN) with its reason; every other value is real
        assert (math.isnan(row.value) and row.note.startswith("stopped")) or row.value > 0, row


def test_startup_and_import_adapters(run_all, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """bench_startup.py and bench_import.py launch processes and import 8,000 students: too slow for
    the test run, so their results are faked here; the adapters that turn them into rows are real."""
    startup = types.SimpleNamespace(
        main=lambda runs: {"bare PySide6 window": 0.4, "app, empty store": 0.8, "app, demo store": 1.2}
    )
    monkeypatch.setitem(sys.modules, "bench_startup", startup)
    rows = {r.what: r for r in run_all._startup(small=True)}
    assert rows["launch to visible window: app, demo store"].verdict == "ok"
    assert rows["launch: app, demo store, ratio to the bare window"].value == pytest.approx(3.0)
    assert rows["launch: app, demo store, ratio to the bare window"].verdict == "MISSED"

    real = importlib.import_module("bench_import")
    fake = types.SimpleNamespace(
        main=lambda n: {"import": 12.0, "export": 1.0, "reimport_export": 11.0},
        write_files=real.write_files,
    )
    monkeypatch.setitem(sys.modules, "bench_import", fake)
    rows = run_all._import(small=True)
    assert [r.what for r in rows] == [
        "import 5,000 incidents (CSV, fresh store)",
        "export 5,000 incidents to CSV",
        "re-import that export (5,000)",
        "import a roster of 300 students (CSV, fresh store)",
    ]
    assert rows[0].value == 12.0 and rows[0].target is None  # no target at the small size
    assert rows[-1].value > 0  # the roster import is really measured


def test_results_are_written_between_the_markers(run_all, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nintro\n\n{run_all.START}\nold\n{run_all.END}\n\n## Analysis\nkept\n")
    monkeypatch.setattr(run_all, "DOC", doc)
    row = run_all.Row("audit, one-teacher year", 1.4, "s", 1.0, "busy machine")
    section = run_all.markdown(
        [row], ["scaling: stopped"], run_all.machine(), "2026-11-26 07:30", ("1.0", "2.0")
    )
    run_all.write_doc(section)
    text = doc.read_text()
    assert "old" not in text
    assert text.startswith("# Benchmarks\n\nintro") and text.endswith("## Analysis\nkept\n")
    assert "| audit, one-teacher year | 1.40 s | ≤ 1.00 s | **missed** | busy machine |" in text
    assert "- scaling: stopped" in text
    assert "**cores**" in text and "**Python**" in text


@pytest.mark.slow  # a few seconds: one simulated year per row
def test_the_method_comparisons_run_small(capsys: pytest.CaptureFixture[str]) -> None:
    """bench/other_years.py, bench/issue_years.py and bench/frontier.py (docs/audit.md) print their
    tables."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    other_years = importlib.import_module("other_years")
    issue_years = importlib.import_module("issue_years")
    frontier = importlib.import_module("frontier")
    other_years.run(1, 30000)
    out = capsys.readouterr().out
    assert out.count("of 1 |") >= 6  # every other-settings row
    issue_years.run(1, 40000, ("audit", "audit_merged"))
    out = capsys.readouterr().out
    assert out.count("| audit |") == out.count("| audit_merged |") >= 8  # every scenario, each pattern
    assert "| Fridays: a stricter answer 15 points more often | audit | friday stricter |" in out
    frontier.run(1, [10000])
    out = capsys.readouterr().out
    assert "| class test alone at p below |" in out and "| 0.005 |" in out
    frontier.run(1, [40000], issue=True)  # the years drawn another way, and everything at once
    out = capsys.readouterr().out
    assert "| class test alone at p below |" in out and "| p below | boys found | Friday found |" in out
    methods = importlib.import_module("methods")
    expected = {"audit", "audit_equal", "audit_merged", "audit_60_20_20", "audit_70_15_15", "stricter_or_not"}
    expected |= {"week_together", "week_halves", "sigma_fine"}
    assert expected <= set(methods.METHODS)
