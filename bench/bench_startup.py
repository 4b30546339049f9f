"""Launch to visible window: the app (empty and demo store) against a bare PySide6 window, same run.

Each launch is a fresh process that quits as soon as its window has been shown; we time the whole
process (interpreter start included), take the median of several runs, and report the ratio.
The window shows before the store opens; "ready" also times opening the store and building the Log page
(the moment a teacher can type), so the honest cost of the whole start is reported too.
Targets (issue 9): <= 1.5 s, and <= 2.5x the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1366, 768); w.show()\n"
    "QTimer.singleShot(0, app.quit); app.exec()\n"
)


READY = {"FAIR_STRICTNESS_QUIT_WHEN_SHOWN": "", "FAIR_STRICTNESS_QUIT_WHEN_READY": "1"}


def _time(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(runs: int = 7) -> dict[str, float]:
    """Measure and print the medians; returns them."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["FAIR_STRICTNESS_QUIT_WHEN_SHOWN"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.db"
        demo = Path(tmp) / "demo.db"
        app = [sys.executable, "-m", "app"]
        subprocess.run([*app, "--db", str(empty), "--help"], env=env, check=True, capture_output=True)
        has_demo = (
            subprocess.run([*app, "--db", str(demo), "demo"], env=env, capture_output=True).returncode == 0
        )
        bare = _time([sys.executable, "-c", BARE], env, runs)
        results = {
            "bare PySide6 window": bare,
            "app, empty store": _time([*app, "--db", str(empty)], env, runs),
        }
        if has_demo:
            results["app, demo store"] = _time([*app, "--db", str(demo)], env, runs)
            ready_env = {**env, **READY}
            results["app, demo store, ready to type"] = _time([*app, "--db", str(demo)], ready_env, runs)
    for name, value in results.items():
        print(f"{name:32s} {value * 1000:7.0f} ms   ratio {value / bare:4.2f}")
    return results


if __name__ == "__main__":
    main()
