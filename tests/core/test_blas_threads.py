"""The app keeps OpenBLAS to one thread: the audit's matrices are small, and extra threads only spin
(same wall time, up to a third more CPU time; docs/benchmarks.md)."""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = "import app, os, numpy; print(os.environ.get('OPENBLAS_NUM_THREADS'))"


def _run(env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_one_blas_thread_unless_the_user_says_otherwise() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _run(env) == "1"
    assert _run({**env, "OPENBLAS_NUM_THREADS": "2"}) == "2"
